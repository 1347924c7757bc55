import {
  CompiledQuery,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  sql,
  type Transaction,
} from 'kysely';
import type { DialectName } from './connect';
import type { Database } from './database';

type Q = Kysely<Database> | Transaction<Database>;

// About how many rows a filtered list matches, without counting them (issue 19: a list total that is
// exact when small and estimated when a filter matches hundreds of thousands). Dialect-specific SQL,
// kept in this one file: PostgreSQL asks its planner, SQLite counts a sample of the table.

/** The rows SQLite's sample reads: 8 windows of 1024 rowids spread over the table. */
const SAMPLE_WINDOWS = 8;
const WINDOW_ROWS = 1024;

/**
 * The estimated row count of `build(null)` on PostgreSQL: the planner's `Plan Rows` from
 * `EXPLAIN (FORMAT JSON)` (from its statistics; no row is read). On SQLite, which keeps no such
 * estimate for an arbitrary filter, the rows of `build(sample)` counted, where `sample` keeps only
 * 8 windows of 1024 rowids spread evenly over the table, scaled up to the table's rowid span; when
 * the table is no bigger than the sample, the whole table is counted. `table` must be a rowid table.
 * `sampleSize` is for tests, which sample a small table with a small sample.
 */
export async function estimateRows(
  db: Q,
  dialect: DialectName,
  table: 'project',
  build: (sample: RawBuilder<boolean> | null) => SelectQueryBuilder<Database, 'project', object>,
  sampleSize: { windows: number; rows: number } = { windows: SAMPLE_WINDOWS, rows: WINDOW_ROWS },
): Promise<number> {
  if (dialect === 'postgres') {
    const compiled = build(null).select(sql<number>`1`.as('one')).compile();
    const res = await db.executeQuery<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
      CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    return Number(res.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  }
  const rowid = sql.ref(`${table}.rowid`);
  const span = await db
    .selectFrom(table)
    .select([sql<number | null>`min(${rowid})`.as('lo'), sql<number | null>`max(${rowid})`.as('hi')])
    .executeTakeFirst();
  const lo = Number(span?.lo ?? 0);
  const hi = Number(span?.hi ?? 0);
  const count = async (sample: RawBuilder<boolean> | null) => {
    const row = await build(sample)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const rows = hi - lo + 1;
  if (span?.hi == null || rows <= sampleSize.windows * sampleSize.rows) return count(null);
  // Windows of consecutive rowids: each is one range seek on the table's b-tree.
  const step = Math.floor(rows / sampleSize.windows);
  const windows = Array.from({ length: sampleSize.windows }, (_, i) => {
    const from = lo + i * step;
    return sql<boolean>`${rowid} between ${from} and ${from + sampleSize.rows - 1}`;
  });
  const matched = await count(sql<boolean>`(${sql.join(windows, sql` or `)})`);
  return Math.round((matched * rows) / (sampleSize.windows * sampleSize.rows));
}
