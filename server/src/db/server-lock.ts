import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { loadSqlite } from './drivers';

/**
 * The lock that tells `restore` a server is using a SQLite data folder (issue 11 #5).
 *
 * A pid file would be fooled by a server killed with -9 (the file stays, or the pid is reused), so
 * the lock is the operating system's own: each server holds a read transaction open on a small
 * SQLite file beside the database (`server.lock`, rollback journal), which is a shared POSIX/Windows
 * file lock on it. Any number of servers may hold it together; `restore` asks for SQLite's EXCLUSIVE
 * lock on the same file, which the OS grants only when no server holds the shared one. The OS drops
 * the locks of a process that dies, however it dies, so a crashed server never blocks a restore.
 * SQLite tracks the locks of several connections in one process itself, so the rule also holds
 * between an in-process server and a restore (tests).
 */

export const LOCK_FILE = 'server.lock';

export interface HeldLock {
  release(): void;
}

function openLockDb(dataDir: string, busyMs: number): SQLite.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const raw = new (loadSqlite())(path.join(dataDir, LOCK_FILE));
  raw.pragma(`busy_timeout = ${busyMs}`);
  // Rollback journal: a read transaction then holds a SHARED lock on the file itself (in WAL mode
  // readers take no lock that EXCLUSIVE would wait for).
  raw.pragma('journal_mode = DELETE');
  raw.exec('create table if not exists holder (note text)');
  return raw;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * Taken by `serve` for as long as it runs. Waits a few seconds for a restore in progress to finish,
 * then throws with a message naming the folder.
 */
export function holdServerLock(dataDir: string): HeldLock {
  let raw: SQLite.Database | null = null;
  try {
    raw = openLockDb(dataDir, 10_000);
    raw.exec('begin');
    raw.prepare('select count(*) from holder').get();
  } catch (err) {
    raw?.close();
    if (isBusy(err)) {
      throw new Error(
        `${dataDir} is being restored (${LOCK_FILE} is locked): start the server after it ends.`,
      );
    }
    throw err;
  }
  const held = raw;
  return {
    release: () => {
      held.exec('commit');
      held.close();
    },
  };
}

/**
 * The exclusive lock `restore` holds while it replaces the database; null while any server (in
 * this process or another) holds the shared one.
 */
export function tryExclusiveLock(dataDir: string): HeldLock | null {
  const raw = openLockDb(dataDir, 0);
  try {
    raw.exec('begin exclusive');
  } catch (err) {
    raw.close();
    if (isBusy(err)) return null;
    throw err;
  }
  return {
    release: () => {
      raw.exec('rollback');
      raw.close();
    },
  };
}
