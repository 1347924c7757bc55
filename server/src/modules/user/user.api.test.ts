import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

describe.skipIf(SKIP_DB)('users, API tokens and the audit log', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('lists the five demo accounts with their roles, never the hash', async () => {
    const res = await t.call(admin, 'GET', '/api/users?limit=50');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ username: string; role: string }>; total: number };
    expect(body.items.map((u) => `${u.username}:${u.role}`)).toEqual(
      expect.arrayContaining([
        'admin:admin',
        'leader:leader',
        'officer:officer',
        'dept:department',
        'firm:enterprise',
      ]),
    );
    expect(res.body).not.toContain('argon2');
  });

  it('edits with the version read; a stale version gets 409 and changes nothing', async () => {
    const list = (await t.call(admin, 'GET', '/api/users?q=leader')).json() as {
      items: Array<{ id: string; version: number; displayName: string }>;
    };
    const leader = list.items[0];
    if (!leader) throw new Error('no leader');
    const first = await t.call(admin, 'PATCH', `/api/users/${leader.id}`, {
      version: leader.version,
      displayName: '主任甲',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ displayName: '主任甲', version: leader.version + 1 });
    const stale = await t.call(admin, 'PATCH', `/api/users/${leader.id}`, {
      version: leader.version,
      displayName: '主任乙',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const after = (await t.call(admin, 'GET', '/api/users?q=leader')).json() as {
      items: Array<{ displayName: string }>;
    };
    expect(after.items[0]?.displayName).toBe('主任甲');
    const audit = (
      await t.call(admin, 'GET', `/api/audit?entity=user&entityId=${leader.id}&action=update`)
    ).json() as {
      items: Array<{ before: Record<string, unknown>; after: Record<string, unknown>; actorName: string }>;
    };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorName: 'admin',
      before: { display_name: '开发区领导（示例）' },
      after: { display_name: '主任甲' },
    });
  });

  it('refuses a department user without a department, naming the field', async () => {
    const res = await t.call(admin, 'POST', '/api/users', {
      username: 'depx',
      displayName: 'X',
      role: 'department',
      password: 'Start#2026a',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'departmentId' });
    const count = (await t.call(admin, 'GET', '/api/users?q=depx')).json() as { total: number };
    expect(count.total).toBe(0);
  });

  it('disabling a user ends their sessions at once', async () => {
    const officer = await t.login('officer');
    const list = (await t.call(admin, 'GET', '/api/users?q=officer')).json() as {
      items: Array<{ id: string; version: number }>;
    };
    const o = list.items[0];
    if (!o) throw new Error('no officer');
    expect(
      (await t.call(admin, 'PATCH', `/api/users/${o.id}`, { version: o.version, disabled: true })).statusCode,
    ).toBe(200);
    expect((await t.call(officer, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer', password: 'x' },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it('issues an API token shown once, stores only its hash, and stops it when revoked', async () => {
    const leader = await t.login('leader');
    const created = await t.call(leader, 'POST', '/api/tokens', { name: '统计接口' });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: string }; secret: string };
    const stored = await t.db.kysely
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(viaToken.statusCode).toBe(200);
    // Bearer mutations need no CSRF header.
    const mutate = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'second' },
    });
    expect(mutate.statusCode).toBe(201);
    expect((await t.call(leader, 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.statusCode).toBe(401);
    // Another user cannot revoke (or learn about) this token.
    expect((await t.call(admin, 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it('filters the audit log by actor and time, newest first', async () => {
    const res = await t.call(admin, 'GET', '/api/audit?actor=admin&from=2026-01-01&to=2027-01-01&limit=5');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ at: string; actorName: string }>; total: number };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.actorName === 'admin')).toBe(true);
    const times = body.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const none = (
      await t.call(admin, 'GET', '/api/audit?actor=admin&from=2020-01-01&to=2020-02-01')
    ).json() as { total: number };
    expect(none.total).toBe(0);
  });

  it('has no route that edits or deletes the audit log', async () => {
    for (const method of ['PATCH', 'DELETE', 'PUT'] as const) {
      const res = await t.call(admin, method, '/api/audit', {});
      expect(res.statusCode).toBe(404);
    }
  });
});
