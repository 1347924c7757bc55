import { Worker } from 'node:worker_threads';
import type { Db } from './connect';
import { READ_TASKS, type ReadTaskName, type ReadTaskParams, type ReadTaskResult } from './read-tasks';

/** Runs the registered heavy reads: in worker threads on SQLite, inline on PostgreSQL. */
export interface ReadRunner {
  run<K extends ReadTaskName>(name: K, params: ReadTaskParams<K>): Promise<ReadTaskResult<K>>;
  readonly mode: 'workers' | 'inline';
  close(): Promise<void>;
}

function inlineRunner(db: Db): ReadRunner {
  return {
    mode: 'inline',
    run: async (name, params) => {
      const task = READ_TASKS[name] as (d: typeof db.kysely, p: unknown) => Promise<unknown>;
      return (await task(db.kysely, params)) as never;
    },
    close: async () => undefined,
  };
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

function workerRunner(file: string, size: number): ReadRunner {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./read-worker-entry.mjs', import.meta.url), { workerData: { file } });
    worker.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'read task failed'));
    });
    worker.on('error', (err) => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err);
      }
    });
    worker.unref();
    slots.push({ worker, busy: 0 });
  }
  return {
    mode: 'workers',
    run: (name, params) => {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: (v) => {
            slot.busy--;
            resolve(v as never);
          },
          reject: (e) => {
            slot.busy--;
            reject(e);
          },
        });
        slot.worker.postMessage({ id, name, params });
      });
    },
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * better-sqlite3 is synchronous: a one-second aggregate on the main thread would freeze every user.
 * On a file-backed SQLite database heavy reads go to `workers` threads with their own connections.
 */
export function createReadRunner(db: Db, workers: number): ReadRunner {
  if (db.dialect === 'sqlite' && db.sqlitePath && db.sqlitePath !== ':memory:' && workers > 0) {
    return workerRunner(db.sqlitePath, workers);
  }
  return inlineRunner(db);
}
