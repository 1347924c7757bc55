import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

/**
 * SQL for sessions, the actor lookups of a request (session or API token) and login throttling.
 * Below auth/, user/ and token/: signing in, disabling a user and resetting a password all end sessions.
 */
export function findSession(db: Kysely<Database>, id: string) {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user columns a request's actor is made of (auth plugin), read in the same statement as its session. */
const ACTOR_COLUMNS = [
  'app_user.username',
  'app_user.display_name',
  'app_user.role',
  'app_user.department_id',
  'app_user.firm_id',
  'app_user.disabled',
  'app_user.must_change_password',
] as const;

const sessionWithUser = preparedQuery((db, p: { id: string }) =>
  db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.csrf_token',
      'session.last_seen_at',
      'session.expires_at',
      ...ACTOR_COLUMNS,
    ])
    .where('session.id', '=', p.id),
);

/**
 * A session and its user in one read: every authenticated request starts with this, so it is one
 * statement (by primary key, then by the user's key) rather than two round trips. Not cached: several
 * processes serve one database, and a sign-out, lockout or password change elsewhere must count at once.
 */
export async function findSessionWithUser(db: Kysely<Database>, id: string) {
  return (await sessionWithUser(db, { id }))[0];
}

/** A live API token and its user in one read (see findSessionWithUser). */
export function findActiveTokenWithUser(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select(['api_token.id', 'api_token.user_id', 'api_token.last_used_at', ...ACTOR_COLUMNS])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .executeTakeFirst();
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

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/**
 * Counts one attempt under `key` in a single statement (an upsert with RETURNING, the same on SQLite
 * and PostgreSQL), so parallel requests each get a number of their own: the count cannot be raced
 * between a read and a write. A window that started at or before `staleBeforeIso` starts again at 1.
 * While the old count is below `slideBelow` the window start moves to now (a lockout runs from the
 * failure that set it); from then on it stays, so attempts during a lock do not extend it.
 */
export async function bumpCounter(
  db: Kysely<Database>,
  key: string,
  at: { nowIso: string; staleBeforeIso: string; slideBelow: number },
): Promise<{ count: number; windowStart: string }> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: at.nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const stale = eb('rate_limit.window_start', '<=', at.staleBeforeIso);
        return {
          count: eb
            .case()
            .when(stale)
            .then(1)
            .else(eb('rate_limit.count', '+', 1))
            .end(),
          window_start: eb
            .case()
            .when(eb.or([stale, eb('rate_limit.count', '<', at.slideBelow)]))
            .then(at.nowIso)
            .else(eb.ref('rate_limit.window_start'))
            .end(),
        };
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start };
}

export async function deleteCounter(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}
