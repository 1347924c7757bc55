import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openPostgres, openSqlite } from '../../server/src/db/connect';
import { rebuildInvestorsJson } from '../../server/src/db/dialect-sql';
import { migrateToLatest } from '../../server/src/db/migrate';
import { rebuildLinkStats } from '../../server/src/modules/chain/link-stats.repository';
import { rebuildZoneRollups } from '../../server/src/modules/cockpit/zone-rollups.repository';
import { type Generation, WORLD_NOW_MS } from '../generate/context';
import { ensureGenerated, postgresTarget, sqliteTarget, type TableLoad } from '../generate/load';
import type { ScaleName } from '../generate/types';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..', '..', '.bench');
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDb {
  db: Db;
  label: string;
  tables: TableLoad[];
  generationSeconds: number;
}

/** Removes what a benchmark run writes through the app (sessions, its login's audit rows). */
async function removeRunLeftovers(db: Db): Promise<void> {
  await db.kysely.deleteFrom('session').execute();
  await db.kysely.deleteFrom('rate_limit').execute();
  await db.kysely.deleteFrom('audit_log').where('at', '>=', new Date(WORLD_NOW_MS).toISOString()).execute();
}

/**
 * The per-link counts (migration 0008) are kept by triggers, which the PostgreSQL load skips
 * (session_replication_role = replica, TRUNCATE): after generating records, recount them once.
 */
const COUNTED_TABLES = new Set(['firm', 'lead', 'project', 'project_investor', 'milestone']);
async function recountAfterLoad(db: Db, tables: TableLoad[], log: (l: string) => void): Promise<void> {
  if (!tables.some((t) => !t.cached && COUNTED_TABLES.has(t.table))) return;
  const t0 = performance.now();
  await rebuildLinkStats(db.kysely);
  // The cockpit's roll-ups (migration 20261206_0019) likewise.
  await rebuildZoneRollups(db.kysely);
  // And the list's copy of each project's investors and their names (migration 20261206_0030).
  await rebuildInvestorsJson(db.kysely);
  log(
    `  per-link counts and cockpit roll-ups recounted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  // The recount and the investors' copy rewrite every project row and fill the roll-up tables after
  // the load's own VACUUM ANALYZE: without another, PostgreSQL plans the roll-ups with no statistics
  // and reads a million dead project rows, which autovacuum would have cleared on a live server.
  if (db.dialect === 'postgres') {
    const t1 = performance.now();
    await sql`vacuum analyze`.execute(db.kysely);
    log(`  vacuum analyze after the recount: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
}

function summarise(tables: TableLoad[]): number {
  return tables.reduce((s, t) => s + t.seconds, 0);
}

/** The scale's SQLite file under .bench/, reused while its generated tables' fingerprints match. */
export async function openBenchSqlite(generation: Generation, log: (l: string) => void): Promise<BenchDb> {
  const file = path.join(BENCH_DIR, `lz-${generation.spec.scale}.sqlite`);
  let db = openSqlite(file);
  try {
    await migrateToLatest(db);
  } catch (err) {
    // The cache is disposable: a migration history that no longer matches the code means start over.
    log(`  cached database does not migrate (${err instanceof Error ? err.message : err}); recreating it`);
    await db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    db = openSqlite(file);
    await migrateToLatest(db);
  }
  const raw = db.sqliteRaw;
  if (!raw) throw new Error('SQLite handle missing');
  const tables = await ensureGenerated(sqliteTarget(raw), generation, log);
  await recountAfterLoad(db, tables, log);
  await removeRunLeftovers(db);
  return { db, label: file, tables, generationSeconds: summarise(tables) };
}

export async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function benchPgUrl(baseUrl: string, scale: ScaleName): string {
  const url = new URL(baseUrl);
  url.pathname = `/${benchPgName(scale)}`;
  return url.toString();
}

/**
 * The bench database's name: `lz_bench_<scale>`, or LZ_BENCH_PG_DB (for two checkouts sharing one
 * server, which would otherwise regenerate each other's data on every migration difference).
 */
function benchPgName(scale: string): string {
  const name = process.env.LZ_BENCH_PG_DB ?? `lz_bench_${scale}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error('LZ_BENCH_PG_DB: lower-case letters, digits and _ only');
  return name;
}

/** A dedicated database `lz_bench_<scale>` on the server of `baseUrl`, created on first use. */
export async function openBenchPostgres(
  baseUrl: string,
  generation: Generation,
  log: (l: string) => void,
): Promise<BenchDb> {
  const name = benchPgName(generation.spec.scale);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const url = benchPgUrl(baseUrl, generation.spec.scale);
  let db: Db;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    db = openPostgres(url, { max: 10 });
    try {
      await migrateToLatest(db);
    } catch (err) {
      log(`  cached database does not migrate (${err instanceof Error ? err.message : err}); recreating it`);
      await db.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.query(`create database ${name}`);
      db = openPostgres(url, { max: 10 });
      await migrateToLatest(db);
    }
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await ensureGenerated(await postgresTarget(client), generation, log);
    await recountAfterLoad(db, tables, log);
    await removeRunLeftovers(db);
    return { db, label: url, tables, generationSeconds: summarise(tables) };
  } finally {
    await client.end();
  }
}

export { removeRunLeftovers };
