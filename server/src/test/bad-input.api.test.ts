import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/src/roles';
import { DEMO_USER_OF, ROUTE_ACCESS } from './authz/route-access.table';
import {
  type OpenApiDoc,
  type Operation,
  operationsOf,
  sampleOf,
  stringPaths,
  withValueAt,
} from './openapi-samples';
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

const NUL = 'a\u0000b';
const FAKE_ID = '01a00000-0000-7000-8000-000000000000';

/** Rows in every table: a refused request must change none of them. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const names =
    t.db.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          t.db.kysely,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          t.db.kysely,
        );
  const out: Record<string, number> = {};
  for (const { name } of names.rows) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(t.db.kysely);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

describe.skipIf(SKIP_DB)('control characters, dates and odd queries: 400 on every route, never 500', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let operations: Operation[];
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const [role, username] of Object.entries(DEMO_USER_OF)) {
      sessions.set(role as Role, await t.login(username));
    }
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
    operations = operationsOf(doc);
  });
  afterAll(async () => t?.close());

  /** A session of a role the route lets in (the text guard must be reached, not the access gate). */
  function sessionFor(op: Operation): Session {
    const rule = ROUTE_ACCESS[`${op.method} ${op.path}`];
    const role: Role = Array.isArray(rule) ? (rule[0] ?? 'admin') : 'admin';
    const s = sessions.get(role);
    if (!s) throw new Error(`no session for ${role}`);
    return s;
  }

  function urlOf(op: Operation, params: Record<string, string> = {}, query = ''): string {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name] ?? FAKE_ID),
    );
    return query ? `${path}?${query}` : path;
  }

  /** Sends and returns a failure line, or null when the answer is the 400 naming `field`. */
  async function expectRefused(op: Operation, url: string, field: string, body?: unknown) {
    const res = await t.call(sessionFor(op), op.method, url, body);
    if (res.statusCode !== 400)
      return `${op.method} ${url} (${field}): ${res.statusCode} ${res.body.slice(0, 200)}`;
    const paths = (res.json().error.fields as Array<{ path: string }>).map((f) => f.path);
    return paths.includes(field) ? null : `${op.method} ${url}: named ${paths.join(',')} instead of ${field}`;
  }

  it('refuses NUL in every string field of every JSON body, naming the field, and writes nothing', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations.filter((o) => o.body)) {
      const sample = sampleOf(doc, op.body ?? {});
      for (const at of stringPaths(sample)) {
        sent++;
        const failure = await expectRefused(op, urlOf(op), at.join('.'), withValueAt(sample, at, NUL));
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses NUL in every text query parameter and path parameter of every route', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const name of op.textQuery) {
        sent++;
        const failure = await expectRefused(op, urlOf(op, {}, `${name}=a%00b`), `querystring.${name}`);
        if (failure) failures.push(failure);
      }
      for (const name of op.pathParams) {
        sent++;
        const failure = await expectRefused(op, urlOf(op, { [name]: NUL }), `params.${name}`);
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
    expect(operations.filter((o) => o.method === 'GET' && o.textQuery.includes('q')).length).toBeGreaterThan(
      5,
    );
    expect(sent).toBeGreaterThan(100);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses other control characters too, but keeps line breaks and tabs in multi-line text', async () => {
    const admin = sessions.get('admin') as Session;
    for (const bad of ['\u0001', '\u001b[31m', '\u007f', '\u0085', '\ud800']) {
      const res = await t.call(admin, 'POST', '/api/firms', { name: `测试${bad}公司` });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.fields[0].path).toBe('name');
    }
    const multi = await t.call(admin, 'POST', '/api/firms', {
      name: '多行备注测试有限公司',
      note: '第一行\r\n第二行\t缩进',
    });
    expect(multi.statusCode).toBe(201);
    expect(multi.json().note).toBe('第一行\r\n第二行\t缩进');
    const oneLine = await t.call(admin, 'POST', '/api/firms', { name: '换行\n公司' });
    expect(oneLine.statusCode).toBe(400);
    expect(oneLine.json().error.fields[0].path).toBe('name');
  });

  it('removes zero-width and bidi control characters from names', async () => {
    const admin = sessions.get('admin') as Session;
    const res = await t.call(admin, 'POST', '/api/firms', {
      name: '\u202e隐形\u200b字符\u2066测试\u2069有限公司\ufeff',
      contacts: [{ name: '张\u200d三' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('隐形字符测试有限公司');
    expect(res.json().contacts[0].name).toBe('张三');
    const dup = await t.call(
      admin,
      'GET',
      `/api/firms/duplicates?name=${encodeURIComponent('隐形字符测试有限公司')}`,
    );
    expect(dup.json().items.map((i: { name: string }) => i.name)).toContain('隐形字符测试有限公司');
  });

  it('answers the odd requests that were 500s', async () => {
    const admin = sessions.get('admin') as Session;
    const none = await t.call(admin, 'GET', '/api/firms/duplicates');
    expect(none.statusCode).toBe(200);
    expect(none.json().items).toEqual([]);
    const before = await rowCounts(t);
    for (const field of ['date', 'deadline'] as const) {
      const far = await t.call(admin, 'POST', '/api/rounds', { kind: 'month', [field]: '9999-12-31' });
      expect(far.statusCode).toBe(400);
      expect(far.json().error.fields[0].path).toBe(field);
    }
    const old = await t.call(admin, 'POST', '/api/rounds', { kind: 'week', date: '1899-12-31' });
    expect(old.statusCode).toBe(400);
    expect(await rowCounts(t)).toEqual(before);
    const q = await t.call(admin, 'GET', '/api/firms?q=a%00b');
    expect(q.statusCode).toBe(400);
    expect(q.json().error.fields[0].path).toBe('querystring.q');
    // Search syntax of SQLite FTS or LIKE is text like any other.
    for (const odd of ['"', '*', 'NEAR(', 'a OR', "'", '%_\\', '乖宝"宠物', '\t']) {
      const res = await t.call(admin, 'GET', `/api/firms?q=${encodeURIComponent(odd)}`);
      expect(res.statusCode, odd).toBe(200);
    }
  });
});
