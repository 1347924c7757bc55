import type { Kysely } from 'kysely';
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
import type { Database } from '../../db/database';
import type { ProjectScope } from '../scope/project-scope';
import { firstStuck, stuckCounts, stuckPageFiltered } from './stage-stuck.repository';
import {
  firstLateMilestones,
  firstMissingReports,
  firstOverdueRequests,
  lastClosedRound,
  lateMilestoneCounts,
  missingReportCount,
  overdueRequestCounts,
  stageNormDays,
} from './warning.repository';
import { severityCutoffs, stuckCutoffs } from './warning-cutoffs';
import { type WarningFilter, wantsKind } from './warning-filter';

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
  const rows = await stageNormDays(db);
  return { ...STAGE_NORM_DEFAULTS, ...Object.fromEntries(rows.map((r) => [r.stage, Number(r.max_days)])) };
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
  const limit = s.limit;
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const out: Warning[] = [];

  // Late milestones: severity grows with days late, so planned-date order is the list's order.
  // The warnings page's own filters (kind, severity, officer) need the per-row queries; without
  // them the zone's counts come from the roll-ups kept by triggers.
  const filtered = s.kind !== undefined || s.severity !== undefined || s.officerId !== undefined;
  const mCut = severityCutoffs('milestone_late', s.today, 1);
  addCounts(counts, await lateMilestoneCounts(db, s, mCut, filtered));
  const milestones = await firstLateMilestones(db, s, mCut, limit);
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
  // chain) — never a pass over every project (stage-stuck.repository.ts).
  const norms = await stageNorms(db);
  let staying: Array<{ pid: string; pname: string; stage: string; since: string | null }>;
  const cuts = stuckCutoffs(norms, s.today);
  if (!filtered) {
    const stuck = await stuckCounts(db, s, cuts);
    for (const sev of SEVERITY_BY_RANK) counts[sev] += stuck[sev];
    staying = await firstStuck(db, s, cuts, limit);
  } else {
    // Filtered by the page (kind, severity, officer): counts and the first `limit` in one statement.
    const rows = await stuckPageFiltered(db, s, cuts, limit);
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
  addCounts(counts, await overdueRequestCounts(db, s, rCut));
  const requests = await firstOverdueRequests(db, s, rCut, limit);
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
  const round = await lastClosedRound(db, s.today);
  if (round) {
    const days = daysBetween(round.deadline, s.today);
    const severity = warningSeverity('round_missing', days);
    const listed = wantsKind(s, 'round_missing') && (s.severity === undefined || s.severity === severity);
    const n = await missingReportCount(db, s, round.id);
    if (listed) counts[severity] += Number(n?.n ?? 0);
    const rows = await firstMissingReports(db, s, round.id, listed ? limit : 0);
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
