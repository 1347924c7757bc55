import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './connect';
import { READ_TASKS, type ReadTaskName } from './read-tasks';

/** A read-only connection of its own: WAL lets it read while the main connection writes. */
const { file } = workerData as { file: string };
const db = openSqlite(file, { readonly: true });

interface Job {
  id: number;
  name: ReadTaskName;
  params: unknown;
}

parentPort?.on('message', async (job: Job) => {
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
