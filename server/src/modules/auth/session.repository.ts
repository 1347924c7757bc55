import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/database';

/** SQL for sessions, API tokens and login throttling: the only place that touches those tables. */
export function findSession(db: Kysely<Database>, id: string) {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string, idleCutoffIso: string) {
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<', nowIso), eb('last_seen_at', '<', idleCutoffIso)]))
    .execute();
}

export function findActiveToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function readCounter(db: Kysely<Database>, key: string) {
  return db.selectFrom('rate_limit').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Upsert works the same on SQLite and PostgreSQL (both support ON CONFLICT … DO UPDATE). */
export async function writeCounter(db: Kysely<Database>, key: string, windowStart: string, count: number) {
  await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, count })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, count }))
    .execute();
}

export async function deleteCounter(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}
