/**
 * The rows of bench/agreement-scale.ts (issue 14), made by SQL in the database itself. On
 * PostgreSQL the project table's roll-up triggers (per-link counts, migration 0008; cockpit
 * roll-ups, 0019/0020) fire per row and made 300k projects take more than 28 minutes, so the
 * load runs as the generator's does (bench/generate/load.ts): one session with
 * `session_replication_role = replica`, then the roll-ups recounted once (bench/lib/bench-db.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../server/src/db/connect';
import { rebuildInvestorsJson } from '../../server/src/db/dialect-sql';
import { rebuildLinkStats } from '../../server/src/modules/chain/link-stats.repository';
import {
  rebuildZoneRollups,
  recountZoneRollups,
  storedZoneRollups,
} from '../../server/src/modules/cockpit/zone-rollups.repository';

export const TODAY = '2026-11-30';
export const YEAR = 2025;
const STAGES = ['signed', 'started', 'completed', 'producing', 'full_capacity'];

/** Rows by SQL, in one session `run` gives; `r(k)` is a per-row pseudo-random 0..k-1 in the dialect. */
async function insertRows(lite: boolean, run: (text: string) => Promise<void>, n: number, f: number) {
  const r = (k: number) => (lite ? `(abs(random()) % ${k})` : `floor(random() * ${k})::int`);
  const pad = (x: string, p: string) =>
    lite ? `printf('${p}%08d', ${x})` : `'${p}' || lpad(${x}::text, 8, '0')`;
  const series = (count: number) =>
    lite
      ? `with recursive k(i) as (select 0 union all select i + 1 from k where i < ${count - 1}) select i from k`
      : `select i from generate_series(0, ${count - 1}) i`;
  const now = `'${TODAY}T00:00:00.000Z'`;
  const stage = lite
    ? `json_extract(json_array('${STAGES.join("','")}'), '$[' || ${r(STAGES.length)} || ']')`
    : `(array['${STAGES.join("','")}'])[1 + ${r(STAGES.length)}]`;
  await run(`insert into firm (id, name, name_norm, created_at, updated_at)
    select ${pad('i', 'f')}, '基准企业' || i || '有限公司', '基准企业' || i, ${now}, ${now} from (${series(f)}) s`);
  await run(`insert into project (id, code, name, park, land_mu, total_investment, stage, stage_date, search_text, is_sample, version, created_at, updated_at)
    select ${pad('i', 'p')}, ${pad('i', 'BA')}, '基准项目' || i, '园区' || (i % 6),
      case when i % 10 = 0 then null else 20 + ${r(280)} end, (${r(4990)} + 10) * ${lite ? '1000000' : '1000000::bigint'}, ${stage},
      '2023-06-01', '', 1, 1, ${now}, ${now} from (${series(n)}) s`);
  await run(`insert into project_investor (project_id, firm_id, share_pct, position)
    select ${pad('i', 'p')}, ${pad(`(i % ${f})`, 'f')}, 100, 0 from (${series(n)}) s`);
  await run(`insert into agreement (id, project_id, number, signed_date, zone_party, signing_company, is_sample, created_at, updated_at)
    select ${pad('i', 'a')}, ${pad('i', 'p')}, ${pad('i', 'TZXY')}, '2023-05-01', '开发区管委会', '基准企业', 1, ${now}, ${now}
    from (${series(n)}) s`);
  const measures: Array<[string, number, string]> = [
    ['totalInvestment', 2024, `(${r(500)} + 50) * 1000000`],
    ['output', 2025, `(${r(900)} + 100) * 1000000`],
    ['tax', 2025, `(${r(90)} + 10) * 1000000`],
    ['jobs', 2025, `${r(900)} + 100`],
  ];
  for (const [m, due, value] of measures) {
    await run(`insert into agreement_commitment (id, agreement_id, project_id, measure, value, due_year, created_at)
      select ${pad('i', `c${m.slice(0, 2)}`)}, ${pad('i', 'a')}, ${pad('i', 'p')}, '${m}', ${value}, ${due}, ${now}
      from (${series(n)}) s`);
    // The statistics bureau's figure: 0.6–1.4 of a typical promise, so some are met and some behind.
    await run(`insert into actual_figure (id, project_id, firm_id, year, period, measure, value, source, is_sample, created_at)
      select ${pad('i', `s${m.slice(0, 2)}`)}, ${pad('i', 'p')}, ${pad(`(i % ${f})`, 'f')}, ${due}, 'Y', '${m}', ${value}, 'statistics', 1, ${now}
      from (${series(n)}) s`);
  }
  await run(`insert into actual_figure (id, project_id, firm_id, year, period, measure, value, source, is_sample, created_at)
    select ${pad('i', 'xt')}, ${pad('i', 'p')}, ${pad(`(i % ${f})`, 'f')}, ${YEAR}, 'Y', 'tax', (${r(90)} + 10) * 1000000, 'tax', 1, ${now}
    from (${series(n)}) s where i % 10 = 3`);
  for (const [m, value] of [
    ['landMu', `5 + ${r(300)}`],
    ['energy', `100 + ${r(20000)}`],
    ['rdExpense', `${r(50)} * 1000000`],
  ] as const) {
    await run(`insert into actual_figure (id, project_id, firm_id, year, period, measure, value, source, is_sample, created_at)
      select ${pad('i', `g${m.slice(0, 2)}`)}, null, ${pad('i', 'f')}, ${YEAR}, 'Y', '${m}', ${value}, 'statistics', 1, ${now}
      from (${series(f)}) s where i % 2 = 0`);
  }
}

/**
 * Fills the database with `n` projects and `f` firms. SQLite runs its triggers as it inserts (the
 * fill is set-based, so they cost little); PostgreSQL skips them and recounts after. Both then
 * write each project's copy of its investors (migration 0030), which the app keeps, not a trigger.
 */
export async function fill(db: Db, n: number, f: number): Promise<void> {
  if (db.sqliteRaw) {
    const raw = db.sqliteRaw;
    await insertRows(true, async (text) => void raw.exec(text), n, f);
  } else {
    const client = new pg.Client({ connectionString: db.databaseUrl as string });
    await client.connect();
    try {
      // Superuser only, as in the generator; without it the load still works, only slower.
      await client.query('set session_replication_role = replica').catch(() => undefined);
      await insertRows(false, async (text) => void (await client.query(text)), n, f);
      await client.query('set session_replication_role = origin').catch(() => undefined);
    } finally {
      await client.end();
    }
    await rebuildLinkStats(db.kysely);
    await rebuildZoneRollups(db.kysely);
  }
  await rebuildInvestorsJson(db.kysely);
  if (!db.sqliteRaw) await sql.raw('vacuum analyze').execute(db.kysely);
}

/** Whether the database holds an earlier run's rows of this size (`--reuse`). */
export async function filledAlready(db: Db, n: number, f: number): Promise<boolean> {
  const r = await sql<{
    p: number;
    f: number;
  }>`select (select count(*) from agreement) as p, (select count(*) from firm) as f`.execute(db.kysely);
  return Number(r.rows[0]?.p) === n && Number(r.rows[0]?.f) === f;
}

/**
 * `--check-rollups`: whether the stored cockpit roll-ups equal a recount from the records, i.e.
 * the fill left them as the triggers would have (reads every project: for small runs).
 */
export async function rollupsMatch(db: Db): Promise<boolean> {
  return isDeepStrictEqual(await storedZoneRollups(db.kysely), await recountZoneRollups(db.kysely));
}
