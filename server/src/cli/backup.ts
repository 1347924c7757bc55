import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AppConfig } from '../config';
import { openDatabase } from '../db/connect';

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

/** SQLite online backup: consistent even while the server keeps writing. */
export async function backupSqlite(config: AppConfig, file: string): Promise<void> {
  if (config.databaseUrl) {
    fail(
      'DATABASE_URL points at PostgreSQL: back it up with pg_dump (e.g. `pg_dump -Fc "$DATABASE_URL" > lianzhao.dump`).',
    );
    return;
  }
  const db = openDatabase(config);
  try {
    if (!db.sqliteRaw) throw new Error('no SQLite handle');
    const target = path.resolve(file);
    await db.sqliteRaw.backup(target);
    console.log(`backup written: ${target} (${fs.statSync(target).size} bytes)`);
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
export async function restoreSqlite(config: AppConfig, file: string, force: boolean): Promise<void> {
  if (config.databaseUrl) {
    fail('DATABASE_URL points at PostgreSQL: restore it with pg_restore.');
    return;
  }
  const source = path.resolve(file);
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.prepare('pragma integrity_check').get() as { integrity_check: string };
    const table = check
      .prepare("select name from sqlite_master where type='table' and name='app_user'")
      .get();
    if (ok.integrity_check !== 'ok' || !table) {
      fail(`${source} is not a Lianzhao backup (integrity: ${ok.integrity_check})`);
      return;
    }
  } finally {
    check.close();
  }
  const target = path.join(config.dataDir, 'lianzhao.sqlite');
  if (hasData(target) && !force) {
    fail(`${target} already holds data: pass --force to overwrite it (stop the server first).`);
    return;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  console.log(`restored ${source} -> ${target}`);
}
