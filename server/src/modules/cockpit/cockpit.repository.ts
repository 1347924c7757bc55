import { type Kysely, sql } from 'kysely';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import type { Database } from '../../db/database';
import { dialectOf, orderNullsLow } from '../../db/dialect-sql';
import { chainLinkIds, type ProjectScope, scopedProjects } from '../scope/project-scope';

/**
 * The cockpit's SQL (驾驶舱). Every figure here is a count or sum over the same rows a list shows
 * with the filters the service attaches to it (project list, request list, round reports), so a
 * click on a figure lands on exactly the records behind it. Runs as a read task (plain handle,
 * cloneable params, plain result).
 */
type Db = Kysely<Database>;

/** The cockpit's scope: a year (its figures' period) and the park/chain scope shared with 预警. */
export interface CockpitScope extends ProjectScope {
  year: number;
  today: string;
}

const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key as string);
const WORKING = [...REQUEST_WORKING_STATUSES] as string[];

/**
 * Projects per current stage (all stages, paused and cancelled included), and of the active ones:
 * count, total investment, how many have an investment, funds in place — from `project_rollup` (per
 * park, link and stage, kept by triggers: migrations 20261206_0019/0020), a few hundred rows
 * instead of every project in scope.
 */
export async function stageFigures(db: Db, s: CockpitScope) {
  let q = db
    .selectFrom('project_rollup')
    .select([
      'project_rollup.stage as stage',
      (eb) => eb.fn.sum<number>('project_rollup.projects').as('n'),
      (eb) => eb.fn.sum<number>('project_rollup.investment').as('inv'),
      (eb) => eb.fn.sum<number>('project_rollup.valued').as('valued'),
      (eb) => eb.fn.sum<number>('project_rollup.funds').as('funds'),
    ])
    .groupBy('project_rollup.stage');
  if (s.park) q = q.where('project_rollup.park', '=', s.park);
  if (s.chainId) q = q.where('project_rollup.link_id', 'in', chainLinkIds(db, s.chainId));
  // Rows at zero are kept by the triggers: a stage with none is absent, as in a count over projects.
  const rows = (await q.execute()).filter((r) => Number(r.n) > 0);
  const counts: Record<string, number> = Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
  // total_investment is a bigint: the per-stage sums add up exactly to the one sum over them all.
  const active = rows.filter((r) => ACTIVE.includes(r.stage));
  const total = (k: 'n' | 'inv' | 'valued' | 'funds') => active.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  return {
    counts,
    active: { count: total('n'), investment: total('inv'), valued: total('valued'), funds: total('funds') },
  };
}

/** Projects signed (first stage event) in the year, by month: count and total investment. */
export async function signedByMonth(db: Db, s: CockpitScope) {
  const first = db
    .selectFrom('project_stage_event')
    .select(['project_id', (eb) => eb.fn.min<string>('date').as('signed_date')])
    .groupBy('project_id')
    .as('f');
  const rows = await scopedProjects(db, s)
    .innerJoin(first, 'f.project_id', 'project.id')
    .select([
      sql<string>`substr(f.signed_date, 1, 7)`.as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('project.total_investment').as('inv'),
    ])
    .where('f.signed_date', '>=', `${s.year}-01-01`)
    .where('f.signed_date', '<=', `${s.year}-12-31`)
    .groupBy(sql`substr(f.signed_date, 1, 7)`)
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.n), investment: Number(r.inv ?? 0) }));
}

/** Round-report figures (funds in place, fixed-asset investment) by the month their round's period ends. */
export async function reportedByMonth(db: Db, s: CockpitScope) {
  const rows = await scopedProjects(db, s)
    .innerJoin('round_report', 'round_report.project_id', 'project.id')
    .innerJoin('round', 'round.id', 'round_report.round_id')
    .select([
      sql<string>`substr(round.period_end, 1, 7)`.as('month'),
      (eb) => eb.fn.sum<number>('round_report.funds_period').as('funds'),
      (eb) => eb.fn.sum<number>('round_report.investment_period').as('inv'),
      (eb) => eb.fn.sum<number>('round_report.exports_period').as('exp'),
    ])
    .where('round.period_end', '>=', `${s.year}-01-01`)
    .where('round.period_end', '<=', `${s.year}-12-31`)
    .groupBy(sql`substr(round.period_end, 1, 7)`)
    .execute();
  return rows.map((r) => ({
    month: r.month,
    funds: Number(r.funds ?? 0),
    investment: Number(r.inv ?? 0),
    exports: Number(r.exp ?? 0),
  }));
}

/**
 * Open (not yet confirmed) and overdue factor requests by department. With a park or chain, only
 * requests raised for a project in that park / on that chain count — the request list's park and
 * chainId filters (a request without a project belongs to no park or chain).
 */
export async function requestsByDepartment(db: Db, s: CockpitScope) {
  const today = s.today;
  let q = db
    .selectFrom('factor_request')
    .leftJoin('project', 'project.id', 'factor_request.project_id')
    .leftJoin('department', 'department.id', 'factor_request.department_id');
  if (s.park) q = q.where('project.park', '=', s.park);
  if (s.chainId) {
    const chainId = s.chainId;
    q = q.where('project.link_id', 'in', chainLinkIds(db, chainId));
  }
  const rows = await q
    .select([
      'factor_request.department_id as department_id',
      'department.name as department_name',
      (eb) => eb.fn.countAll<number>().as('open'),
      (eb) =>
        eb.fn
          .sum<number>(
            sql`case when ${sql.ref('factor_request.status')} in (${sql.join(WORKING)}) and ${sql.ref('factor_request.deadline')} < ${today} then 1 else 0 end`,
          )
          .as('overdue'),
    ])
    .where('factor_request.status', '!=', 'confirmed')
    .groupBy(['factor_request.department_id', 'department.name'])
    .execute();
  return rows
    .map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      open: Number(r.open),
      overdue: Number(r.overdue ?? 0),
    }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open);
}

/**
 * Per chain: its links and the links covered (at least one local firm or a live project on them),
 * from the per-link counts the database keeps (migration 0008) rather than probing both tables.
 */
export async function chainCoverage(db: Db, chainId?: string) {
  let q = db
    .selectFrom('chain')
    .innerJoin('chain_link', 'chain_link.chain_id', 'chain.id')
    .leftJoin('link_stat', 'link_stat.link_id', 'chain_link.id')
    .select([
      'chain.id as id',
      'chain.name as name',
      'chain.sort_order as sort_order',
      (eb) => eb.fn.countAll<number>().as('links'),
      (eb) =>
        eb.fn
          .sum<number>(sql`case when link_stat.local_firms > 0 or link_stat.projects > 0 then 1 else 0 end`)
          .as('covered'),
    ])
    .groupBy(['chain.id', 'chain.name', 'chain.sort_order'])
    .orderBy('chain.sort_order')
    .orderBy('chain.name');
  if (chainId) q = q.where('chain.id', '=', chainId);
  const rows = await q.execute();
  return rows.map((r) => ({
    chainId: r.id,
    name: r.name,
    links: Number(r.links),
    covered: Number(r.covered ?? 0),
  }));
}

/** The largest active projects by total investment (the project list's default sort). */
export function topProjects(db: Db, s: CockpitScope, limit: number) {
  return (
    scopedProjects(db, s, { chainOffIndex: true })
      .select([
        'project.id as id',
        'project.code as code',
        'project.name as name',
        'project.stage as stage',
        'project.park as park',
        'project.total_investment as total_investment',
      ])
      // `stage || ''` keeps the planner off the stage index (which would sort every active project):
      // walking project_inv_idx from the top stops after `limit` active ones. Nulls are excluded, so
      // "desc nulls last" (the index's order on PostgreSQL) is the same order.
      .where(sql<string>`${sql.ref('project.stage')} || ''`, 'in', ACTIVE)
      .where('project.total_investment', 'is not', null)
      .orderBy(orderNullsLow(dialectOf(db), 'project.total_investment', 'desc'))
      .orderBy('project.id')
      .limit(limit)
      .execute()
  );
}

/** The latest round whose period has begun: projects asked, reported, reported late (in scope). */
export async function latestRoundRate(db: Db, s: CockpitScope) {
  const round = await db
    .selectFrom('round')
    .selectAll()
    .where('period_start', '<=', s.today)
    .orderBy('period_end', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!round) return null;
  const row = await scopedProjects(db, s)
    .innerJoin('round_project', 'round_project.project_id', 'project.id')
    .leftJoin('round_report', (j) =>
      j
        .onRef('round_report.round_id', '=', 'round_project.round_id')
        .onRef('round_report.project_id', '=', 'project.id'),
    )
    .select([
      (eb) => eb.fn.countAll<number>().as('expected'),
      (eb) => eb.fn.count<number>('round_report.id').as('reported'),
      (eb) => eb.fn.sum<number>(sql`coalesce(round_report.late, 0)`).as('late'),
    ])
    .where('round_project.round_id', '=', round.id)
    .executeTakeFirst();
  return {
    id: round.id,
    title: round.title,
    deadline: round.deadline,
    periodKey: round.period_key,
    expected: Number(row?.expected ?? 0),
    reported: Number(row?.reported ?? 0),
    late: Number(row?.late ?? 0),
  };
}

/**
 * Provenance of the active projects' total investment (签约投资), by source: rows whose recorded
 * value is still the project's (figure-source.ts reads them the same way). How many active projects
 * have a value at all is stageFigures' `valued` (the roll-up).
 */
export async function investmentSourceCounts(db: Db, s: CockpitScope) {
  // Driven from the recorded sources (a cross join keeps SQLite from walking every active project
  // to probe for one: 1.2 s at 1M projects); PostgreSQL plans it as the inner join it is.
  let q = db
    .selectFrom('project_figure_source as fs')
    .crossJoin('project')
    .whereRef('project.id', '=', 'fs.project_id')
    .where('fs.figure', '=', 'totalInvestment');
  if (s.park) q = q.where('project.park', '=', s.park);
  if (s.chainId) q = q.where('project.link_id', 'in', chainLinkIds(db, s.chainId));
  const rows = await q
    .where('project.stage', 'in', ACTIVE)
    .where('project.total_investment', 'is not', null)
    .where(sql<boolean>`abs(fs.value - project.total_investment) < 0.5`)
    .select(['fs.source as source', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('fs.source')
    .execute();
  return rows.map((r) => ({ source: r.source, n: Number(r.n) }));
}

/** Active projects in scope that have filed a dispatch report (their figures are the reports'). */
export function reportingProjects(db: Db, s: CockpitScope) {
  // The reporting projects are few (a round asks at most 2,000): they drive the read, each project
  // found by key — a CROSS JOIN keeps SQLite's planner in that order. An EXISTS probed round_report
  // for every active project (534 ms at 1M projects), and `id in (…)` with a park walked the park's
  // projects to probe each (25–37 ms at 1M, with no report at all).
  let q = db
    .selectFrom((eb) =>
      eb.selectFrom('round_report as rr').select('rr.project_id').distinct().as('reporting'),
    )
    .crossJoin('project')
    .whereRef('project.id', '=', 'reporting.project_id')
    .where('project.stage', 'in', ACTIVE);
  if (s.park) q = q.where('project.park', '=', s.park);
  if (s.chainId) q = q.where('project.link_id', 'in', chainLinkIds(db, s.chainId));
  return q
    .select([
      'project.id',
      'project.funds_in_place',
      'project.total_investment',
      'project.fixed_asset_investment',
      'project.expected_output',
      'project.expected_tax',
      'project.expected_jobs',
      'project.expected_exports',
    ])
    .execute();
}
