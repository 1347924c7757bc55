import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test-app';
import { SKIP_DB } from './test-db';

async function userCount(t: TestApp): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.skipIf(SKIP_DB)('bad input: 400 with the field named, nothing written', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const good = { username: 'okname', displayName: '好', role: 'officer', password: 'Start#2026a' };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['unknown field', { ...good, salary: 1 }, 'salary'],
    ['too-long string', { ...good, displayName: '长'.repeat(65) }, 'displayName'],
    ['wrong type', { ...good, role: 7 }, 'role'],
    ['value outside the enum', { ...good, role: 'king' }, 'role'],
    ['missing field', { username: 'x1', role: 'officer', password: 'Start#2026a' }, 'displayName'],
  ];
  for (const [name, body, field] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await userCount(t);
      const res = await t.call(admin, 'POST', '/api/users', body);
      expect(res.statusCode).toBe(400);
      const err = res.json().error as {
        code: string;
        message: { zh: string; en: string };
        fields: Array<{ path: string }>;
      };
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message.zh.length).toBeGreaterThan(0);
      expect(err.message.en.length).toBeGreaterThan(0);
      expect(err.fields.map((f) => f.path).join(' ')).toContain(field);
      expect(await userCount(t)).toBe(before);
    });
  }

  it('refuses an invalid date and a negative number in a query', async () => {
    const date = await t.call(admin, 'GET', '/api/audit?from=2026-13-45');
    expect(date.statusCode).toBe(400);
    expect(date.json().error.fields[0].path).toContain('from');
    const neg = await t.call(admin, 'GET', '/api/audit?offset=-5');
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.fields[0].path).toContain('offset');
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message.zh).toBeTruthy();
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides internals of a 404 and names no stack', async () => {
    const res = await t.call(admin, 'GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('at ');
  });
});
