import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Next human-readable code (`XM2024-00012`) for `table` with `prefix` + year. Codes are unique in
 * the schema: two creates at the same instant make the second insert fail (a 409 for projects);
 * nothing retries yet.
 */
export async function nextCode(
  db: Q,
  table: 'project' | 'lead' | 'park',
  prefix: string,
  year: string,
): Promise<string> {
  const head = `${prefix}${year}-`;
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('code').as('code'))
    .where('code', 'like', `${head}%`)
    .executeTakeFirst();
  const last = row?.code ? Number.parseInt(String(row.code).slice(head.length), 10) : 0;
  return `${head}${String((Number.isFinite(last) ? last : 0) + 1).padStart(5, '0')}`;
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}
