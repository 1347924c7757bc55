import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, openPostgres, openSqlite } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import {
  PG_ADMIN_URL,
  pgUrlOf,
  removeSqliteFiles,
  SQLITE_TEST_DIR,
  seedTestDemo,
  TEST_DEMO_SAMPLE_SIZE,
  type TestTemplates,
  withPgAdmin,
} from './test-templates';

export { DEMO_PASSWORD, PG_ADMIN_URL } from './test-templates';

export const TEST_DB_KIND: 'sqlite' | 'postgres' =
  process.env.LZ_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

// The demo loader reads its sample size from the environment: a small sample keeps seeding fast, and a
// run can still ask for more with the variable.
process.env.LIANZHAO_DEMO_SAMPLE_SIZE ??= TEST_DEMO_SAMPLE_SIZE;

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

/** The run's templates (server/src/test/template-setup.ts), or null when this file runs without them. */
function templates(): TestTemplates | null {
  try {
    const t = inject('lzTemplates');
    return t && t.kind === TEST_DB_KIND ? t : null;
  } catch {
    return null;
  }
}

/** A fresh database for one test file, migrated: its own SQLite file, or its own PostgreSQL database. */
export async function createTestDb(): Promise<Db> {
  const template = templates()?.migrated ?? null;
  const db = await copyOrCreate(template);
  if (!template) await migrateToLatest(db);
  return db;
}

/** A fresh migrated database with the demo zone loaded (test clock, DEMO_PASSWORD). */
export async function createDemoTestDb(): Promise<Db> {
  const t = templates();
  if (t && t.demoSampleSize === process.env.LIANZHAO_DEMO_SAMPLE_SIZE) return copyOrCreate(t.demo);
  const db = await createTestDb();
  await seedTestDemo(db);
  return db;
}

/** A copy of `template`, or without one an empty database. */
async function copyOrCreate(template: string | null): Promise<Db> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DB_KIND === 'sqlite') {
    const file = path.join(SQLITE_TEST_DIR, `t_${suffix}.sqlite`);
    fs.mkdirSync(SQLITE_TEST_DIR, { recursive: true });
    if (template) fs.copyFileSync(template, file);
    const db = openSqlite(file);
    return {
      ...db,
      close: async () => {
        await db.close();
        removeSqliteFiles(file);
      },
    };
  }
  const name = `lz_t_${suffix}`;
  await withPgAdmin((c) =>
    c.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
  const db = openPostgres(pgUrlOf(name), { max: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await withPgAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
