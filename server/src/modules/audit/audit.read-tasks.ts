import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { listAudit } from './audit.repository';

/** The audit log's heavy reads, run off the event loop (registered in server/src/read-tasks.ts). */
export const auditReadTasks = {
  'audit.list': (db: Kysely<Database>, p: Parameters<typeof listAudit>[1]) => listAudit(db, p),
};
