import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Db } from './connect';
import type { Database } from './database';

/**
 * A token that is the same at two moments only if no write was committed to the database between
 * them — by this process or any other. An answer computed after reading token T may be served
 * again while the token still reads T: the data it was computed from cannot have changed
 * (lib/versioned-answers.ts). The token may change without a relevant write (a rolled-back
 * statement; on PostgreSQL a session's touch); that only costs a recomputation, never a stale answer.
 *
 * - SQLite: `total_changes()` counts every row this connection inserted, updated or deleted
 *   (triggers included, rolled back or not); `data_version` changes whenever another connection
 *   (a read worker never writes; a CLI in another process may) commits. Statements on the app's one
 *   connection run one transaction at a time (Kysely's driver holds its connection for a whole
 *   transaction), so an answer is never computed from another request's uncommitted rows.
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress xids`). A transaction that commits
 *   between two readings either was in progress at the first (and has left the list) or got its
 *   id after it (and moved xmax): equal snapshots mean nothing was committed in between. Read-only
 *   transactions get no id, so reads do not move it.
 */
export async function committedDataVersion(db: Db): Promise<string> {
  if (db.sqliteRaw) {
    // Through Kysely, so under its connection lock: never inside another request's transaction
    // and never between a bookkeeping write and its count below.
    const { rows } = await SQLITE_VERSION.execute(db.kysely);
    const row = rows[0];
    if (!row) throw new Error('no SQLite data version');
    return `${row.d}:${row.c - (bookkeepingChanges.get(db.sqliteRaw) ?? 0)}`;
  }
  const { rows } = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db.kysely);
  const v = rows[0]?.v;
  if (!v) throw new Error('pg_current_snapshot() returned no row');
  return v;
}

const SQLITE_VERSION = sql<{
  c: number;
  d: number;
}>`select total_changes() as c, (select data_version from pragma_data_version) as d`;

/** Rows changed on each SQLite connection by bookkeeping writes: not counted as data changes. */
const bookkeepingChanges = new WeakMap<SQLite.Database, number>();

/**
 * A write no kept answer reads — a session's or token's last-seen time, at most once a minute per
 * session — which on SQLite then leaves the data version as it was: with 50 officers signed in,
 * their touches would otherwise empty the kept pages every second or so. It runs holding the
 * connection, and the rows it changed are counted before the lock is let go, so no version is read
 * in between. On PostgreSQL it is an ordinary write (the snapshot cannot tell tables apart).
 */
export async function bookkeepingWrite(db: Db, write: (q: Kysely<Database>) => Promise<void>): Promise<void> {
  const raw = db.sqliteRaw;
  if (!raw) return write(db.kysely);
  await db.kysely.connection().execute(async (conn) => {
    const changes = async () =>
      (await sql<{ c: number }>`select total_changes() as c`.execute(conn)).rows[0]?.c ?? 0;
    const before = await changes();
    await write(conn);
    const after = await changes();
    bookkeepingChanges.set(raw, (bookkeepingChanges.get(raw) ?? 0) + after - before);
  });
}
