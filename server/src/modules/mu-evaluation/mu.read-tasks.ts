import type { Kysely } from 'kysely';
import type { MuEvaluationQuery } from '../../../../shared/src/contract/agreement';
import type { Database } from '../../db/database';
import type { TaskIo } from '../../db/read-pool';
import { muEvaluationData, muExport } from './mu.task';
import { muDiscard, muStage, type StageParams } from './mu-stage';

/** 亩均效益 evaluation (issue 14), computed off the event loop (registered in server/src/read-tasks.ts). */
export const muReadTasks = {
  /** Computes a run and writes it as a staging run (TaskIo.writer); the main thread promotes it. */
  'mu.stage': (db: Kysely<Database>, p: StageParams, io: TaskIo) => muStage(db, p, io),
  'mu.discard': (db: Kysely<Database>, p: { evaluationId: string }, io: TaskIo) => muDiscard(db, p, io),
  'mu.evaluation': (db: Kysely<Database>, p: { year: number } & MuEvaluationQuery) => muEvaluationData(db, p),
  'mu.export': (db: Kysely<Database>, p: { year: number }) => muExport(db, p),
};
