import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openPostgres, openSqlite } from '../db/connect';

/** Where PostgreSQL tests create their throwaway databases (trust auth on this machine and in CI). */
export const PG_ADMIN_URL = process.env.LZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_DB_KIND: 'sqlite' | 'postgres' =
  process.env.LZ_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * True when this run's database tests should be skipped: PostgreSQL requested but unreachable
 * outside CI. Under CI=true an unreachable database is a failure, never a skip.
 */
export const SKIP_DB: boolean = await (async () => {
  if (TEST_DB_KIND !== 'postgres') return false;
  if (await probePostgres()) return false;
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI but ${PG_ADMIN_URL} is unreachable`);
  }
  console.warn(`[skip] PostgreSQL at ${PG_ADMIN_URL} is unreachable: PostgreSQL API tests are skipped`);
  return true;
})();

/** A fresh, empty database for one test file: its own SQLite file, or its own PostgreSQL database. */
export async function createTestDb(): Promise<Db> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DB_KIND === 'sqlite') {
    return openSqlite(path.join(os.tmpdir(), 'lianzhao-test', `t_${suffix}.sqlite`));
  }
  const name = `lz_t_${suffix}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
