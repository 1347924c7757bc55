import { type Kysely, type RawBuilder, sql } from 'kysely';
import { daysBetween } from '../../../../shared/src/dates';
import {
  type Severity,
  STAGE_NORM_DEFAULTS,
  severityOrder,
  type WarningKind,
  warningSeverity,
} from '../../../../shared/src/dispatch';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import type { Database } from '../../db/database';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): reads another module's repository; to go through its service
import { type CockpitScope, scopedProjects } from '../cockpit/cockpit.repository';
import { firstStuck, stuckCounts, stuckCutoffs } from './stage-stuck';
import { type Cutoffs, severityCutoffs } from './warning-cutoffs';

/**
 * Early warnings (预警): what needs a leader now, each with its reason, most severe first.
 * A read task: it reads the roll-ups of milestones and stages (migration 20261206_0019), working
 * requests and the last closed round.
 *
 * At province scale hundreds of thousands of milestones are late, so nothing here builds every
 * warning: SQL counts each kind by severity (the severity rule turned into date cutoffs) and returns
 * only the first `limit` of each kind in the list's order (severity, then days late). The first
 * `limit` of all are among those, so merging them gives the same page the full list would.
 */
type Db = Kysely<Database>;

export interface Warning {
  /**
   * Stable across pages and reloads: the kind and the record it is about (a round's missing
   * report names the round and the project, since one round link covers many projects).
   */
  id: string;
  kind: WarningKind;
  severity: Severity;
  days: number;
  reason: Bilingual;
  projectId: string | null;
  projectName: string | null;
  link: string;
}

export interface WarningPage {
  /** The first `limit` warnings, most severe first, then most days late. */
  items: Warning[];
  /** All warnings in scope, and how many of each severity. */
  total: number;
  counts: Record<Severity, number>;
}

const STAGE_LABEL = Object.fromEntries(PROJECT_STAGES.map((s) => [s.key, s]));
const SEVERITY_BY_RANK: Severity[] = ['high', 'medium', 'low'];

/** The zone's stage norms in days: the stage_norm rows over the shared defaults. */
export async function stageNorms(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('stage_norm').select(['stage', 'max_days']).execute();
  return { ...STAGE_NORM_DEFAULTS, ...Object.fromEntries(rows.map((r) => [r.stage, Number(r.max_days)])) };
}

type Level = Severity;
type Cond = (level: Level) => RawBuilder<boolean>;

const NEVER = sql<boolean>`1 = 0`;

/** `date <= cutoff` of a level, for a kind with one set of cutoffs (milestones, requests). */
function dateCond(column: string, cut: Cutoffs): Cond {
  return (level) => {
    const c = cut[level];
    return c === null ? NEVER : sql<boolean>`${sql.ref(column)} <= ${c}`;
  };
}

/** The severity rank (0 high, 1 medium, 2 low) of a row that is a warning, in SQL. */
function rankCase(cond: Cond): RawBuilder<number> {
  return sql<number>`case when ${cond('high')} then 0 when ${cond('medium')} then 1 else 2 end`;
}

/** Counts by rank rows ({ r, n }) into counts by severity. */
function addCounts(into: Record<Severity, number>, rows: Array<{ r: number | string; n: number | string }>) {
  for (const row of rows) {
    const sev = SEVERITY_BY_RANK[Number(row.r)];
    if (sev) into[sev] += Number(row.n);
  }
}

export async function warningsData(
  db: Db,
  s: Omit<CockpitScope, 'year'> & { limit: number },
): Promise<WarningPage> {
  const scope = { ...s, year: 0 };
  const limit = s.limit;
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const out: Warning[] = [];

  // Late milestones: severity grows with days late, so planned-date order is the list's order.
  const mCut = severityCutoffs('milestone_late', s.today, 1);
  const mRank = rankCase(dateCond('milestone.planned_date', mCut));
  const openLate = () =>
    scopedProjects(db, scope)
      .innerJoin('milestone', 'milestone.project_id', 'project.id')
      .where('milestone.actual_date', 'is', null)
      .where('milestone.planned_date', '<', s.today);
  // Every milestone has its project: without a park/chain the count reads milestone_open_idx only;
  // with one, the projects in scope drive it (milestone_project_idx per project) rather than a
  // join testing the project of every late milestone of the zone.
  // Zone-wide, the open milestones per planned date (milestone_day_stat, kept by triggers) hold it.
  const mCounts =
    s.park || s.chainId
      ? await db
          .selectFrom('milestone')
          .where('milestone.actual_date', 'is', null)
          .where('milestone.planned_date', '<', s.today)
          .where('milestone.project_id', 'in', scopedProjects(db, scope).select('project.id'))
          .select([mRank.as('r'), (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(sql`1`)
          .execute()
      : await db
          .selectFrom('milestone_day_stat')
          .where('milestone_day_stat.planned_date', '<', s.today)
          .select([
            rankCase(dateCond('milestone_day_stat.planned_date', mCut)).as('r'),
            (eb) => eb.fn.sum<number>('milestone_day_stat.milestones').as('n'),
          ])
          .groupBy(sql`1`)
          .execute();
  addCounts(counts, mCounts);
  const milestones = await openLate()
    .select([
      'project.id as pid',
      'project.name as pname',
      'milestone.id as mid',
      'milestone.name as mname',
      'milestone.planned_date as planned',
    ])
    .orderBy('milestone.planned_date')
    .orderBy('milestone.id')
    .limit(limit)
    .execute();
  for (const m of milestones) {
    const days = daysBetween(m.planned as string, s.today);
    out.push({
      id: `milestone_late:${m.mid}`,
      kind: 'milestone_late',
      severity: warningSeverity('milestone_late', days),
      days,
      reason: {
        zh: `节点“${m.mname}”计划 ${m.planned} 完成，已逾期 ${days} 天`,
        en: `Milestone “${m.mname}” was due ${m.planned}: ${days} days late`,
      },
      projectId: m.pid,
      projectName: m.pname,
      link: `/projects/${m.pid}`,
    });
  }

  // Stage stays past the norm: per stage, from the day roll-up (zone) or an index range (park,
  // chain) — never a pass over every project (stage-stuck.ts).
  const norms = await stageNorms(db);
  const cuts = stuckCutoffs(norms, s.today);
  const stuck = await stuckCounts(db, s, cuts);
  for (const sev of SEVERITY_BY_RANK) counts[sev] += stuck[sev];
  const staying = await firstStuck(db, s, cuts, limit);
  for (const p of staying) {
    const norm = norms[p.stage] as number;
    const days = daysBetween(p.since as string, s.today);
    const label = STAGE_LABEL[p.stage];
    out.push({
      id: `stage_stuck:${p.pid}`,
      kind: 'stage_stuck',
      severity: warningSeverity('stage_stuck', days, norm),
      days,
      reason: {
        zh: `处于“${label?.zh ?? p.stage}”阶段已 ${days} 天，超过园区标准 ${norm} 天`,
        en: `In stage “${label?.en ?? p.stage}” for ${days} days, over the zone norm of ${norm}`,
      },
      projectId: p.pid,
      projectName: p.pname,
      link: `/projects/${p.pid}`,
    });
  }

  // Overdue requests of the projects in scope (park and chain, as the cockpit's request figures).
  const rCut = severityCutoffs('request_overdue', s.today, 1);
  let rq = db
    .selectFrom('factor_request')
    .leftJoin('department', 'department.id', 'factor_request.department_id')
    .leftJoin('project', 'project.id', 'factor_request.project_id')
    .where('factor_request.status', 'in', [...REQUEST_WORKING_STATUSES])
    .where('factor_request.deadline', '<', s.today);
  if (s.park) rq = rq.where('project.park', '=', s.park);
  if (s.chainId) {
    const chainId = s.chainId;
    rq = rq.where('project.link_id', 'in', (eb) =>
      eb.selectFrom('chain_link').select('chain_link.id').where('chain_link.chain_id', '=', chainId),
    );
  }
  addCounts(
    counts,
    await rq
      .select([
        rankCase(dateCond('factor_request.deadline', rCut)).as('r'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(sql`1`)
      .execute(),
  );
  const requests = await rq
    .select([
      'factor_request.id as id',
      'factor_request.title as title',
      'factor_request.deadline as deadline',
      'department.name as dept',
      'project.id as pid',
      'project.name as pname',
    ])
    .orderBy('factor_request.deadline')
    .orderBy('factor_request.id')
    .limit(limit)
    .execute();
  for (const r of requests) {
    const days = daysBetween(r.deadline as string, s.today);
    out.push({
      id: `request_overdue:${r.id}`,
      kind: 'request_overdue',
      severity: warningSeverity('request_overdue', days),
      days,
      reason: {
        zh: `要素保障“${r.title}”（${r.dept ?? '未分派'}）期限 ${r.deadline}，已超期 ${days} 天`,
        en: `Factor request “${r.title}” (${r.dept ?? 'unassigned'}) was due ${r.deadline}: ${days} days overdue`,
      },
      projectId: r.pid,
      projectName: r.pname,
      link: `/requests/${r.id}`,
    });
  }

  // Projects of the last closed round without a report: all the same days late, so one severity.
  const round = await db
    .selectFrom('round')
    .select(['id', 'title', 'deadline'])
    .where('deadline', '<', s.today)
    .orderBy('deadline', 'desc')
    .executeTakeFirst();
  if (round) {
    const missing = () =>
      scopedProjects(db, scope)
        .innerJoin('round_project', 'round_project.project_id', 'project.id')
        .where('round_project.round_id', '=', round.id)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('round_report')
                .select('round_report.id')
                .where('round_report.round_id', '=', round.id)
                .whereRef('round_report.project_id', '=', 'project.id'),
            ),
          ),
        );
    const days = daysBetween(round.deadline, s.today);
    const severity = warningSeverity('round_missing', days);
    const n = await missing()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    counts[severity] += Number(n?.n ?? 0);
    const rows = await missing()
      .select(['project.id as pid', 'project.name as pname'])
      .orderBy('project.id')
      .limit(limit)
      .execute();
    for (const m of rows) {
      out.push({
        id: `round_missing:${round.id}:${m.pid}`,
        kind: 'round_missing',
        severity,
        days,
        reason: {
          zh: `调度“${round.title}”截止 ${round.deadline}，未报送`,
          en: `Dispatch round “${round.title}” closed ${round.deadline}: not reported`,
        },
        projectId: m.pid,
        projectName: m.pname,
        link: `/rounds/${round.id}`,
      });
    }
  }

  // A stable sort: equal severity and days keep the kinds' order above.
  // Ties end on the stable id (each kind's SQL order above agrees), so pages never overlap.
  out.sort(
    (a, b) =>
      severityOrder(a.severity) - severityOrder(b.severity) ||
      b.days - a.days ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    items: out.slice(0, limit),
    total: counts.high + counts.medium + counts.low,
    counts,
  };
}
