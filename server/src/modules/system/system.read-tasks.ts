import os from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/** Reads that exist to check the read runner itself. */
export const systemReadTasks = {
  /** A deliberately slow query (counting with a recursive CTE): proves slow reads do not block. */
  'system.slow-count': async (db: Kysely<Database>, p: { upTo: number }) => {
    const res = await sql<{ n: number }>`
      with recursive c(x) as (select 1 union all select x + 1 from c where x < ${p.upTo})
      select count(*) as n from c`.execute(db);
    return Number(res.rows[0]?.n ?? 0);
  },
  /** The scheduling priority (nice) of the thread the read runs on: read workers run nicer. */
  'system.priority': async () => os.getPriority(),
};
