import { CompiledQuery as Compiled, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';

/** A statement's values by name: a scalar, or a list for `in (…)` (one shape per list length). */
type Values = Record<string, unknown>;

interface Shape {
  sql: string;
  /** For each compiled parameter: where its value comes from (a name and list index) or a constant. */
  slots: ({ key: string; index: number | null } | { constant: unknown })[];
}

/**
 * Shapes kept per query and dialect. Lists of every length up to a page are a few dozen; a caller
 * with lists of unbounded length runs through Kysely as usual past this many.
 */
const MAX_SHAPES = 100;

const SENTINEL_MARK = '\u0000lz-param\u0000';
const sentinel = (key: string, index: number | null) =>
  `${SENTINEL_MARK}${key}${index === null ? '' : `[${index}]`}`;

/**
 * A query whose SQL Kysely builds and compiles once per dialect and list lengths, then runs with new
 * values. Building and compiling a statement cost more CPU than SQLite running it on the hot reads
 * (one project's page: ~75 of ~200 µs, issue 19); the shape of these statements never depends on
 * the values, only on how long their lists are.
 *
 * `build` must use each value only as a bound parameter (`where(col, '=', p.id)`, `in p.ids`,
 * `limit(p.n)`): it is called with stand-ins, so a value it computes with (`'%' + p.q`, `if (p.flag)`)
 * would be baked into the SQL. That mistake is caught at the first build (a stand-in that does not
 * reach the parameters whole is an error), so a test of the caller finds it.
 */
export function preparedQuery<P extends Values, Row>(
  build: (db: Kysely<Database>, values: P) => { compile(): CompiledQuery<Row> },
): (db: Kysely<Database>, values: P) => Promise<Row[]> {
  // Keyed by the dialect's adapter class (SQLite and PostgreSQL compile differently; a transaction
  // has its database's adapter) and by the lengths of the list values.
  const shapes = new Map<unknown, Map<string, Shape>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter.constructor;
    let byLengths = shapes.get(adapter);
    if (!byLengths) {
      byLengths = new Map();
      shapes.set(adapter, byLengths);
    }
    const lengths = Object.entries(values)
      .map(([k, v]) => (Array.isArray(v) ? `${k}:${v.length}` : k))
      .join(',');
    let shape = byLengths.get(lengths);
    if (!shape) {
      if (byLengths.size >= MAX_SHAPES) return (await db.executeQuery<Row>(build(db, values).compile())).rows;
      shape = compileShape(db, build, values);
      byLengths.set(lengths, shape);
    }
    const params = shape.slots.map((slot) => {
      if ('constant' in slot) return slot.constant;
      const v = values[slot.key];
      return slot.index === null ? v : (v as unknown[])[slot.index];
    });
    const result = await db.executeQuery<Row>(Compiled.raw(shape.sql, params));
    return result.rows;
  };
}

function compileShape<P extends Values, Row>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, values: P) => { compile(): CompiledQuery<Row> },
  values: P,
): Shape {
  const standIns: Values = {};
  const where = new Map<string, { key: string; index: number | null }>();
  for (const [key, v] of Object.entries(values)) {
    if (Array.isArray(v)) {
      standIns[key] = v.map((_, i) => {
        where.set(sentinel(key, i), { key, index: i });
        return sentinel(key, i);
      });
    } else {
      standIns[key] = sentinel(key, null);
      where.set(sentinel(key, null), { key, index: null });
    }
  }
  const compiled = build(db, standIns as P).compile();
  const reached = new Set<string>();
  const slots = compiled.parameters.map((p) => {
    if (typeof p === 'string' && p.includes(SENTINEL_MARK)) {
      const slot = where.get(p);
      if (!slot)
        throw new Error(`preparedQuery: a value was changed before it was bound (${JSON.stringify(p)})`);
      reached.add(p);
      return slot;
    }
    return { constant: p };
  });
  if (compiled.sql.includes(SENTINEL_MARK))
    throw new Error('preparedQuery: a value was written into the SQL text');
  for (const s of where.keys()) {
    if (!reached.has(s)) throw new Error(`preparedQuery: ${JSON.stringify(s)} is not a bound parameter`);
  }
  return { sql: compiled.sql, slots };
}
