import { parentPort } from 'node:worker_threads';
import { AppError } from '../plugins/errors';
import type { ParseReply } from './parse-runner';
import { PARSE_TASKS, type ParseTaskName, preloadReaders } from './parse-tasks';

/**
 * One parse worker reads one file and is then ended by the runner (parse-runner.ts), so whatever
 * the reader allocated goes with the thread. A refusal travels back as data (an AppError does not
 * survive structured cloning).
 */
// A failure to load shows when the task runs (the same import fails there and is reported).
const loaded = preloadReaders().catch(() => undefined);
void loaded.then(() => parentPort?.postMessage({ ready: true }));

parentPort?.once('message', async (job: { name: ParseTaskName; params: unknown }) => {
  let reply: ParseReply;
  try {
    await loaded;
    const task = PARSE_TASKS[job.name] as (p: unknown) => Promise<unknown>;
    reply = { ok: true, result: await task(job.params) };
  } catch (err) {
    reply =
      err instanceof AppError
        ? {
            ok: false,
            refusal: { status: err.status, code: err.code, message: err.bilingual, fields: err.fields },
          }
        : { ok: false, crash: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
