import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type pg from 'pg';

/**
 * How many distinct SQL texts keep a prepared statement. The app issues a few hundred shapes; texts
 * that vary without bound (an `in (?, ?, …)` list per length, a literal in raw SQL) push out the
 * least recently used, so memory stays bounded.
 */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind Kysely, preparing each SQL text once. Kysely's SQLite driver calls
 * `prepare(sql)` on every query, so without this SQLite compiles every statement of every request
 * (a third of the CPU of a one-record read, issue 19). A statement still stepping through an
 * `iterate()` (a streamed query) is busy: a second caller gets a fresh, uncached one.
 */
export function cachedStatements(raw: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return raw.prepare(sql) as unknown as SqliteStatement;
        // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit as unknown as SqliteStatement;
      }
      const stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return stmt as unknown as SqliteStatement;
    },
    close(): void {
      cache.clear();
      raw.close();
    },
  };
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Names on PostgreSQL: a query with parameters is sent as a named prepared statement, so each
 * connection parses and plans a text once and afterwards only binds and executes it. It costs no
 * extra round trip (an unnamed query sends Parse/Bind/Execute/Sync in one message too, named ones
 * drop the Parse after the first time). Names are handed out per process, one per text, up to
 * STATEMENT_CACHE_SIZE; texts beyond that run unnamed, so a connection never holds more than that
 * many statements on the server. Queries without parameters (BEGIN, DDL, several statements in one
 * migration string) stay on the simple protocol, which they need.
 */
export function nameStatementsOf(pool: pg.Pool, size = STATEMENT_CACHE_SIZE): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | null => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= size) return null;
    const name = `lz${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as QueryFn;
    const named: QueryFn = (config, values, callback) => {
      if (
        typeof config === 'string' &&
        Array.isArray(values) &&
        values.length > 0 &&
        callback === undefined
      ) {
        const name = nameOf(config);
        if (name) return original({ name, text: config, values });
      }
      return callback === undefined ? original(config, values) : original(config, values, callback);
    };
    (client as unknown as { query: QueryFn }).query = named;
  });
}
