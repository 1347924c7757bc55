import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { loadPg, loadSqlite } from './drivers';
import { cachedStatements, nameStatementsOf } from './statement-cache';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** SQLite file path (null for PostgreSQL): workers open their own read-only connection to it. */
  sqlitePath: string | null;
  databaseUrl: string | null;
  /** The raw better-sqlite3 handle (online backup needs it); null on PostgreSQL. */
  sqliteRaw: SQLite.Database | null;
  close(): Promise<void>;
}

export function openSqlite(file: string, opts: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const Sqlite = loadSqlite();
  const raw = new Sqlite(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    // WAL lets worker threads read while the main connection writes; NORMAL is durable under WAL.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlitePath: file,
    databaseUrl: null,
    sqliteRaw: raw,
    close: () => kysely.destroy(),
  };
}

export function openPostgres(url: string, opts: { max?: number } = {}): Db {
  const pool = new (loadPg().Pool)({ connectionString: url, max: opts.max ?? 10 });
  nameStatementsOf(pool);
  // An idle client can be cut off by the server (restart, failover, a dropped test database).
  // The pool replaces it; without a listener the error would crash the process.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn(`PostgreSQL idle client error: ${err.message}`);
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    sqlitePath: null,
    databaseUrl: url,
    sqliteRaw: null,
    close: () => kysely.destroy(),
  };
}

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in the data folder. */
export function openDatabase(
  cfg: { databaseUrl: string | null; dataDir: string },
  opts: { pgPoolSize?: number } = {},
): Db {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, { max: opts.pgPoolSize });
  return openSqlite(path.join(cfg.dataDir, 'lianzhao.sqlite'));
}
