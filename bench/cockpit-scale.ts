/**
 * The cockpit at a size the generator cannot reach in a short session (issue 19): a fresh database
 * with `--projects N` synthetic projects (one milestone each, the generator's distributions: stages,
 * stage dates over 900 days, 6 parks, planned dates ±200 days, 40% done), made by SQL in seconds,
 * then the cockpit read (figures + warnings, as GET /api/cockpit) timed in process beside the same
 * statements replayed raw, for the zone and a park. `--tree <dir>` takes the migrations and cockpit
 * code from another checkout (e.g. the commit before the roll-ups) and, after timing it, migrates the
 * same database with this checkout's migrations and times this code: before and after in one run.
 *
 *   node --import tsx bench/cockpit-scale.ts --db sqlite|postgres --projects 1000000 [--tree /path] [--runs 5]
 *   node --import tsx bench/cockpit-scale.ts --open .bench/lz-province.sqlite   (an existing database)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openPostgres, openSqlite } from '../server/src/db/connect';
import type { Database } from '../server/src/db/database';
import { rebuildLinkStats } from '../server/src/modules/chain/link-stats.repository';
import { rebuildZoneRollups } from '../server/src/modules/cockpit/zone-rollups.repository';
import { captureStatements } from './lib/capture-sql';
import type { Statement } from './scenarios/types';

const TODAY = '2026-11-30';
const STAGES = [
  'signed',
  'registered',
  'land',
  'approved',
  'started',
  'structure_done',
  'completed',
  'commissioning',
  'producing',
  'full_capacity',
];

interface CockpitCode {
  migrate: (db: Db) => Promise<unknown>;
  cockpitData: (
    db: Kysely<Database>,
    s: { year: number; today: string; park?: string; chainId?: string },
  ) => Promise<unknown>;
  warningsData: (
    db: Kysely<Database>,
    s: { today: string; park?: string; chainId?: string; limit: number },
  ) => Promise<unknown>;
}

async function load(root: string): Promise<CockpitCode> {
  const m = await import(path.join(root, 'server/src/db/migrate.ts'));
  const c = await import(path.join(root, 'server/src/modules/cockpit/cockpit.task.ts'));
  const w = await import(path.join(root, 'server/src/modules/warning/warning.task.ts'));
  return { migrate: m.migrateToLatest, cockpitData: c.cockpitData, warningsData: w.warningsData };
}

async function fill(db: Db, n: number) {
  const stages = `'${STAGES.join("','")}'`;
  if (db.dialect === 'sqlite') {
    const raw = db.sqliteRaw;
    if (!raw) throw new Error('no handle');
    raw.exec(`with recursive k(i) as (select 0 union all select i + 1 from k where i < ${n - 1})
      insert into project (id, code, name, park, total_investment, stage, stage_date, search_text, is_sample, version, created_at, updated_at)
      select printf('p%08d', i), printf('BX%08d', i), '项目' || i, '园区' || (i % 6), (abs(random()) % 4990 + 10) * 1000000,
        case when abs(random()) % 25 = 0 then (case when i % 2 = 0 then 'paused' else 'cancelled' end)
             else json_extract(json_array(${stages}), '$[' || (abs(random()) % ${STAGES.length}) || ']') end,
        d, '', 1, 1, d || 'T00:00:00.000Z', d || 'T00:00:00.000Z'
      from (select i, date('${TODAY}', '-' || (abs(random()) % 900 + 1) || ' days') as d from k)`);
    raw.exec(`insert into milestone (id, project_id, name, planned_date, actual_date, is_sample, version, created_at, updated_at)
      select 'm' || substr(id, 2), id, '竣工验收', pd, case when abs(random()) % 10 < 4 then pd end, 1, 1, created_at, created_at
      from (select id, created_at, date('${TODAY}', (abs(random()) % 401 - 200) || ' days') as pd from project)`);
    // No ANALYZE: the app never runs it on SQLite, so the planner sees what it sees in production.
    return;
  }
  // Triggers off for the load, as the generator does (`session_replication_role = replica`; per-row
  // roll-up triggers made 1M rows take over 20 min), then the roll-ups recounted once.
  const client = new pg.Client({ connectionString: db.databaseUrl as string });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica').catch(() => undefined);
    await client.query(`insert into project (id, code, name, park, total_investment, stage, stage_date, search_text, is_sample, version, created_at, updated_at)
      select 'p' || lpad(i::text, 8, '0'), 'BX' || lpad(i::text, 8, '0'), '项目' || i, '园区' || (i % 6), (floor(random() * 4990) + 10)::bigint * 1000000,
        case when random() < 0.04 then (case when i % 2 = 0 then 'paused' else 'cancelled' end)
             else (array[${stages}])[1 + floor(random() * ${STAGES.length})::int] end,
        d, '', 1, 1, d || 'T00:00:00.000Z', d || 'T00:00:00.000Z'
      from (select i, to_char(date '${TODAY}' - (1 + floor(random() * 900))::int, 'YYYY-MM-DD') as d from generate_series(0, ${n - 1}) i) s`);
    await client.query(`insert into milestone (id, project_id, name, planned_date, actual_date, is_sample, version, created_at, updated_at)
      select 'm' || substr(id, 2), id, '竣工验收', pd, case when random() < 0.4 then pd end, 1, 1, created_at, created_at
      from (select id, created_at, to_char(date '${TODAY}' + (floor(random() * 401) - 200)::int, 'YYYY-MM-DD') as pd from project) s`);
    await client.query('set session_replication_role = origin').catch(() => undefined);
  } finally {
    await client.end();
  }
  await rebuildLinkStats(db.kysely);
  await rebuildZoneRollups(db.kysely);
  await sql.raw('vacuum analyze').execute(db.kysely);
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Replays the statements one after another; returns the total and each statement's time (ms). */
async function replay(db: Db, ops: Statement[]): Promise<{ total: number; each: number[] }> {
  const each: number[] = [];
  if (db.sqliteRaw) {
    for (const o of ops) {
      const t = performance.now();
      const st = db.sqliteRaw.prepare(o.sql);
      if (st.reader) st.all(...(o.params as unknown[]));
      else st.run(...(o.params as unknown[]));
      each.push(performance.now() - t);
    }
  } else {
    const client = new pg.Client({ connectionString: db.databaseUrl as string });
    await client.connect();
    for (const o of ops) {
      const t = performance.now();
      await client.query(o.sql, o.params as unknown[]);
      each.push(performance.now() - t);
    }
    await client.end();
  }
  return { total: each.reduce((a, b) => a + b, 0), each };
}

/** The scopes timed: the zone, its biggest park and its biggest chain (when projects are on chains). */
async function scopesOf(db: Db): Promise<Array<{ label: string; park?: string; chainId?: string }>> {
  const park = await db.kysely
    .selectFrom('project_rollup')
    .select(['park', (eb) => eb.fn.sum<number>('projects').as('n')])
    .where('park', '<>', '')
    .groupBy('park')
    .orderBy('n', 'desc')
    .executeTakeFirst();
  const chain = await db.kysely
    .selectFrom('project_rollup')
    .innerJoin('chain_link', 'chain_link.id', 'project_rollup.link_id')
    .select(['chain_link.chain_id as id', (eb) => eb.fn.sum<number>('project_rollup.projects').as('n')])
    .groupBy('chain_link.chain_id')
    .orderBy('n', 'desc')
    .executeTakeFirst();
  return [
    { label: 'zone' },
    ...(park ? [{ label: `park ${park.park}`, park: park.park }] : []),
    ...(chain ? [{ label: `chain (${Number(chain.n)})`, chainId: chain.id }] : []),
  ];
}

async function time(label: string, db: Db, code: CockpitCode, runs: number) {
  for (const scope of await scopesOf(db)) {
    const { label: where, ...s } = scope;
    const read = (k: Kysely<Database>) =>
      Promise.all([
        code.cockpitData(k, { year: 2026, today: TODAY, ...s }),
        code.warningsData(k, { today: TODAY, ...s, limit: 10 }),
      ]);
    const ops = await captureStatements(db, read);
    const app: number[] = [];
    const raw: number[] = [];
    let last: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await read(db.kysely);
      app.push(performance.now() - t0);
      const rep = await replay(db, ops);
      raw.push(rep.total);
      last = rep.each;
    }
    console.log(
      `${label.padEnd(7)} ${db.dialect.padEnd(8)} ${where.padEnd(14)} cockpit median ${median(app).toFixed(1).padStart(9)} ms (min ${Math.min(...app).toFixed(1)})   raw SQL same statements ${median(raw).toFixed(1).padStart(9)} ms  (${ops.length} statements, ${runs} runs)`,
    );
    if (detail)
      for (const i of last
        .map((_, i) => i)
        .sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0))
        .slice(0, 5))
        console.log(
          `    ${(last[i] ?? 0).toFixed(1).padStart(8)} ms  ${ops[i]?.sql.replace(/\s+/g, ' ').slice(0, 160)}`,
        );
  }
}

let detail = false;

/** A database filled by an earlier run with the same number of projects (and its milestones). */
async function filledAlready(db: Db, n: number): Promise<boolean> {
  try {
    const r = await sql<{
      p: number;
      m: number;
    }>`select (select count(*) from project) as p, (select count(*) from milestone) as m`.execute(db.kysely);
    return Number(r.rows[0]?.p) === n && Number(r.rows[0]?.m) === n;
  } catch {
    return false;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      projects: { type: 'string', default: '1000000' },
      tree: { type: 'string' },
      runs: { type: 'string', default: '5' },
      reuse: { type: 'boolean', default: false },
      open: { type: 'string' },
      detail: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  detail = values.detail;
  if (values.help) {
    console.log(
      "node --import tsx bench/cockpit-scale.ts --db sqlite|postgres --projects N [--tree /other/checkout] [--runs 5] [--reuse] [--detail]\n  --reuse   keep the database of an earlier run with N projects (no --tree): migrate it and time\n  --open F  time an existing database instead (a SQLite file or a PostgreSQL URL, e.g. the\n            generator's .bench/lz-province.sqlite): migrated, never filled\n  --detail  print the five slowest statements of each read (last raw run)",
    );
    return;
  }
  const n = Number(values.projects);
  const runs = Number(values.runs);
  const here = path.resolve(import.meta.dirname, '..');
  let db: Db;
  if (values.open) {
    db = values.open.startsWith('postgres') ? openPostgres(values.open) : openSqlite(values.open);
    const t0 = performance.now();
    await (await load(here)).migrate(db);
    console.log(`${values.open}: migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await time('this', db, await load(here), runs);
    await db.close();
    return;
  }
  if (values.db === 'postgres') {
    const base = process.env.LZ_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = process.env.LZ_BENCH_PG_DB ?? 'lz_cockpit_scale';
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!(values.reuse && exists)) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
    }
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    db = openPostgres(url.toString());
    const s = await sql<{
      name: string;
      setting: string;
    }>`select name, setting from pg_settings where name in ('shared_buffers','work_mem','effective_cache_size','random_page_cost','max_parallel_workers_per_gather','jit')`.execute(
      db.kysely,
    );
    console.log(`PostgreSQL settings: ${s.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`);
  } else {
    const file = path.join(here, '.bench', 'cockpit-scale.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!values.reuse) for (const x of ['', '-wal', '-shm']) fs.rmSync(`${file}${x}`, { force: true });
    db = openSqlite(file);
  }
  const before = values.tree ? await load(path.resolve(values.tree)) : null;
  const after = await load(here);
  const reused = values.reuse && !before && (await filledAlready(db, n));
  await (before ?? after).migrate(db);
  let t0 = performance.now();
  if (reused) console.log(`reusing the database of an earlier run (${n} projects)`);
  else {
    await fill(db, n);
    console.log(`${n} projects + ${n} milestones made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (before) {
    await time('before', db, before, runs);
    t0 = performance.now();
    await after.migrate(db);
    console.log(
      `migrated to this checkout (roll-ups backfilled) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  await time('after', db, after, runs);
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
