import type { ApiErrorBody, FieldError as ApiFieldError } from '../../../shared/src/contract/errors';
import type { LocalizedText } from '../locales/i18n-context';

export type { FieldError as ApiFieldError } from '../../../shared/src/contract/errors';
/** A list answer: one page of items and the total count (shared/src/contract/list.ts). */
export type { ListResult } from '../../../shared/src/contract/list';

/** Codes the client makes up itself when no proper error body came back. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK_ERROR', unexpected: 'UNEXPECTED_RESPONSE' } as const;

/** An error answer from the API, or a transport failure dressed the same way. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly fields: ApiFieldError[];
  readonly requestId: string | undefined;
  /**
   * Further members of the error object some answers carry, e.g. `duplicates` of a 409
   * DUPLICATE_FIRM or `missingFields` of a refused stage move. Read them with a type guard.
   */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(body: ApiErrorBody['error']) {
    super(`${body.code}: ${body.message.en || body.message.zh}`);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = body.status;
    this.text = body.message;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
    const { code: _c, status: _s, message: _m, fields: _f, requestId: _r, ...details } = body;
    this.details = details;
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
  /** Resolve with the `Response` itself (file downloads); errors are still thrown as `ApiError`. */
  raw?: boolean;
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
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: isForm
        ? (options.body as FormData)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
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

  if (options.raw && response.ok) return response as T;
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
  /** Multipart upload (fields and files in `form`), with the CSRF header like any mutation. */
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', body: form }),
};

/**
 * Downloads a file answer (xlsx) and hands it to the browser as a save, named from
 * Content-Disposition or `fallbackName`. Failures reject with `ApiError` like any request, so the
 * page can show the server's message instead of navigating to a JSON error body.
 */
export async function downloadFile(
  path: string,
  query: RequestOptions['query'],
  fallbackName: string,
): Promise<void> {
  const response = await apiRequest<Response>(path, { query, raw: true });
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the save before the blob goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
