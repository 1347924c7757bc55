import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import type { Db } from '../db/connect';
import { initInstance } from '../modules/system/init.service';
import { TestClock } from './test-clock';
import { createTestDb } from './test-db';

export const DEMO_PASSWORD = 'Demo@Test2026';

// Every test file seeds its own demo zone: a small sample (the page's facts are always all there)
// keeps that fast. A run can still ask for more with the variable.
process.env.LIANZHAO_DEMO_SAMPLE_SIZE ??= '40';

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

/** A fresh database with the demo zone and an app built on it; one per test file. */
export async function createTestApp(
  opts: { loginLimits?: { perIpAttempts?: number } } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  const clock = new TestClock();
  await initInstance(db, clock, { demo: true, demoPassword: DEMO_PASSWORD });
  const app = await buildApp({
    db,
    clock,
    config: {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: false,
      trustProxy: false,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
    },
    loginLimits: opts.loginLimits ?? { perIpAttempts: 10_000 },
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
