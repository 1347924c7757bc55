import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AppConfig } from '../config';
import { openDatabase } from '../db/connect';
import { LOCK_FILE, tryExclusiveLock } from '../db/server-lock';
import { type CliIo, type ExitCode, refuse, say } from './io';

/** SQLite online backup: consistent even while the server keeps writing. */
export async function backupSqlite(io: CliIo, config: AppConfig, file: string): Promise<ExitCode> {
  if (config.databaseUrl) {
    return refuse(
      io,
      'DATABASE_URL points at PostgreSQL: back it up with pg_dump (e.g. `pg_dump -Fc "$DATABASE_URL" > lianzhao.dump`).',
    );
  }
  const db = openDatabase(config);
  try {
    if (!db.sqliteRaw) throw new Error('no SQLite handle');
    const target = path.resolve(file);
    await db.sqliteRaw.backup(target);
    say(io, `backup written: ${target} (${fs.statSync(target).size} bytes)`);
    return 0;
  } finally {
    await db.close();
  }
}

function hasData(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const raw = new SQLite(file, { readonly: true });
  try {
    const table = raw.prepare("select name from sqlite_master where type='table' and name='app_user'").get();
    if (!table) return false;
    const row = raw.prepare('select count(*) as n from app_user').get() as { n: number };
    return row.n > 0;
  } finally {
    raw.close();
  }
}

/** Exit code of a restore refused because a server is using the data folder (2: refused input). */
export const EXIT_SERVER_RUNNING: ExitCode = 3;

/**
 * Integrity of a SQLite file and whether it has Lianzhao's tables; null when it is sound. `ownCopy`:
 * the file is ours to change, so it is switched to a rollback journal (no -wal/-shm left beside it;
 * the server turns WAL on again when it opens it).
 */
function problemOf(file: string, ownCopy = false): string | null {
  const check = new SQLite(file, { readonly: !ownCopy, fileMustExist: true });
  try {
    if (ownCopy) check.pragma('journal_mode = DELETE');
    const ok = check.prepare('pragma integrity_check').get() as { integrity_check: string };
    const table = check
      .prepare("select name from sqlite_master where type='table' and name='app_user'")
      .get();
    if (ok.integrity_check !== 'ok') return `integrity: ${ok.integrity_check}`;
    return table ? null : 'no app_user table';
  } finally {
    check.close();
  }
}

/** fsync a file or a folder, so a rename survives a power cut (folders cannot be synced on Windows). */
function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    if (process.platform !== 'win32') throw err;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Replaces the database file with a checked backup; refuses to overwrite data unless forced, and
 * refuses outright while a server uses the data folder (its writes would go to the replaced file).
 * Atomic: the backup is copied beside the database, checked and synced, the old WAL/SHM files are
 * removed (a WAL replayed onto another database corrupts it), then one rename puts it in place.
 */
export async function restoreSqlite(
  io: CliIo,
  config: AppConfig,
  file: string,
  force: boolean,
): Promise<ExitCode> {
  if (!fs.existsSync(file)) return refuse(io, `no such file: ${file}`);
  if (config.databaseUrl) {
    return refuse(io, 'DATABASE_URL points at PostgreSQL: restore it with pg_restore.');
  }
  const source = path.resolve(file);
  const problem = problemOf(source);
  if (problem) {
    return refuse(io, `${source} is not a Lianzhao backup (${problem})`);
  }
  const lock = tryExclusiveLock(config.dataDir);
  if (!lock) {
    io.err(
      `A Lianzhao server is running on ${config.dataDir} (it holds ${LOCK_FILE}): stop it, then restore again.\n`,
    );
    return EXIT_SERVER_RUNNING;
  }
  try {
    const target = path.join(config.dataDir, 'lianzhao.sqlite');
    if (hasData(target) && !force) {
      return refuse(io, `${target} already holds data: pass --force to overwrite it.`);
    }
    const beside = `${target}.restoring`;
    for (const f of [beside, `${beside}-wal`, `${beside}-shm`]) fs.rmSync(f, { force: true });
    // The online backup API, not a file copy: it also takes what sits in the source's own WAL.
    const from = new SQLite(source, { readonly: true });
    try {
      await from.backup(beside);
    } finally {
      from.close();
    }
    const copied = problemOf(beside, true);
    if (copied) throw new Error(`the copy of ${source} is damaged (${copied}); nothing was replaced`);
    fsyncPath(beside);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(beside, target);
    fsyncPath(config.dataDir);
    say(io, `restored ${source} -> ${target}`);
    return 0;
  } finally {
    lock.release();
  }
}
