import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

describe.skipIf(SKIP_DB)('auth: sign-in, sessions, lockout, CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('signs in, returns the user, role and a CSRF token, and /me answers', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: { role: string; username: string }; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'officer', role: 'officer' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'lz_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lz_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'officer' }, csrfToken: body.csrfToken });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'Nope12345!' },
    });
    const ghost = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'Nope12345!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(ghost.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(ghost.json().error.message).toEqual(wrong.json().error.message);
  });

  it('locks a name for 15 minutes after 5 failures, even with the right password, then lets it in', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dept', password } });
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong#pass1')).statusCode).toBe(401);
    const fifth = await attempt('Wrong#pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message.zh).toContain('锁定');
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('actor_name', '=', 'dept')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(4);
    expect(actions).toContain('login.failed-locked');
    expect(actions).toContain('login.locked');
    expect(actions).toContain('login.success');
  });

  it('locks unknown names the same way, so lockout does not reveal who exists', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
        })
      ).statusCode;
    }
    expect(last).toBe(423);
  });

  it('refuses a cookie mutation without the CSRF header, accepts it with the header', async () => {
    const s = await t.login('admin');
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const withHeader = await t.call(s, 'POST', '/api/tokens', { name: 'x' });
    expect(withHeader.statusCode).toBe(201);
  });

  it('ends a session after 30 idle minutes but not while it is used', async () => {
    const s = await t.login('leader');
    t.clock.advanceMinutes(20);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const s = await t.login('leader');
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      await t.call(s, 'GET', '/api/auth/me');
    }
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out: the cookie stops working and the logout is audited', async () => {
    const s = await t.login('officer');
    expect((await t.call(s, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'logout')
      .executeTakeFirst();
    expect(row?.actor_name).toBe('officer');
  });

  it('forces an admin-created account to change its password first, with the policy enforced', async () => {
    const admin = await t.login('admin');
    const created = await t.call(admin, 'POST', '/api/users', {
      username: 'newofficer',
      displayName: '新专员',
      role: 'officer',
      password: 'Start#2026a',
    });
    expect(created.statusCode).toBe(201);
    const s = await t.login('newofficer', 'Start#2026a');
    const blocked = await t.call(s, 'GET', '/api/tokens');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.call(s, 'POST', '/api/auth/change-password', {
      currentPassword: 'Start#2026a',
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    const ok = await t.call(s, 'POST', '/api/auth/change-password', {
      currentPassword: 'Start#2026a',
      newPassword: 'Better#2026b',
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.call(s, 'GET', '/api/tokens')).statusCode).toBe(200);
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'password.change')
      .executeTakeFirst();
    expect(row?.after_json).not.toContain('argon2');
  });

  it('rate-limits sign-ins per client address with 429', async () => {
    const limited = await createTestApp({ loginLimits: { perIpAttempts: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `u${i}`, password: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
