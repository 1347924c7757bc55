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

interface Job {
  id: number;
  name: ReadTaskName;
  params: unknown;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * One shared queue: a job goes to whichever worker is free, so a fast read never waits behind a
 * slow one while another worker sits idle.
 */
function workerRunner(file: string, size: number): ReadRunner {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, name: job.name, params: job.params });
    }
  }

  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./read-worker-entry.mjs', import.meta.url), { workerData: { file } });
    const slot: Slot = { worker, job: null };
    worker.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.id === msg.id) {
        if (msg.ok) job.resolve(msg.result);
        else job.reject(new Error(msg.error ?? 'read task failed'));
      }
      pump();
    });
    worker.on('error', (err) => {
      slot.job?.reject(err);
      slot.job = null;
    });
    worker.unref();
    slots.push(slot);
  }
  return {
    mode: 'workers',
    run: (name, params) =>
      new Promise((resolve, reject) => {
        queue.push({ id: nextId++, name, params, resolve: (v) => resolve(v as never), reject });
        pump();
      }),
    close: async () => {
      for (const job of queue.splice(0)) job.reject(new Error('read runner closed'));
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
