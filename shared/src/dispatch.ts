import { daysBetween } from './dates';
import { ESCALATION_RULES } from './escalation';
import type { Bilingual } from './i18n-message';

/**
 * Dispatch (调度), assessment (考核) and early warnings (预警): the pure rules shared by server and
 * web — stage norms, target metrics, completion and time-elapsed rates, the ranking rule and the
 * severity of a warning. The server computes the figures; these functions only decide.
 */

export const ROUND_KINDS = ['week', 'month'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Limits of a round: a zone dispatches dozens to a few hundred key projects per round. */
export const ROUND_LIMITS = {
  maxProjects: 2000,
  /** Photos per report and bytes per photo: site photos, shrunk by the browser before upload. */
  maxPhotos: 6,
  maxPhotoBytes: 2 * 1024 * 1024,
  narrativeMax: 4000,
} as const;

/**
 * The zone's norm: how many days a project may sit in a stage before it is a warning
 * (stuck in stage). Overridable per zone in the stage_norm table; these are the defaults.
 */
export const STAGE_NORM_DEFAULTS: Record<string, number> = {
  signed: 90,
  registered: 60,
  land: 180,
  approved: 120,
  started: 365,
  structure_done: 180,
  completed: 90,
  commissioning: 120,
  producing: 365,
};

/** The stages a norm can be set for, in the order of the stage machine. */
export const STAGE_NORM_STAGES = Object.keys(STAGE_NORM_DEFAULTS) as [string, ...string[]];

/** A norm is whole days: at least one, at most ten years (no stage of a project lasts longer). */
export const STAGE_NORM_LIMITS = { minDays: 1, maxDays: 3650 } as const;

export const TARGET_UNIT_TYPES = ['zone', 'park', 'team', 'chain'] as const;
export type TargetUnitType = (typeof TARGET_UNIT_TYPES)[number];

/**
 * Target metrics and where each actual comes from (never typed twice):
 * - projects_signed / investment_signed: projects whose signing date (their first stage event) falls
 *   in the year — count / sum of total investment;
 * - projects_started: projects whose construction start date falls in the year;
 * - funds_in_place / fixed_asset_investment / exports: sums of the dispatch reports of rounds whose
 *   period ends in the year (到位资金, 固定资产投资 入统, 出口 of each period).
 */
export const TARGET_METRICS = [
  'projects_signed',
  'investment_signed',
  'projects_started',
  'funds_in_place',
  'fixed_asset_investment',
  'exports',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_INFO: Record<TargetMetric, { zh: string; en: string; money: boolean }> = {
  projects_signed: { zh: '签约项目数', en: 'Projects signed', money: false },
  investment_signed: { zh: '签约投资额', en: 'Investment signed', money: true },
  projects_started: { zh: '开工项目数', en: 'Projects started', money: false },
  funds_in_place: { zh: '本年到位资金', en: 'Funds in place this year', money: true },
  fixed_asset_investment: {
    zh: '固定资产投资（入统）',
    en: 'Fixed-asset investment (in statistics)',
    money: true,
  },
  exports: { zh: '出口额', en: 'Exports', money: true },
};

/** actual / target, or null without a positive target. */
export function completionRate(actual: number, target: number | null | undefined): number | null {
  if (!target || target <= 0) return null;
  return actual / target;
}

/** Share of the year gone by on `today` (时间进度): 0 before 1 Jan, 1 after 31 Dec. */
export function timeElapsedRate(year: number, today: string): number {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today < start) return 0;
  if (today > end) return 1;
  return (daysBetween(start, today) + 1) / (daysBetween(start, end) + 1);
}

/** A single metric's completion counts at most this much in the ranking score. */
export const RANKING_CAP = 1.5;

export const RANKING_RULE: Bilingual = {
  zh: `按综合完成率降序排名：各项指标完成率（实际÷目标，单项最高计${RANKING_CAP * 100}%）的平均值；得分相同并列，下一名次顺延。`,
  en: `Ranked by overall completion, highest first: the mean of each metric's completion (actual ÷ target, each capped at ${RANKING_CAP * 100}%); equal scores share a rank and the next rank is skipped.`,
};

export interface RankInput {
  key: string;
  rates: Array<number | null>;
}

/** Scores and ranks units by RANKING_RULE (competition ranking: 1, 2, 2, 4). Units without any target get no rank. */
export function rankUnits(
  units: RankInput[],
): Array<{ key: string; score: number | null; rank: number | null }> {
  const scored = units.map((u) => {
    const rates = u.rates.filter((r): r is number => r !== null);
    const score =
      rates.length === 0 ? null : rates.reduce((s, r) => s + Math.min(r, RANKING_CAP), 0) / rates.length;
    return { key: u.key, score: score === null ? null : Math.round(score * 10_000) / 10_000 };
  });
  const ordered = scored
    .filter((s) => s.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number));
  const rankOf = new Map<string, number>();
  ordered.forEach((s, i) => {
    const prev = ordered[i - 1];
    rankOf.set(s.key, prev && prev.score === s.score ? (rankOf.get(prev.key) as number) : i + 1);
  });
  return scored.map((s) => ({ ...s, rank: rankOf.get(s.key) ?? null }));
}

/**
 * task_overdue: a supervised task (督办任务) in progress past its deadline; problem_overdue: a
 * problem-list item (问题清单) neither verified nor awaiting verification past its deadline;
 * commitment_behind: an investment-agreement commitment behind in the last complete year (履约考核,
 * the year the cockpit's 履约 figure counts), its severity by commitmentBehindSeverity (agreement.ts).
 */
export const WARNING_KINDS = [
  'milestone_late',
  'stage_stuck',
  'request_overdue',
  'round_missing',
  'task_overdue',
  'problem_overdue',
  'commitment_behind',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How serious a warning is. Milestones, requests, tasks and problem items: by days late (≥ 30 high,
 * ≥ 7 medium). Requests and tasks escalate (shared/src/escalation.ts): one that has gone up to the
 * leader (ESCALATION_RULES.leaderAfterDaysLate) is at least medium, since a leader has been told. A stage
 * stay: by how far past the norm (≥ 2× high, ≥ 1.5× medium). A missing round report is medium (high
 * when the project also missed the round before — not tracked here, so medium).
 */
export function warningSeverity(kind: WarningKind, days: number, normDays?: number): Severity {
  if (kind === 'stage_stuck') {
    const ratio = normDays && normDays > 0 ? days / normDays : 1;
    return ratio >= 2 ? 'high' : ratio >= 1.5 ? 'medium' : 'low';
  }
  if (kind === 'round_missing') return 'medium';
  const byDays: Severity = days >= 30 ? 'high' : days >= 7 ? 'medium' : 'low';
  const escalates = kind === 'request_overdue' || kind === 'task_overdue';
  if (escalates && byDays === 'low' && days >= ESCALATION_RULES.leaderAfterDaysLate) return 'medium';
  return byDays;
}

export function severityOrder(s: Severity): number {
  return s === 'high' ? 0 : s === 'medium' ? 1 : 2;
}

/** A report is late when it is filed after the deadline day (Shanghai). */
export function isLateReport(deadline: string, submittedDay: string): boolean {
  return submittedDay > deadline;
}

/** A round is closed once its deadline day has passed. */
export function roundStatus(deadline: string, today: string): 'open' | 'closed' {
  return today > deadline ? 'closed' : 'open';
}
