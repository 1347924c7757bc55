import type { Db } from './connect';
import { loadPg, loadSqlite } from './drivers';

/**
 * The lock that lets any number of app processes start at once on one database (issue 16).
 *
 * Without it two processes on a new database both migrate and both find no users, so both load the
 * demo zone and one dies on a unique key. Each process takes this lock around migrations and the
 * first load, so the second finds the first's work done. Both locks belong to a connection that
 * only this lock uses, and the database drops them when that connection ends, however the process
 * ends (kill -9 included), so a crashed start never blocks the next.
 *
 * - PostgreSQL: a session advisory lock on a dedicated client (the pool's clients come and go, and
 *   an advisory lock belongs to the session that took it).
 * - SQLite: `BEGIN IMMEDIATE` on a small lock file beside the database: SQLite grants its RESERVED
 *   lock to one connection at a time and waits (busy timeout) for the others. A separate file, not
 *   the database itself, because migrations open transactions of their own on the database.
 */

/** Any fixed 64-bit number other code does not use for an advisory lock; "lz-init" in hex-ish. */
const PG_INIT_LOCK_KEY = 0x6c7a_1417;
/** How long a starting process waits for another's migrations and demo load (first load: seconds). */
const WAIT_MS = 5 * 60_000;

export function initLockPath(sqlitePath: string): string {
  return `${sqlitePath}.init-lock`;
}

async function withPostgresLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new (loadPg().Client)({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set statement_timeout = ${WAIT_MS}`);
    await client.query('select pg_advisory_lock($1)', [PG_INIT_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [PG_INIT_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

async function withSqliteLock<T>(sqlitePath: string, fn: () => Promise<T>): Promise<T> {
  // timeout 0: a busy lock throws at once and is polled below (better-sqlite3 waits 5 s by default).
  const raw = new (loadSqlite())(initLockPath(sqlitePath), { timeout: 0 });
  // The file stays in the default rollback-journal mode, so the lock is one on the file itself.
  try {
    // Polled rather than left to SQLite's busy handler, which would block this thread and so
    // deadlock two starts inside one process (tests).
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      try {
        raw.exec('begin immediate');
        break;
      } catch (err) {
        if (!isBusy(err) || Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    try {
      return await fn();
    } finally {
      raw.exec('rollback');
    }
  } finally {
    raw.close();
  }
}

/**
 * Runs `fn` while no other process runs it on the same database. An in-memory SQLite database
 * belongs to one connection, so it needs no lock.
 */
export async function withInitLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres' && db.databaseUrl) return withPostgresLock(db.databaseUrl, fn);
  if (db.dialect === 'sqlite' && db.sqlitePath && db.sqlitePath !== ':memory:') {
    return withSqliteLock(db.sqlitePath, fn);
  }
  return fn();
}
