import type { Kysely } from 'kysely';
import type { MuEvaluationQuery } from '../../../../shared/src/contract/agreement';
import type { Database } from '../../db/database';
import { muEvaluationData, muExport, muPrepare } from './mu.task';

/** 亩均效益 evaluation (issue 14), computed off the event loop (registered in server/src/read-tasks.ts). */
export const muReadTasks = {
  'mu.prepare': (db: Kysely<Database>, p: { year: number; evaluationId: string }) => muPrepare(db, p),
  'mu.evaluation': (db: Kysely<Database>, p: { year: number } & MuEvaluationQuery) => muEvaluationData(db, p),
  'mu.export': (db: Kysely<Database>, p: { year: number }) => muExport(db, p),
};
