import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { requestOverview } from './request.repository';

/** Factor requests' heavy reads, run off the event loop (registered in server/src/read-tasks.ts). */
export const requestReadTasks = {
  /** Factor requests by department and type: open, overdue, average resolution (leader view). */
  'request.overview': (db: Kysely<Database>, p: { today: string }) => requestOverview(db, p),
};
