import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Db } from './connect';
import type { Database } from './database';

/**
 * Heavy reads that may run off the event loop, by name. Each takes a Kysely handle and plain
 * (cloneable) parameters and returns plain data, so it can run in a worker thread on its own
 * connection. Each area keeps its own table (`<area>.read-tasks.ts`); server/src/read-tasks.ts
 * gathers them, so this runner knows no area.
 */
export type ReadTaskTable = Record<
  string,
  (db: Kysely<Database>, params: never, io: TaskIo) => Promise<unknown>
>;

/**
 * What a task may have besides its reading connection. `writer()`: a connection that may write, for
 * a task that stages rows no reader sees yet (a 亩均 run's ranking), so that hundreds of thousands
 * of rows never pass through the main thread nor hold its connection. Opened on first use (on
 * PostgreSQL the worker's own pool; inline the app's connection). The main thread makes them count
 * (mu.service.ts: the swap, audited).
 */
export interface TaskIo {
  writer(): Kysely<Database>;
}

/** The task table and the module a worker thread imports it from (as `READ_TASKS`). */
export interface ReadTaskSource<T extends ReadTaskTable> {
  tasks: T;
  moduleUrl: string;
}

/** Runs the registered heavy reads: in worker threads with their own connections, or inline. */
export interface ReadRunner<T extends ReadTaskTable> {
  run<K extends keyof T & string>(name: K, params: Parameters<T[K]>[1]): Promise<Awaited<ReturnType<T[K]>>>;
  readonly mode: 'workers' | 'inline';
  /** Worker threads running now (they start on demand and end when idle). */
  readonly threads: number;
  close(): Promise<void>;
}

function inlineRunner<T extends ReadTaskTable>(db: Db, tasks: T): ReadRunner<T> {
  return {
    mode: 'inline',
    threads: 0,
    run: async (name, params) => {
      const task = tasks[name] as (d: typeof db.kysely, p: unknown, io: TaskIo) => Promise<unknown>;
      return (await task(db.kysely, params, { writer: () => db.kysely })) as never;
    },
    close: async () => undefined,
  };
}

interface Job {
  id: number;
  name: string;
  params: unknown;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** What a worker opens: the SQLite file read-only, or a small PostgreSQL pool of its own. */
export type WorkerTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; poolSize: number };

/** What a worker thread is started with: its database and the module holding READ_TASKS. */
export interface WorkerData {
  target: WorkerTarget;
  tasksModule: string;
}

/**
 * How long the read workers may sit idle before they are ended: a thread holds its own V8 heap,
 * module graph and connections (tens of MB each), so after a burst of heavy reads the process goes
 * back to its idle size; the next heavy read starts a thread again (a few hundred ms, once).
 */
export const READ_WORKER_IDLE_MS = 30_000;

/**
 * How much nicer than the event loop a read worker runs. A profile of the main thread during a
 * province-size 亩均 run (bench/agreement-scale.ts --stalls) found no stall in JavaScript or in a
 * statement: the thread was waiting for a CPU (or collecting garbage slowly for want of one) while
 * a read worker kept the cores busy. A lower priority lets a request's few milliseconds go first
 * and the heavy read take the rest. Linux only: there nice is per thread (read-worker.ts sets it on
 * its own thread); elsewhere it would slow the whole process.
 */
export const READ_WORKER_NICENESS = 10;

/**
 * One shared queue: a job goes to the least busy worker with room, so a fast read never waits
 * behind a slow one while another worker could take it. A SQLite worker runs one job at a time (its
 * driver is synchronous); a PostgreSQL worker mostly waits on the server, so it takes as many as its
 * pool has connections. Workers start with the first job that needs one (not with the process:
 * start-up and idle memory stay small) and end after READ_WORKER_IDLE_MS without work.
 */
function workerRunner<T extends ReadTaskTable>(
  target: WorkerTarget,
  tasksModule: string,
  size: number,
  idleMs: number,
): ReadRunner<T> {
  const capacity = target.dialect === 'sqlite' ? 1 : target.poolSize;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  function startSlot(): Slot {
    const worker = new Worker(new URL('./read-worker-entry.mjs', import.meta.url), {
      workerData: { target, tasksModule } satisfies WorkerData,
    });
    const slot: Slot = { worker, jobs: new Map() };
    const drop = (err: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      for (const job of slot.jobs.values()) job.reject(err);
      slot.jobs.clear();
    };
    worker.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const job = slot.jobs.get(msg.id);
      slot.jobs.delete(msg.id);
      if (job) {
        if (msg.ok) job.resolve(msg.result);
        else job.reject(new Error(msg.error ?? 'read task failed'));
      }
      pump();
    });
    worker.on('error', (err) => drop(err));
    // A thread that ends (crash, or stopped while idle) is forgotten; the next job starts another.
    worker.on('exit', () => {
      drop(new Error('read worker exited'));
      pump();
    });
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function stopIdleWorkers(): void {
    idleTimer = null;
    if (queue.length > 0 || slots.some((s) => s.jobs.size > 0)) return;
    for (const slot of slots.splice(0)) void closeWorker(slot.worker);
  }

  function pump(): void {
    while (queue.length > 0) {
      let best: Slot | null = null;
      for (const slot of slots) {
        if (slot.jobs.size < capacity && (!best || slot.jobs.size < best.jobs.size)) best = slot;
      }
      if ((!best || best.jobs.size > 0) && slots.length < size) best = startSlot();
      if (!best) return;
      const job = queue.shift() as Job;
      best.jobs.set(job.id, job);
      best.worker.postMessage({ id: job.id, name: job.name, params: job.params });
    }
    const busy = slots.some((s) => s.jobs.size > 0);
    if (idleTimer && busy) {
      clearTimeout(idleTimer);
      idleTimer = null;
    } else if (!idleTimer && !busy && slots.length > 0) {
      idleTimer = setTimeout(stopIdleWorkers, idleMs);
      idleTimer.unref();
    }
  }

  return {
    mode: 'workers',
    get threads() {
      return slots.length;
    },
    run: (name, params) =>
      new Promise((resolve, reject) => {
        queue.push({ id: nextId++, name, params, resolve: (v) => resolve(v as never), reject });
        pump();
      }),
    close: async () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      for (const job of queue.splice(0)) job.reject(new Error('read runner closed'));
      await Promise.all(slots.splice(0).map((s) => closeWorker(s.worker)));
    },
  };
}

/**
 * Asks the worker to close its connections first (a PostgreSQL server would otherwise keep the
 * sessions of a killed thread around for a moment), then ends the thread; 2 s at most.
 */
async function closeWorker(worker: Worker): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    worker.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ close: true });
  });
  await worker.terminate();
}

/**
 * better-sqlite3 is synchronous: a one-second aggregate on the main thread would freeze every user.
 * On PostgreSQL the queries are asynchronous but the work around them is not: drawing a .docx of
 * 2,000 projects is seconds of JavaScript. So heavy reads go to `workers` threads with their own
 * connections on both databases; an in-memory SQLite database (tests) cannot be shared and runs inline.
 */
export function createReadRunner<T extends ReadTaskTable>(
  db: Db,
  workers: number,
  source: ReadTaskSource<T>,
  opts: {
    /** Each worker's PostgreSQL pool (db/pool-size.ts splits the process's budget); 4 if not given. */
    pgPoolPerWorker?: number | undefined;
    /** How long idle workers live (READ_WORKER_IDLE_MS if not given). */
    idleMs?: number;
  } = {},
): ReadRunner<T> {
  const idleMs = opts.idleMs ?? READ_WORKER_IDLE_MS;
  if (workers <= 0) return inlineRunner(db, source.tasks);
  if (db.dialect === 'sqlite' && db.sqlitePath && db.sqlitePath !== ':memory:') {
    return workerRunner({ dialect: 'sqlite', file: db.sqlitePath }, source.moduleUrl, workers, idleMs);
  }
  if (db.dialect === 'postgres' && db.databaseUrl) {
    return workerRunner(
      { dialect: 'postgres', url: db.databaseUrl, poolSize: Math.max(1, opts.pgPoolPerWorker ?? 4) },
      source.moduleUrl,
      workers,
      idleMs,
    );
  }
  return inlineRunner(db, source.tasks);
}
