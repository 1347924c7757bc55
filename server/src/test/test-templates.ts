import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openPostgres, openSqlite } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { processAlive } from '../lib/process-alive';
import { initInstance } from '../modules/system/init.service';
import { TestClock } from './test-clock';

/*
 * Migrated template databases, made once per test run (vitest globalSetup) and copied per test file:
 * a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. Migrating (and, for the demo
 * template, seeding the demo zone) once instead of in every file is most of an API test file's setup.
 */

/** Where PostgreSQL tests create their throwaway databases (trust auth on this machine and in CI). */
export const PG_ADMIN_URL = process.env.LZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The demo users' password in tests. */
export const DEMO_PASSWORD = 'Demo@Test2026';
/** Every test database seeds a small demo sample (the page's facts are always all there). */
export const TEST_DEMO_SAMPLE_SIZE = '40';
export const SQLITE_TEST_DIR = path.join(os.tmpdir(), 'lianzhao-test');

export type TestDbKind = 'sqlite' | 'postgres';

/** What the global setup hands the test files: a SQLite file path or a PostgreSQL database name each. */
export interface TestTemplates {
  kind: TestDbKind;
  migrated: string;
  demo: string;
  /** The LIANZHAO_DEMO_SAMPLE_SIZE the demo template was seeded with: a file asking another seeds its own. */
  demoSampleSize: string;
}

export function pgUrlOf(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPgAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Seeds the demo zone the way every API test file expects it (test clock, test password). */
export async function seedTestDemo(db: Db): Promise<void> {
  await initInstance(db, new TestClock(), { demo: true, demoPassword: DEMO_PASSWORD });
}

async function fill(db: Db, demo: boolean): Promise<void> {
  try {
    await migrateToLatest(db);
    if (demo) await seedTestDemo(db);
  } finally {
    await db.close();
  }
}

/** Makes both templates for this run; returns them and how to remove them. */
export async function makeTemplates(
  kind: TestDbKind,
  runId: string,
): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  // The demo loader reads its sample size from the environment; the test files see the same value.
  const demoSampleSize = process.env.LIANZHAO_DEMO_SAMPLE_SIZE || TEST_DEMO_SAMPLE_SIZE;
  const given = process.env.LIANZHAO_DEMO_SAMPLE_SIZE;
  process.env.LIANZHAO_DEMO_SAMPLE_SIZE = demoSampleSize;
  try {
    return await makeTemplatesOf(kind, runId, demoSampleSize);
  } finally {
    if (given === undefined) delete process.env.LIANZHAO_DEMO_SAMPLE_SIZE;
    else process.env.LIANZHAO_DEMO_SAMPLE_SIZE = given;
  }
}

async function makeTemplatesOf(
  kind: TestDbKind,
  runId: string,
  demoSampleSize: string,
): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  if (kind === 'sqlite') {
    removeStaleSqliteFiles();
    const migrated = path.join(SQLITE_TEST_DIR, `template_${runId}.sqlite`);
    const demo = path.join(SQLITE_TEST_DIR, `template_demo_${runId}.sqlite`);
    await Promise.all([fill(openSqlite(migrated), false), fill(openSqlite(demo), true)]);
    return {
      templates: { kind, migrated, demo, demoSampleSize },
      remove: async () => {
        for (const f of [migrated, demo]) removeSqliteFiles(f);
      },
    };
  }
  const migrated = `lz_template_${runId}`;
  const demo = `lz_template_demo_${runId}`;
  await withPgAdmin(async (c) => {
    await dropStaleTemplates(c);
    await c.query(`create database ${migrated}`);
    await c.query(`create database ${demo}`);
  });
  await Promise.all([fill(openPostgres(pgUrlOf(migrated)), false), fill(openPostgres(pgUrlOf(demo)), true)]);
  return {
    templates: { kind, migrated, demo, demoSampleSize },
    remove: () =>
      withPgAdmin(async (c) => {
        for (const name of [migrated, demo]) await c.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/**
 * Templates of runs whose process is gone (killed before its teardown), and test files' copies
 * (`lz_t_<worker pid>_…`, test-db.ts) whose worker is gone: the name carries the pid.
 */
async function dropStaleTemplates(c: pg.Client): Promise<void> {
  const { rows } = await c.query<{ datname: string }>(
    "select datname from pg_database where datname like 'lz\\_template\\_%' or datname like 'lz\\_t\\_%'",
  );
  for (const { datname } of rows) {
    const pid = Number(/_(\d+)_[0-9a-f]+$/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && !processAlive(pid))
      await c.query(`drop database if exists ${datname} with (force)`);
  }
}

/**
 * Test databases and templates of runs whose process is gone (killed, or a file that did not close
 * its copy): `t_<worker pid>_…` and `template[_demo]_<run pid>_…`, as dropStaleTemplates on PostgreSQL.
 */
function removeStaleSqliteFiles(): void {
  if (!fs.existsSync(SQLITE_TEST_DIR)) return;
  for (const name of fs.readdirSync(SQLITE_TEST_DIR)) {
    const pid = Number(/^(?:t|template|template_demo)_(\d+)_/.exec(name)?.[1]);
    if (Number.isInteger(pid) && !processAlive(pid))
      fs.rmSync(path.join(SQLITE_TEST_DIR, name), { force: true });
  }
}

export function removeSqliteFiles(file: string): void {
  // `.init-lock`: the lock file a start takes beside the database (db/init-lock.ts).
  for (const suffix of ['', '-wal', '-shm', '.init-lock']) fs.rmSync(file + suffix, { force: true });
}
