import type { LocalizedText } from '../locales/i18n-context';

/** One offending field of a rejected request; `path` is dotted (`address.city`). */
export interface ApiFieldError {
  path: string;
  message: LocalizedText;
}

/** The body of every error response from the server. */
interface ApiErrorBody {
  error: {
    code: string;
    status: number;
    message: LocalizedText;
    fields?: ApiFieldError[];
    requestId?: string;
  };
}

/** Codes the client makes up itself when no proper error body came back. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK_ERROR', unexpected: 'UNEXPECTED_RESPONSE' } as const;

/** An error answer from the API, or a transport failure dressed the same way. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly fields: ApiFieldError[];
  readonly requestId: string | undefined;

  constructor(body: ApiErrorBody['error']) {
    super(`${body.code}: ${body.message.en || body.message.zh}`);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = body.status;
    this.text = body.message;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
  }
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LocalizedText).zh === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code: unknown }).code === 'string' &&
    isLocalizedText((error as { message: unknown }).message)
  );
}

// The CSRF token lives in memory only: it comes with login and /me and goes back on every mutation.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (session expired or ended elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Leave a 401 to the caller instead of sending the user to the login page. */
  allow401?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls the JSON API with the session cookie. Mutations carry `x-csrf-token`.
 * Resolves with the parsed body; rejects with `ApiError` for any non-2xx answer or network failure.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Fastify refuses an empty body declared as JSON, so the header goes only with a body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      code: CLIENT_ERROR_CODES.network,
      status: 0,
      message: {
        zh: '无法连接服务器，请检查网络后重试',
        en: 'Cannot reach the server. Check the network and try again.',
      },
    });
  }

  const data = await readJson(response);
  if (response.ok) return data as T;

  const body = isErrorBody(data) ? data.error : null;
  // A wrong current password (change-password) is not a lost session: only other 401s sign out.
  if (response.status === 401 && !options.allow401 && body?.code !== 'INVALID_CREDENTIALS') {
    csrfToken = null;
    unauthorizedHandler?.();
  }
  if (body) throw new ApiError({ ...body, status: body.status || response.status });
  throw new ApiError({
    code: CLIENT_ERROR_CODES.unexpected,
    status: response.status,
    message: {
      zh: `服务器返回了无法识别的响应（HTTP ${response.status}）`,
      en: `The server sent an unexpected response (HTTP ${response.status})`,
    },
  });
}

/** Shorthands for the common verbs. */
export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** A list answer: one page of items and the total count. */
export interface ListResult<T> {
  items: T[];
  total: number;
}
