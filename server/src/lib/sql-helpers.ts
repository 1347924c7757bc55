import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { dialectOf } from '../db/dialect-sql';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Next human-readable code (`XM2024-00012`) for `table` with `prefix` + year, in the caller's
 * transaction `db`. Codes are unique in the schema. On PostgreSQL two creates at the same instant
 * (two officers, or two app processes) would both read the same highest code and the second
 * insert would fail: a transaction-scoped advisory lock on the table and year makes the second wait
 * until the first commits, then read its code. SQLite runs one write transaction at a time anyway.
 */
export async function nextCode(
  db: Q,
  table: 'project' | 'lead' | 'park' | 'factor_request' | 'task' | 'problem_list',
  prefix: string,
  year: string,
  digits = 5,
): Promise<string> {
  const head = `${prefix}${year}-`;
  if (dialectOf(db) === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`lianzhao-code:${table}:${head}`}))`.execute(db);
  }
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('code').as('code'))
    .where('code', 'like', `${head}%`)
    .executeTakeFirst();
  const last = row?.code ? Number.parseInt(String(row.code).slice(head.length), 10) : 0;
  return `${head}${String((Number.isFinite(last) ? last : 0) + 1).padStart(digits, '0')}`;
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/**
 * True for a unique violation on `table.column`: PostgreSQL names the table and the key
 * (`Key (name)=(…) already exists.`), SQLite the column (`UNIQUE constraint failed: chain.name`).
 */
export function isUniqueViolationOn(err: unknown, table: string, column: string): boolean {
  if (!isUniqueViolation(err)) return false;
  const e = err as { code?: string; table?: string; detail?: string; message?: string };
  if (e.code === '23505') return e.table === table && (e.detail ?? '').startsWith(`Key (${column})=`);
  return (e.message ?? '').includes(`${table}.${column}`);
}

/**
 * For `.catch()` on a write that a service checked for a duplicate beforehand: two requests at the
 * same instant both pass the check, and the second write's unique violation on `table.column`
 * becomes the service's own conflict; any other error goes on unchanged.
 */
export function conflictOnUnique(table: string, column: string, conflict: () => Error) {
  return (err: unknown): never => {
    throw isUniqueViolationOn(err, table, column) ? conflict() : err;
  };
}
