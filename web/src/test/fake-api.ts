import { vi } from 'vitest';
import type { ApiErrorBody } from '../../../shared/src/contract/errors';

/** One request the component sent, as the server would read it. */
export interface SentRequest {
  method: string;
  /** The path without the query, e.g. `/api/firms`. */
  path: string;
  body: unknown;
}

/** What the fake server answers: a status (200 unless given) and a JSON body. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
}

/** Answers by `METHOD /path`, e.g. `'POST /api/firms'`; a promise answers late (a slow line). */
export type FakeRoutes = Record<string, (request: SentRequest) => FakeAnswer | Promise<FakeAnswer>>;

/** An API error answer in the server's shape (shared/src/contract/errors.ts). */
export function errorAnswer(error: ApiErrorBody['error']): FakeAnswer {
  return { status: error.status, body: { error } };
}

/**
 * Replaces `fetch`, the one door of web/src/lib/api-client.ts, with a table of answers, so the
 * components run their real hooks and client (CSRF header, JSON body, ApiError of a refusal).
 * Nobody is signed in (`/api/auth/me` answers 401) unless the routes say otherwise; a request no
 * route answers gets a 404. `setup.ts` puts the real `fetch` back after each test.
 */
export function fakeApi(routes: FakeRoutes) {
  const sent: SentRequest[] = [];
  const all: FakeRoutes = {
    'GET /api/auth/me': () =>
      errorAnswer({ code: 'UNAUTHENTICATED', status: 401, message: { zh: '请先登录', en: 'Sign in first' } }),
    ...routes,
  };
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), window.location.href);
    const method = init.method ?? 'GET';
    const request: SentRequest = {
      method,
      path: url.pathname,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    const route = all[`${method} ${url.pathname}`];
    const answer =
      (await route?.(request)) ??
      errorAnswer({ code: 'NOT_FOUND', status: 404, message: { zh: '未找到', en: 'Not found' } });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    /** Every request sent, reads included. */
    sent,
    /** The bodies of the writes (POST, PATCH, PUT, DELETE) to `path`, in order. */
    writesTo: (path: string) =>
      sent.filter((request) => request.method !== 'GET' && request.path === path).map((r) => r.body),
  };
}
