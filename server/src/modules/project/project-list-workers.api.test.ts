import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type Session, TEST_APP_CONFIG, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * Issue 19: a list page nobody asked for since the last write is computed in an idle read worker
 * (project.read-tasks.ts), so it never holds the event loop while kept pages are served. The page
 * must be byte for byte what the event loop computes, for every scope and after writes.
 */
describe.skipIf(SKIP_DB)('project list pages computed in a read worker', () => {
  let t: TestApp;
  let inline: FastifyInstance;
  let officer: Session;
  let firm: Session;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ readWorkers: 1 });
    inline = await buildApp({
      db: t.db,
      clock: t.clock,
      config: { ...TEST_APP_CONFIG, listCacheMb: 0 },
      readWorkers: 0,
    });
    await inline.ready();
    officer = await t.login('officer');
    firm = await t.login('firm');
  });
  afterAll(async () => {
    await inline?.close();
    await t?.close();
  });

  /** A page no request asked for before (a fresh query each time), from both apps. */
  async function both(session: Session, query: Record<string, string>) {
    const url = `/api/projects?${new URLSearchParams({ ...query, limit: String(20 + (n++ % 30)) })}`;
    const tryRun = vi.spyOn(t.app.reads, 'tryRun');
    const viaWorker = await t.call(session, 'GET', url);
    const usedWorker = tryRun.mock.results.some((r) => r.value !== null);
    tryRun.mockRestore();
    const computed = await inline.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    expect(viaWorker.statusCode, viaWorker.body).toBe(200);
    expect(viaWorker.body).toBe(computed.body);
    return { usedWorker, body: viaWorker.body };
  }

  it('starts a worker on the first page and then computes new pages there, the same bytes', async () => {
    expect(t.app.reads.mode).toBe('workers');
    const first = await both(officer, { sort: '-totalInvestment' });
    expect(first.usedWorker).toBe(false);
    await vi.waitFor(() => expect(t.app.reads.idleThreads).toBe(1), { timeout: 20_000 });
    for (const sort of ['-totalInvestment', 'name', '-code', 'stage']) {
      const page = await both(officer, { sort });
      expect(page.usedWorker).toBe(true);
      expect(JSON.parse(page.body).items.length).toBeGreaterThan(0);
    }
    // An enterprise user's scope reaches the worker: only that firm's projects.
    const own = await both(firm, { sort: 'name' });
    expect(own.usedWorker).toBe(true);
  });

  it('reads the write just committed', async () => {
    await vi.waitFor(() => expect(t.app.reads.idleThreads).toBe(1), { timeout: 20_000 });
    const res = await t.call(officer, 'POST', '/api/projects', {
      name: '工作线程列表测试项目',
      totalInvestment: 123_000_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = await both(officer, { q: '工作线程列表测试' });
    expect(page.usedWorker).toBe(true);
    expect(JSON.parse(page.body).items.map((p: { name: string }) => p.name)).toEqual([
      '工作线程列表测试项目',
    ]);
  });
});
