import type { Kysely, Transaction } from 'kysely';
import type { Database, UserTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export type UserRow = UserTable & { department_name: string | null };

/** What every new account starts as: enabled, no failed logins, never signed in, at version 1. */
export function newAccountState(nowIso: string) {
  return {
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: nowIso,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  } satisfies Partial<UserTable>;
}

function base(db: Q) {
  return db
    .selectFrom('app_user')
    .leftJoin('department', 'department.id', 'app_user.department_id')
    .selectAll('app_user')
    .select('department.name as department_name');
}

export function findUserById(db: Q, id: string): Promise<UserRow | undefined> {
  return base(db).where('app_user.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Q, username: string): Promise<UserRow | undefined> {
  return base(db).where('app_user.username', '=', username).executeTakeFirst();
}

export interface UserListFilter {
  q?: string | undefined;
  role?: string | undefined;
  limit: number;
  offset: number;
}

/** Admin list: small table (a zone has hundreds of users), a LIKE over two columns is enough. */
export async function listUsers(db: Q, f: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let q = base(db);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('app_user.username', 'like', like), eb('app_user.display_name', 'like', like)]),
    );
  }
  if (f.role) q = q.where('app_user.role', '=', f.role);
  const totalRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await q.orderBy('app_user.username').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function insertUser(db: Q, row: UserTable): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

/** Optimistic concurrency: the row changes only if nobody changed it since `version`. */
export async function updateUserVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<UserTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateUser(db: Q, id: string, patch: Partial<UserTable>): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/**
 * Parallel failed checks finish in any order: the count only goes up, so the last writer cannot
 * put back a smaller number. `lockedUntil` is set by the check that reached the lock.
 */
export async function raiseFailedLogins(db: Q, id: string, count: number, lockedUntil: string | null) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: count })
    .where('id', '=', id)
    .where('failed_logins', '<', count)
    .execute();
  if (lockedUntil) await updateUser(db, id, { locked_until: lockedUntil });
}

export function countUsers(db: Q) {
  return db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

/** Active (not disabled) accounts of these roles by display name: the officer picker's options. */
export function listActiveByRoles(db: Q, roles: readonly string[]) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role'])
    .where('role', 'in', roles)
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .orderBy('id')
    .limit(1000)
    .execute();
}
