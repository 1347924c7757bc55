import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from './connect';

/**
 * A token that is the same at two moments only if no write was committed to the database between
 * them — by this process or any other. An answer computed after reading token T may be served
 * again while the token still reads T: the data it was computed from cannot have changed
 * (lib/versioned-answers.ts). The token may change without a relevant write (a session's touch,
 * a rolled-back statement); that only costs a recomputation, never a stale answer.
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
  if (db.sqliteRaw) return sqliteVersion(db.sqliteRaw);
  const { rows } = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db.kysely);
  const v = rows[0]?.v;
  if (!v) throw new Error('pg_current_snapshot() returned no row');
  return v;
}

const versionStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

function sqliteVersion(raw: SQLite.Database): string {
  let stmt = versionStatements.get(raw);
  if (!stmt) {
    stmt = raw.prepare('select total_changes() as c, (select data_version from pragma_data_version) as d');
    versionStatements.set(raw, stmt);
  }
  const row = stmt.get() as { c: number; d: number };
  return `${row.d}:${row.c}`;
}
