import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Revokes every live API token of a user; returns the rows as they were, for the audit log. */
export async function revokeTokensOfUser(db: Kysely<Database>, userId: string, atIso: string) {
  const live = await db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  if (live.length === 0) return live;
  await db
    .updateTable('api_token')
    .set({ revoked_at: atIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return live;
}
