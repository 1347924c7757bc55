import { parentPort, workerData } from 'node:worker_threads';
import { openPostgres, openSqlite } from './connect';
import type { ReadTaskTable, WorkerData } from './read-pool';

/**
 * A connection of its own: on SQLite read-only (WAL lets it read while the main connection writes);
 * on PostgreSQL a pool of its share of the process's connections, one per job it runs at a time.
 */
const { target, tasksModule } = workerData as WorkerData;
const { READ_TASKS } = (await import(tasksModule)) as { READ_TASKS: ReadTaskTable };
const db =
  target.dialect === 'sqlite'
    ? openSqlite(target.file, { readonly: true })
    : openPostgres(target.url, { max: target.poolSize });

interface Job {
  id: number;
  name: string;
  params: unknown;
}

parentPort?.on('message', async (job: Job | { close: true }) => {
  if ('close' in job) {
    await db.close().catch(() => undefined);
    parentPort?.postMessage({ closed: true });
    return;
  }
  try {
    const task = READ_TASKS[job.name] as (d: typeof db.kysely, p: unknown) => Promise<unknown>;
    const result = await task(db.kysely, job.params);
    parentPort?.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
