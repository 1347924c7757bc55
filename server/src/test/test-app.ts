import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import type { Db } from '../db/connect';
import { TestClock } from './test-clock';
import { createDemoTestDb, DEMO_PASSWORD } from './test-db';

export { DEMO_PASSWORD } from './test-db';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: TestClock;
  login(username: string, password?: string): Promise<Session>;
  /** A request as a signed-in user (cookie + CSRF header), or anonymous with `null`. */
  call(
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** What every test app runs with (no web build, plain cookies); a test adds what it measures. */
export const TEST_APP_CONFIG = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  secureCookies: false,
  trustProxy: false,
  webDist: path.join(import.meta.dirname, 'no-web-dist'),
};

/** A fresh database with the demo zone and an app built on it; one per test file. */
export async function createTestApp(
  opts: {
    loginLimits?: { perIpAttempts?: number };
    publicUrl?: string;
    /** Read worker threads (default none: heavy reads run inline, as most tests want). */
    readWorkers?: number;
    /** Lists count exactly up to this many (LIANZHAO_LIST_EXACT_TOTAL_CAP); a test sets a small one. */
    listExactTotalCap?: number;
  } = {},
): Promise<TestApp> {
  // Every test file gets its own copy of the demo zone (seeded once per run, test-templates.ts).
  const db = await createDemoTestDb();
  const clock = new TestClock();
  const app = await buildApp({
    db,
    clock,
    config: {
      ...TEST_APP_CONFIG,
      publicUrl: opts.publicUrl ?? null,
      ...(opts.listExactTotalCap === undefined ? {} : { listExactTotalCap: opts.listExactTotalCap }),
    },
    loginLimits: opts.loginLimits ?? { perIpAttempts: 10_000 },
    ...(opts.readWorkers === undefined ? {} : { readWorkers: opts.readWorkers }),
  });
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'lz_session');
    if (!cookie) throw new Error('no session cookie');
    return { cookie: `lz_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }

  return {
    app,
    db,
    clock,
    login,
    call: (session, method, url, body) =>
      app.inject({
        method,
        url,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
