import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { READ_TASKS, READ_TASKS_MODULE } from '../read-tasks';
import { createDemoTestDb, SKIP_DB, TEST_DB_KIND } from '../test/test-db';
import { createReadRunner, READ_WORKER_NICENESS } from './read-pool';

const config = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  secureCookies: false,
  trustProxy: false,
  webDist: path.join(import.meta.dirname, 'none'),
};

/** Which finishes first: a slow read, or a health check sent right after it starts. */
async function race(readWorkers: number): Promise<{ order: string[]; mode: string }> {
  const db = await createDemoTestDb();
  const app = await buildApp({ db, config, readWorkers });
  await app.ready();
  const order: string[] = [];
  const reads = app.reads;
  try {
    const slow = reads.run('system.slow-count', { upTo: 3_000_000 }).then((n) => {
      order.push('slow');
      return n;
    });
    const health = app.inject({ method: 'GET', url: '/healthz' }).then((r) => {
      order.push(`health-${r.statusCode}`);
    });
    const [n] = await Promise.all([slow, health]);
    expect(n).toBe(3_000_000);
    return { order, mode: reads.mode };
  } finally {
    await app.close();
    await db.close();
  }
}

describe.skipIf(SKIP_DB || TEST_DB_KIND !== 'sqlite')('heavy reads off the event loop (SQLite)', () => {
  it('keeps answering while a slow read runs in a worker thread', async () => {
    const res = await race(1);
    expect(res.mode).toBe('workers');
    expect(res.order).toEqual(['health-200', 'slow']);
  });

  it('would stall behind the same read on the main thread (the reason for workers)', async () => {
    const res = await race(0);
    expect(res.mode).toBe('inline');
    expect(res.order).toEqual(['slow', 'health-200']);
  });
});

describe.skipIf(SKIP_DB)(`heavy reads in worker threads (${TEST_DB_KIND})`, () => {
  it('hands a fast read to the free worker instead of queueing it behind a slow one', async () => {
    const db = await createDemoTestDb();
    const app = await buildApp({ db, config, readWorkers: 2 });
    try {
      const order: string[] = [];
      const slow = app.reads.run('system.slow-count', { upTo: 3_000_000 }).then(() => order.push('slow'));
      const fast = app.reads
        .run('audit.list', { sort: '-at', limit: 5, offset: 0 })
        .then(() => order.push('fast'));
      await Promise.all([slow, fast]);
      expect(order).toEqual(['fast', 'slow']);
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('gives the same audit page through a worker as inline', async () => {
    const db = await createDemoTestDb();
    const a = await buildApp({ db, config, readWorkers: 1 });
    const b = await buildApp({ db, config, readWorkers: 0 });
    try {
      const q = { sort: '-at' as const, limit: 10, offset: 0 };
      expect(a.reads.mode).toBe('workers');
      const viaWorker = await a.reads.run('audit.list', q);
      const inline = await b.reads.run('audit.list', q);
      expect(viaWorker.total).toBeGreaterThan(0);
      expect(viaWorker).toEqual(inline);
    } finally {
      await a.close();
      await b.close();
      await db.close();
    }
  });

  it('starts a worker for the first read and ends it once idle (memory back to idle)', async () => {
    const db = await createDemoTestDb();
    const runner = createReadRunner(
      db,
      2,
      { tasks: READ_TASKS, moduleUrl: READ_TASKS_MODULE },
      { idleMs: 50 },
    );
    try {
      expect(runner.mode).toBe('workers');
      expect(runner.threads).toBe(0);
      const page = await runner.run('audit.list', { sort: '-at', limit: 5, offset: 0 });
      expect(page.total).toBeGreaterThan(0);
      await vi.waitFor(() => expect(runner.threads).toBe(0), { timeout: 10_000 });
      // and a read after that starts one again
      expect((await runner.run('audit.list', { sort: '-at', limit: 5, offset: 0 })).total).toBe(page.total);
    } finally {
      await runner.close();
      await db.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    'runs its workers nicer than the event loop, which keeps its priority',
    async () => {
      const db = await createDemoTestDb();
      const runner = createReadRunner(db, 1, { tasks: READ_TASKS, moduleUrl: READ_TASKS_MODULE });
      const before = os.getPriority();
      try {
        expect(runner.mode).toBe('workers');
        const worker = await runner.run('system.priority', undefined);
        expect(worker).toBe(Math.min(19, before + READ_WORKER_NICENESS));
        // Unless the process already runs at the lowest priority, the worker's is lower still.
        expect(worker > before || before === 19).toBe(true);
        expect(os.getPriority()).toBe(before);
      } finally {
        await runner.close();
        await db.close();
      }
    },
  );
});
