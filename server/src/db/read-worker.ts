import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type Db, openPostgres, openSqlite } from './connect';
import { READ_WORKER_NICENESS, type ReadTaskTable, type TaskIo, type WorkerData } from './read-pool';

/**
 * A connection of its own: on SQLite read-only (WAL lets it read while the main connection writes);
 * on PostgreSQL a pool of its share of the process's connections, one per job it runs at a time.
 */
const { target, tasksModule } = workerData as WorkerData;

// Nicer than the event loop (READ_WORKER_NICENESS says why); Linux only: there nice is per thread.
if (process.platform === 'linux') {
  try {
    os.setPriority(Math.min(19, os.getPriority() + READ_WORKER_NICENESS));
  } catch {
    // A sandbox may forbid it: the worker then runs as before.
  }
}
const { READ_TASKS } = (await import(tasksModule)) as { READ_TASKS: ReadTaskTable };
const db =
  target.dialect === 'sqlite'
    ? openSqlite(target.file, { readonly: true })
    : openPostgres(target.url, { max: target.poolSize });

/** A connection that may write (TaskIo): on SQLite a second, read-write one, opened on first use. */
let writable: Db | null = null;
function writer(): Db['kysely'] {
  if (target.dialect === 'postgres') return db.kysely;
  writable ??= openSqlite(target.file);
  return writable.kysely;
}

interface Job {
  id: number;
  name: string;
  params: unknown;
}

parentPort?.on('message', async (job: Job | { close: true }) => {
  if ('close' in job) {
    await db.close().catch(() => undefined);
    await writable?.close().catch(() => undefined);
    parentPort?.postMessage({ closed: true });
    return;
  }
  try {
    const task = READ_TASKS[job.name] as (d: typeof db.kysely, p: unknown, io: TaskIo) => Promise<unknown>;
    const result = await task(db.kysely, job.params, { writer });
    parentPort?.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
