import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Db } from '../db/connect';
import { initInstance } from '../modules/system/init.service';
import { TestClock } from '../test/test-clock';
import { createTestDb, SKIP_DB } from '../test/test-db';

const ADMIN_PASSWORD = 'Headers#Test2026';

/** The headers every response carries, whatever it is (HTML, JSON, error, static file). */
function expectCommonHeaders(res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
  expect(scriptSrc?.trim()).toBe("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
}

describe.skipIf(SKIP_DB)('security headers (helmet) on every kind of response', () => {
  let db: Db;
  let webDist: string;
  let plain: FastifyInstance;
  let secure: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDb();
    const clock = new TestClock();
    await initInstance(db, clock, { demo: false, adminPassword: ADMIN_PASSWORD });
    // A stand-in for the Vite build: the SPA's index.html and one asset.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-headers-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    const build = (secureCookies: boolean) =>
      buildApp({
        db,
        clock,
        config: {
          sessionIdleMinutes: 30,
          sessionAbsoluteHours: 12,
          secureCookies,
          trustProxy: false,
          webDist,
        },
      });
    plain = await build(false);
    secure = await build(true);
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
    await db?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends the CSP and the other headers on the web UI page and its assets, which browsers may cache', async () => {
    const page = await plain.inject({ method: 'GET', url: '/cockpit' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectCommonHeaders(page);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(page.headers['cache-control']).not.toBe('no-store');
    const asset = await plain.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expectCommonHeaders(asset);
  });

  it('marks API JSON answers no-store, successes and errors alike', async () => {
    const meta = await plain.inject({ method: 'GET', url: '/api/meta' });
    expect(meta.statusCode).toBe(200);
    expect(meta.headers['content-type']).toMatch(/^application\/json/);
    expectCommonHeaders(meta);
    expect(meta.headers['cache-control']).toBe('no-store');

    const errorsSeen = [
      await plain.inject({ method: 'GET', url: '/api/auth/me' }),
      await plain.inject({ method: 'GET', url: '/api/no-such-route' }),
      await plain.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } }),
    ];
    expect(errorsSeen.map((r) => r.statusCode)).toEqual([401, 404, 400]);
    for (const res of errorsSeen) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectCommonHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }

    const login = await plain.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    expectCommonHeaders(login);
  });

  it('serves the API docs page under the same script policy', async () => {
    const docs = await plain.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expectCommonHeaders(docs);
    // Swagger UI loads its scripts from files: none inline, so script-src 'self' is enough.
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends HSTS only when the app sits behind TLS (LIANZHAO_SECURE_COOKIES=1)', async () => {
    for (const url of ['/cockpit', '/api/meta', '/api/auth/me']) {
      const off = await plain.inject({ method: 'GET', url });
      expect(off.headers['strict-transport-security']).toBeUndefined();
      expect(String(off.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      const on = await secure.inject({ method: 'GET', url });
      expect(on.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(on.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expectCommonHeaders(on);
    }
  });
});
