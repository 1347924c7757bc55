import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { muCompute, muEvaluationData } from './mu.task';

/** 亩均效益 evaluation (issue 14), computed off the event loop (registered in server/src/read-tasks.ts). */
export const muReadTasks = {
  'mu.compute': (db: Kysely<Database>, p: { year: number }) => muCompute(db, p),
  'mu.evaluation': (db: Kysely<Database>, p: { year: number }) => muEvaluationData(db, p),
};
