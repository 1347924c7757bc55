import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export async function zoneName(db: Q): Promise<string> {
  return (await db.selectFrom('zone').select('name').executeTakeFirst())?.name ?? '开发区';
}

/** The signing company named on a project's latest agreement. */
export async function signingCompanyOf(db: Q, projectId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agreement')
    .select('signing_company')
    .where('project_id', '=', projectId)
    .orderBy('signed_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.signing_company ?? null;
}
