import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { allWarnings } from './warning-list';

/** Warnings (issue 6), computed off the event loop (registered in server/src/read-tasks.ts). */
export const warningReadTasks = {
  'warning.list': (db: Kysely<Database>, p: Parameters<typeof allWarnings>[1]) => allWarnings(db, p),
};
