import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectList } from '../../../../shared/src/contract/project';
import { buildApp } from '../../app';
import { openPostgres, openSqlite } from '../../db/connect';
import { createTestApp, type Session, TEST_APP_CONFIG, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * Issue 19: project-list pages are kept as sent and served again until a write is committed
 * (lib/versioned-answers.ts, db/data-version.ts). Never a stale page: after every kind of write
 * the kept app's answer must be byte for byte what an app that keeps nothing computes on the same
 * database — including a write by another connection and a transaction that rolled back.
 */
describe.skipIf(SKIP_DB)('project list: kept pages are never stale', () => {
  let t: TestApp;
  let uncached: FastifyInstance;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let firm: Session;
  const LIST = `/api/projects?${new URLSearchParams({ q: '缓存测试', sort: '-totalInvestment', limit: '20' })}`;

  beforeAll(async () => {
    t = await createTestApp();
    uncached = await buildApp({
      db: t.db,
      clock: t.clock,
      config: {
        ...TEST_APP_CONFIG,
        listCacheMb: 0,
      },
    });
    await uncached.ready();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
    firm = await t.login('firm');
  });
  afterAll(async () => {
    await uncached?.close();
    await t?.close();
  });

  /** The kept app's page, checked against the page computed afresh on the same data. */
  async function page(session: Session, url = LIST): Promise<ProjectList> {
    const kept = await t.call(session, 'GET', url);
    const computed = await uncached.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(kept.body).toBe(computed.body);
    return kept.json() as ProjectList;
  }

  const stats = () => t.app.listAnswers.stats();

  async function create(name: string, totalInvestment: number) {
    const res = await t.call(officer, 'POST', '/api/projects', { name, totalInvestment });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  }

  it('serves a repeated page without computing it again', async () => {
    await create('缓存测试项目甲', 500_000_000);
    await page(leader);
    const before = stats();
    const again = await page(leader);
    // PostgreSQL's snapshot is the whole server's: the other test files' writes in their own
    // databases move it too, so there only the byte-for-byte check above is certain.
    if (t.db.dialect === 'sqlite')
      expect(stats()).toMatchObject({ hits: before.hits + 1, misses: before.misses });
    else expect(stats().hits + stats().misses).toBe(before.hits + before.misses + 1);
    expect(again.items.map((p) => p.name)).toEqual(['缓存测试项目甲']);
  });

  it('recomputes after each kind of write through the app, and matches a fresh computation', async () => {
    const b = await create('缓存测试项目乙', 900_000_000);
    expect((await page(leader)).items.map((p) => p.name)).toEqual(['缓存测试项目乙', '缓存测试项目甲']);

    const edit = await t.call(officer, 'PATCH', `/api/projects/${b.id}`, {
      version: b.version,
      totalInvestment: 100_000_000,
      landMu: 50,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await page(leader)).items.map((p) => p.name)).toEqual(['缓存测试项目甲', '缓存测试项目乙']);

    const moved = await t.call(officer, 'POST', `/api/projects/${b.id}/stage`, {
      to: 'started',
      date: '2026-02-01',
      version: edit.json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await page(leader)).items.find((p) => p.id === b.id)?.stage).toBe('started');

    const late = await t.call(officer, 'POST', `/api/projects/${b.id}/milestones`, {
      name: '主体封顶',
      plannedDate: '2026-02-20',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect((await page(leader)).items.find((p) => p.id === b.id)?.lateMilestones).toBe(1);

    // A name shown on the row but kept in another table: the officer's.
    const users = (await t.call(admin, 'GET', '/api/users?q=officer')).json() as {
      items: Array<{ id: string; username: string; version: number }>;
    };
    const user = users.items.find((u) => u.username === 'officer');
    if (!user) throw new Error('the demo zone has the user officer');
    const renamed = await t.call(admin, 'PATCH', `/api/users/${user.id}`, {
      version: user.version,
      displayName: '缓存测试专员',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await page(leader)).items.every((p) => p.officerName === '缓存测试专员')).toBe(true);
  });

  it('recomputes after a write by another connection', async () => {
    await page(leader);
    const other = t.db.sqlitePath ? openSqlite(t.db.sqlitePath) : openPostgres(t.db.databaseUrl ?? '');
    try {
      await other.kysely
        .updateTable('project')
        .set({ name: '缓存测试项目甲（外部改名）' })
        .where('name', '=', '缓存测试项目甲')
        .execute();
    } finally {
      await other.close();
    }
    const names = (await page(leader)).items.map((p) => p.name);
    expect(names).toContain('缓存测试项目甲（外部改名）');
  });

  it('gives the page of the data as committed after a rolled-back transaction', async () => {
    const before = await page(leader);
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('project')
          .set({ total_investment: 1 })
          .where('name', 'like', '缓存测试%')
          .execute();
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await page(leader)).toEqual(before);
  });

  it('leaves no stale page behind a burst of edits and reads running at once', async () => {
    const made = await Promise.all(
      ['丙', '丁', '戊', '己'].map((n, i) => create(`缓存测试并发${n}`, 10_000_000 * (i + 1))),
    );
    const urls = [
      LIST,
      `/api/projects?${new URLSearchParams({ q: '缓存测试并发', sort: 'name' })}`,
      `/api/projects?${new URLSearchParams({ q: '缓存测试并发', limit: '2' })}`,
      `/api/projects?${new URLSearchParams({ q: '缓存测试', stage: 'signed' })}`,
    ];
    const versions = new Map(made.map((p) => [p.id, p.version]));
    const edit = async (id: string, round: number) => {
      const res = await t.call(officer, 'PATCH', `/api/projects/${id}`, {
        version: versions.get(id),
        totalInvestment: 10_000_000 * ((round * 7 + id.length) % 13) + round,
      });
      expect(res.statusCode, res.body).toBe(200);
      versions.set(id, (res.json() as { version: number }).version);
    };
    for (let round = 1; round <= 6; round++) {
      // Each project's edits stay in order (versioned); reads of every page run beside them.
      await Promise.all([
        ...made.map((p) => edit(p.id, round)),
        ...urls.flatMap((url) => [t.call(leader, 'GET', url), t.call(leader, 'GET', url)]),
      ]);
    }
    for (const url of urls) await page(leader, url);
  });

  it('keeps the pages while signed-in users are only seen again (SQLite: a touch is bookkeeping)', async () => {
    await page(leader);
    t.clock.advanceMinutes(2);
    // Each of these touches its session's last-seen time (at most once a minute per session).
    expect((await t.call(officer, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const before = stats();
    await page(leader);
    if (t.db.dialect === 'sqlite') expect(stats().hits).toBe(before.hits + 1);
    else expect(stats().misses).toBe(before.misses + 1);
  });

  it('keeps pages apart by the caller’s scope and by the day', async () => {
    const all = await page(leader);
    const own = await page(firm);
    expect(all.items.length).toBeGreaterThan(0);
    // The firm user sees only its firm's projects: none of these test projects.
    expect(own.items).toEqual([]);
    const lateToday = all.items.find((p) => p.lateMilestones === 1);
    t.clock.advanceMinutes(24 * 60);
    // A day later the session has expired; signing in again writes, so the key's day is what is
    // tested only together with a write: the page must count one more day late either way.
    leader = await t.login('leader');
    const tomorrow = await page(leader);
    expect(tomorrow.items.find((p) => p.id === lateToday?.id)?.maxDaysLate).toBe(
      (lateToday?.maxDaysLate ?? 0) + 1,
    );
  });
});
