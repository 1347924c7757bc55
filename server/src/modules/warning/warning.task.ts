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
import { type ProjectScope, scopedProjects as scopeProjects } from '../scope/project-scope';
import { firstStuck, stuckCounts, stuckCutoffs } from './stage-stuck';
import { type Cutoffs, severityCutoffs } from './warning-cutoffs';
import { kindOnly, severityOnly, type WarningFilter, wantsKind } from './warning-filter';

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
export function dateCond(column: string, cut: Cutoffs): Cond {
  return (level) => {
    const c = cut[level];
    return c === null ? NEVER : sql<boolean>`${sql.ref(column)} <= ${c}`;
  };
}

/** The severity rank (0 high, 1 medium, 2 low) of a row that is a warning, in SQL. */
export function rankCase(cond: Cond): RawBuilder<number> {
  return sql<number>`case when ${cond('high')} then 0 when ${cond('medium')} then 1 else 2 end`;
}

/** Counts by rank rows ({ r, n }) into counts by severity. */
export function addCounts(
  into: Record<Severity, number>,
  rows: Array<{ r: number | string; n: number | string }>,
) {
  for (const row of rows) {
    const sev = SEVERITY_BY_RANK[Number(row.r)];
    if (sev) into[sev] += Number(row.n);
  }
}

/** The list's order: severity, then days late, then the stable id (so pages never overlap). */
export function compareWarnings(a: Warning, b: Warning): number {
  return (
    severityOrder(a.severity) - severityOrder(b.severity) ||
    b.days - a.days ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export async function warningsData(
  db: Db,
  s: ProjectScope & { today: string; limit: number } & WarningFilter,
): Promise<WarningPage> {
  const scope: ProjectScope = { park: s.park, chainId: s.chainId };
  // The projects in scope: the cockpit's park/chain, and the warnings page's officer (专员).
  const scopedProjects = (d: Db, sc: ProjectScope) => {
    const q = scopeProjects(d, sc);
    return s.officerId ? q.where('project.officer_id', '=', s.officerId) : q;
  };
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
  // The warnings page's own filters (kind, severity, officer) need the per-row queries; without
  // them the zone's counts come from the roll-ups kept by triggers (milestone_day_stat, stage_day_stat).
  const filtered = s.kind !== undefined || s.severity !== undefined || s.officerId !== undefined;
  const mOnly = sql<boolean>`${kindOnly(s, 'milestone_late')} and ${severityOnly(s, dateCond('milestone.planned_date', mCut))}`;
  let mq = db
    .selectFrom('milestone')
    .where('milestone.actual_date', 'is', null)
    .where('milestone.planned_date', '<', s.today);
  if (s.park || s.chainId || s.officerId)
    mq = mq.where('milestone.project_id', 'in', scopedProjects(db, scope).select('project.id'));
  const mCounts =
    s.chainId || filtered
      ? await mq
          .where(mOnly)
          .select([mRank.as('r'), (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(sql`1`)
          .execute()
      : s.park
        ? // A park alone: its open milestones per planned date (migration 20261206_0020).
          await db
            .selectFrom('park_milestone_day_stat')
            .where('park_milestone_day_stat.park', '=', s.park)
            .where('park_milestone_day_stat.planned_date', '<', s.today)
            .select([
              rankCase(dateCond('park_milestone_day_stat.planned_date', mCut)).as('r'),
              (eb) => eb.fn.sum<number>('park_milestone_day_stat.milestones').as('n'),
            ])
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
    .where(mOnly)
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
  let staying: Array<{ pid: string; pname: string; stage: string; since: string | null }>;
  if (!filtered) {
    const cuts = stuckCutoffs(norms, s.today);
    const stuck = await stuckCounts(db, s, cuts);
    for (const sev of SEVERITY_BY_RANK) counts[sev] += stuck[sev];
    staying = await firstStuck(db, s, cuts, limit);
  } else {
    const stageCuts = Object.entries(norms).map(([stage, norm]) => ({
      stage,
      cut: severityCutoffs('stage_stuck', s.today, Math.floor(norm) + 1, norm),
    }));
    const stuckCond: Cond = (level) => {
      const parts = stageCuts
        .filter((x) => x.cut[level] !== null)
        .map(
          (x) =>
            sql`(${sql.ref('project.stage')} = ${x.stage} and ${sql.ref('project.stage_date')} <= ${x.cut[level]})`,
        );
      return parts.length === 0 ? NEVER : sql<boolean>`(${sql.join(parts, sql` or `)})`;
    };
    // Filtered by the page (kind, severity, officer): one statement over the projects in scope both
    // counts (window sums) and returns the first `limit`; the unfiltered cockpit never comes here.
    const rank = rankCase(stuckCond);
    const rows = await scopedProjects(db, scope)
      .where(stuckCond('low'))
      .where(kindOnly(s, 'stage_stuck'))
      .where(severityOnly(s, stuckCond))
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
    const first = rows[0];
    if (first) {
      const [high, medium] = [Number(first.high), Number(first.medium)];
      counts.high += high;
      counts.medium += medium;
      counts.low += Number(first.n) - high - medium;
    }
    staying = rows;
  }
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
  rq = rq
    .where(kindOnly(s, 'request_overdue'))
    .where(severityOnly(s, dateCond('factor_request.deadline', rCut)));
  if (s.officerId) rq = rq.where('project.officer_id', '=', s.officerId);
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
    const listed = wantsKind(s, 'round_missing') && (s.severity === undefined || s.severity === severity);
    const n = await missing()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    if (listed) counts[severity] += Number(n?.n ?? 0);
    const rows = await missing()
      .select(['project.id as pid', 'project.name as pname'])
      .orderBy('project.id')
      .limit(listed ? limit : 0)
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
  out.sort(compareWarnings);
  return {
    items: out.slice(0, limit),
    total: counts.high + counts.medium + counts.low,
    counts,
  };
}
