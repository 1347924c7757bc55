import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Severity } from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';
import { unionAllOf } from '../../db/union-all';
import { chainLinkIdList, scopedProjects } from '../scope/project-scope';
import { projectsInWarningScope } from './warning.repository';
import type { Cutoffs, StageCutoffs } from './warning-cutoffs';
import { kindOnly, type LevelCond, severityOnly, type WarningFilter } from './warning-filter';

/**
 * Projects staying in their stage past the zone's norm (停滞预警), counted and listed without reading
 * every project (issue 19). The norm differs per stage, so the work is per stage: a stage's
 * warnings are its projects with a stage date on or before that stage's cutoffs.
 *
 * - Counts: the zone reads `stage_day_stat` (projects per stage and stage date, kept by triggers —
 *   migration 20261206_0019), a few thousand rows; a park alone reads `park_stage_day_stat` (0020), a
 *   chain alone `link_stage_month_stat` over its links and the cutoff's month from the projects
 *   (20261207_0037); a park and a chain together count their projects through
 *   project_link_stage_date_idx (covering: no table rows read).
 * - The first `limit`: within a stage, an earlier stage date is at least as severe, so the stage's
 *   most severe are its first rows in (stage date, id) order — an index range read for `limit` rows.
 *   Merging the stages' firsts and ordering by (severity, stage date, id) gives the list's first
 *   `limit` of all.
 */
type Db = Kysely<Database>;

export interface StuckScope {
  today: string;
  park?: string | undefined;
  chainId?: string | undefined;
}

export interface StuckProject {
  pid: string;
  pname: string;
  stage: string;
  since: string;
  rank: number;
}

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

/** Severity rank (0 high, 1 medium, 2 low) of a stage date under its stage's cutoffs. */
function rankOf(date: string, cut: Cutoffs): number {
  return SEVERITIES.findIndex((s) => cut[s] !== null && date <= (cut[s] as string));
}

/** The projects in scope: the cockpit's and the project list's park/chain filters. */
const inScope = (db: Db, s: StuckScope) => scopedProjects(db, s);

/** `rank <= level` over every stage: (stage = x and date <= cutoff of x) or … */
function stuckCond(stage: RawBuilder<unknown>, date: RawBuilder<unknown>, cuts: Cuts, level: Severity) {
  const parts = cuts
    .filter((x) => x.cut[level] !== null)
    .map((x) => sql`(${stage} = ${x.stage} and ${date} <= ${x.cut[level]})`);
  return parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}
function rankOver(stage: RawBuilder<unknown>, date: RawBuilder<unknown>, cuts: Cuts): RawBuilder<number> {
  return sql<number>`case when ${stuckCond(stage, date, cuts, 'high')} then 0 when ${stuckCond(stage, date, cuts, 'medium')} then 1 else 2 end`;
}

type Cuts = StageCutoffs;

/** Stuck counts by severity rank from a day roll-up (projects per stage and stage date), narrowed. */
function stuckFromDays(
  db: Db,
  t: 'stage_day_stat' | 'park_stage_day_stat',
  narrow: RawBuilder<boolean>,
  cuts: Cuts,
) {
  const [stage, date] = [sql.ref(`${t}.stage`), sql.ref(`${t}.stage_date`)];
  return db
    .selectFrom(t)
    .select([rankOver(stage, date, cuts).as('r'), sql<number>`sum(${sql.ref(`${t}.projects`)})`.as('n')])
    .where(narrow)
    .where(sql.ref(`${t}.stage_date`), '<>', '')
    .where(stuckCond(stage, date, cuts, 'low'))
    .groupBy(sql`1`)
    .execute();
}

/** Counts by severity of the projects of a park and a chain together stuck in their stage. */
function stuckInParkAndChain(db: Db, s: StuckScope, cuts: Cuts) {
  // The projects in scope, by the link index. `stage || ''` keeps off the stage index, whose
  // per-stage ranges over the whole zone (SQLite's multi-index OR) read every stuck project of the
  // zone — 3.2 s at 1M projects against 62 ms through project_link_stage_date_idx.
  const [stage, date] = [sql`(${sql.ref('project.stage')} || '')`, sql.ref('project.stage_date')];
  return inScope(db, s)
    .select([rankOver(stage, date, cuts).as('r'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('project.stage_date', 'is not', null)
    .where(stuckCond(stage, date, cuts, 'low'))
    .groupBy(sql`1`)
    .execute();
}

/**
 * A chain's stuck counts by severity (migration 20261207_0037). A cutoff counts the projects of the
 * chain's links in a stage with a stage date on or before it: the links' months before the
 * cutoff's month (link_stage_month_stat) plus that month up to the cutoff (an index range of
 * project_link_stage_date_idx per link). Cutoffs nest (high within medium within low), so each
 * severity is the difference of two such counts. One statement for every stage and severity.
 */
async function stuckOnChain(db: Db, chainId: string, cuts: Cuts): Promise<Record<Severity, number>> {
  // The chain's links named in the statement: with a subquery PostgreSQL read each stage's month
  // over the whole zone's (stage, stage date) index and tested every row's link (236 ms at 1M).
  const linkIds = await chainLinkIdList(db, chainId);
  const links = linkIds.length > 0 ? sql.join(linkIds) : sql`''`;
  const points = cuts.flatMap(({ stage, cut }) =>
    SEVERITIES.flatMap((sev) => (cut[sev] === null ? [] : [{ stage, sev, day: cut[sev] as string }])),
  );
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  if (points.length === 0) return counts;
  const parts = points.map(({ stage, day }, i) => {
    const month = day.slice(0, 7);
    return sql`(select coalesce(sum(m.projects), 0) from link_stage_month_stat m
        where m.link_id in (${links}) and m.stage = ${stage} and m.stage_month <> '' and m.stage_month < ${month})
      + (select count(*) from project p
        where p.link_id in (${links}) and p.stage = ${stage} and p.stage_date >= ${`${month}-01`} and p.stage_date <= ${day})
      as ${sql.id(`c${i}`)}`;
  });
  const row =
    (await sql<Record<string, number | string>>`select ${sql.join(parts)}`.execute(db)).rows[0] ?? {};
  const reached = new Map<string, number>();
  points.forEach(({ stage, sev }, i) => {
    const atCut = Number(row[`c${i}`] ?? 0);
    const before = reached.get(stage) ?? 0;
    counts[sev] += Math.max(0, atCut - before);
    reached.set(stage, Math.max(before, atCut));
  });
  return counts;
}

/**
 * Counts by severity of the projects stuck in their stage, in scope: one statement over the day
 * roll-up of the zone or a park (0020), over a chain's links' months (0037), over the projects for
 * a park and a chain together.
 */
export async function stuckCounts(db: Db, s: StuckScope, cuts: Cuts): Promise<Record<Severity, number>> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  if (s.chainId && !s.park) return stuckOnChain(db, s.chainId, cuts);
  const rows =
    s.chainId && s.park
      ? await stuckInParkAndChain(db, s, cuts)
      : s.park
        ? await stuckFromDays(
            db,
            'park_stage_day_stat',
            sql<boolean>`${sql.ref('park_stage_day_stat.park')} = ${s.park}`,
            cuts,
          )
        : await stuckFromDays(db, 'stage_day_stat', sql<boolean>`1 = 1`, cuts);
  for (const r of rows) {
    const sev = SEVERITIES[Number(r.r)];
    if (sev) counts[sev] += Number(r.n ?? 0);
  }
  return counts;
}

/**
 * The first `limit` stuck projects in scope, most severe first, then longest in stage, then id: each
 * stage's first `limit` (an index range each, in one `union all`), merged.
 */
export async function firstStuck(db: Db, s: StuckScope, cuts: Cuts, limit: number): Promise<StuckProject[]> {
  const perStage = cuts
    .filter((x) => x.cut.low !== null)
    .map(({ stage, cut }, i) =>
      db
        .selectFrom(
          inScope(db, s)
            .select([
              'project.id as pid',
              'project.name as pname',
              'project.stage as stage',
              'project.stage_date as since',
            ])
            .where('project.stage', '=', stage)
            .where('project.stage_date', 'is not', null)
            .where('project.stage_date', '<=', cut.low as string)
            .orderBy('project.stage_date')
            .orderBy('project.id')
            .limit(limit)
            .as(`s${i}`),
        )
        .selectAll(),
    );
  const all = unionAllOf(perStage);
  if (!all) return [];
  const rows = await all.execute();
  const cutOf = new Map(cuts.map((x) => [x.stage, x.cut]));
  const out = rows.map((r) => {
    const since = r.since as string;
    return {
      pid: r.pid,
      pname: r.pname,
      stage: r.stage,
      since,
      rank: rankOf(since, cutOf.get(r.stage) as Cutoffs),
    };
  });
  out.sort(
    (a, b) => a.rank - b.rank || (a.since < b.since ? -1 : a.since > b.since ? 1 : a.pid < b.pid ? -1 : 1),
  );
  return out.slice(0, limit);
}

/**
 * Filtered by the warnings page (kind, severity, officer): one statement over the projects in scope
 * both counts (window sums) and returns the first `limit`; the unfiltered cockpit never comes here.
 */
export function stuckPageFiltered(db: Db, s: StuckScope & WarningFilter, cuts: Cuts, limit: number) {
  const [stage, date] = [sql.ref('project.stage'), sql.ref('project.stage_date')];
  const cond: LevelCond = (level) => stuckCond(stage, date, cuts, level);
  const rank = rankOver(stage, date, cuts);
  return projectsInWarningScope(db, s)
    .where(cond('low'))
    .where(kindOnly(s, 'stage_stuck'))
    .where(severityOnly(s, cond))
    .select([
      'project.id as pid',
      'project.name as pname',
      'project.stage as stage',
      'project.stage_date as since',
      sql<number>`sum(case when ${rank} = 0 then 1 else 0 end) over ()`.as('high'),
      sql<number>`sum(case when ${rank} = 1 then 1 else 0 end) over ()`.as('medium'),
      sql<number>`count(*) over ()`.as('n'),
    ])
    .orderBy(rank)
    .orderBy('project.stage_date')
    .orderBy('project.id')
    .limit(limit)
    .execute();
}
