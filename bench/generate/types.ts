import type { Insertable } from 'kysely';
import type { Database } from '../../server/src/db/database';
import type { Rng } from './prng';

/** small: a quick smoke (~1/100 of zone); zone: one development zone; province: a province's worth. */
export const SCALES = ['small', 'zone', 'province'] as const;
export type ScaleName = (typeof SCALES)[number];

export type TableName = keyof Database;
export type RowOf<T extends TableName> = Insertable<Database[T]>;

/** What a table generator may ask about the run: its own random stream, sizes and ids of other tables. */
export interface GenContext {
  scale: ScaleName;
  /** This table's own stream, derived from the run seed and the table name. */
  rng: Rng;
  /** Rows another generator makes at this scale (0 when no generator exists for that table yet). */
  count(table: string): number;
  /** The id of row `index` of a table: deterministic, so children reference parents without lookups. */
  idOf(table: string, index: number): string;
  /** All rows of a (small) table another generator makes, regenerated from the same seed. */
  rowsOf<T extends TableName>(table: T): RowOf<T>[];
  /** The fixed "now" of the generated world: data spans the years before it. */
  nowMs: number;
  /** One argon2 hash shared by every generated account (hashing hundreds of passwords is slow). */
  passwordHash: string;
}

/**
 * One table's generator. Rows come out as an iterator so province scale streams through the bulk
 * loader without holding millions of objects.
 */
export interface TableGenerator<T extends TableName> {
  table: T;
  /** Bump when the rows change: cached benchmark databases are regenerated for this table and its dependants. */
  version: number;
  /** Tables whose ids this one references (foreign keys, entity ids): generated first. */
  dependsOn: readonly string[];
  /** Rows per scale. */
  counts: Record<ScaleName, number>;
  /** Column order of the bulk insert; must list every column the rows set. */
  columns: readonly (keyof RowOf<T> & string)[];
  rows(ctx: GenContext): Iterable<RowOf<T>>;
}

/** A generator of any table (the registry holds a mix). */
export type AnyTableGenerator = { [T in TableName]: TableGenerator<T> }[TableName];

/** Identity helper that checks a generator's rows against the table's type. */
export function defineGenerator<T extends TableName>(g: TableGenerator<T>): TableGenerator<T> {
  return g;
}
