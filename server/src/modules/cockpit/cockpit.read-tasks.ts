import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { cockpitData } from './cockpit.task';

/** The cockpit's figures (issue 6), run off the event loop (registered in server/src/read-tasks.ts). */
export const cockpitReadTasks = {
  'cockpit.data': (db: Kysely<Database>, p: Parameters<typeof cockpitData>[1]) => cockpitData(db, p),
};
