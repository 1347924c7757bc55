import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { targetsData } from './target.task';

/** Targets against actuals (issue 6), run off the event loop (registered in server/src/read-tasks.ts). */
export const targetReadTasks = {
  'target.list': (db: Kysely<Database>, p: { year: number; today: string }) => targetsData(db, p),
};
