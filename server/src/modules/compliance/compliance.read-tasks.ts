import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { compliancePage } from './compliance.task';

/** 履约考核 (issue 14), computed off the event loop (registered in server/src/read-tasks.ts). */
export const complianceReadTasks = {
  'compliance.list': (db: Kysely<Database>, p: Parameters<typeof compliancePage>[1]) => compliancePage(db, p),
};
