import type { Kysely } from 'kysely';
import { MU_CLASSES } from '../../../../shared/src/agreement';
import type { Database, MuEvaluationTable } from '../../db/database';
import type { TaskIo } from '../../db/read-pool';
import * as repo from './mu.repository';
import { muPrepare } from './mu.task';

type Db = Kysely<Database>;

/** Rows per short write transaction: a few milliseconds each, so other writers get in between. */
const ROWS_PER_TRANSACTION = 2000;

/** The run to stage: its evaluation row as the main thread names it (id, year, who, when). */
export type StageParams = Pick<MuEvaluationTable, 'id' | 'year' | 'is_sample' | 'run_by_name' | 'run_at'>;

/**
 * A 亩均 run computed and written in the worker (a read task with a writer): its evaluation row in
 * state `staging`, then its rows in short transactions, none of which a reader sees (they read the
 * year's `current` run). What is left of a run that never finished (the process ended) goes first.
 * Answers what the main thread needs to make it current and audit it: no rows cross the threads.
 */
export async function muStage(db: Db, p: StageParams, io: TaskIo) {
  const w = io.writer();
  for (const left of await repo.evaluationsIn(w, p.year, 'staging')) await repo.deleteEvaluation(w, left.id);
  const result = await muPrepare(db, { year: p.year, evaluationId: p.id });
  await repo.insertHeader(w, {
    ...p,
    config_json: JSON.stringify(result.config),
    benchmarks_json: JSON.stringify(result.benchmarks),
    state: 'staging',
  });
  for (let i = 0; i < result.rows.length; i += ROWS_PER_TRANSACTION) {
    const part = result.rows.slice(i, i + ROWS_PER_TRANSACTION);
    await w.transaction().execute((trx) => repo.insertItems(trx, part));
  }
  // The run it will replace, with its class counts for the audit row (read here: an aggregate
  // over a province's rows is not for the main thread).
  const before = await repo.evaluationOf(db, p.year);
  const beforeCounts = before ? await countsByClass(db, before.id) : null;
  return {
    config: result.config,
    counts: result.counts,
    firms: result.rows.length,
    before: before ? { id: before.id, runAt: before.run_at, counts: beforeCounts } : null,
  };
}

async function countsByClass(db: Db, evaluationId: string) {
  const rows = await repo.classCounts(db, evaluationId);
  return Object.fromEntries(MU_CLASSES.map((c) => [c, Number(rows.find((o) => o.class === c)?.n ?? 0)]));
}

/** Removes a replaced (or abandoned) run's rows a chunk at a time, in the worker. */
export async function muDiscard(_db: Db, p: { evaluationId: string }, io: TaskIo) {
  await repo.deleteEvaluation(io.writer(), p.evaluationId);
  return null;
}
