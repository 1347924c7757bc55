import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

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

// PostgreSQL returns int8 (count(*), bigint money) as strings; every amount we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openSqlite(file: string, opts: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SQLite(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    // WAL lets worker threads read while the main connection writes; NORMAL is durable under WAL.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
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
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
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
export function openDatabase(cfg: { databaseUrl: string | null; dataDir: string }): Db {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openSqlite(path.join(cfg.dataDir, 'lianzhao.sqlite'));
}
