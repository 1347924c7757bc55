import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AppConfig } from '../config';
import { openDatabase } from '../db/connect';
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

/** Replaces the database file with a checked backup; refuses to overwrite data unless forced. */
export async function restoreSqlite(
  io: CliIo,
  config: AppConfig,
  file: string,
  force: boolean,
): Promise<ExitCode> {
  if (!fs.existsSync(file)) return refuse(io, `no such file: ${file}`);
  if (config.databaseUrl) return refuse(io, 'DATABASE_URL points at PostgreSQL: restore it with pg_restore.');
  const source = path.resolve(file);
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.prepare('pragma integrity_check').get() as { integrity_check: string };
    const table = check
      .prepare("select name from sqlite_master where type='table' and name='app_user'")
      .get();
    if (ok.integrity_check !== 'ok' || !table) {
      return refuse(io, `${source} is not a Lianzhao backup (integrity: ${ok.integrity_check})`);
    }
  } finally {
    check.close();
  }
  const target = path.join(config.dataDir, 'lianzhao.sqlite');
  if (hasData(target) && !force) {
    return refuse(io, `${target} already holds data: pass --force to overwrite it (stop the server first).`);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  say(io, `restored ${source} -> ${target}`);
  return 0;
}
