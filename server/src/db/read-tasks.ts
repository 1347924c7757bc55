import { type Kysely, sql } from 'kysely';
import { listAudit } from '../modules/audit/audit.repository';
import type { Database } from './database';

/**
 * Heavy reads that may run off the event loop. Each takes a Kysely handle and plain (cloneable)
 * parameters and returns plain data, so it can run in a worker thread on its own read-only SQLite
 * connection, or inline on PostgreSQL (whose driver is asynchronous anyway).
 * Areas add their cockpit, report and ranking queries here.
 */
export const READ_TASKS = {
  'audit.list': (db: Kysely<Database>, p: Parameters<typeof listAudit>[1]) => listAudit(db, p),
  /** A deliberately slow query (counting with a recursive CTE): proves slow reads do not block. */
  'system.slow-count': async (db: Kysely<Database>, p: { upTo: number }) => {
    const res = await sql<{ n: number }>`
      with recursive c(x) as (select 1 union all select x + 1 from c where x < ${p.upTo})
      select count(*) as n from c`.execute(db);
    return Number(res.rows[0]?.n ?? 0);
  },
} as const;

export type ReadTaskName = keyof typeof READ_TASKS;
export type ReadTaskParams<K extends ReadTaskName> = Parameters<(typeof READ_TASKS)[K]>[1];
export type ReadTaskResult<K extends ReadTaskName> = Awaited<ReturnType<(typeof READ_TASKS)[K]>>;
