import { addDays, daysBetween, type LocalDate, toShanghaiDate } from './dates';
import type { Bilingual } from './i18n-message';

/**
 * Escalation of overdue work (催办升级), computed from the data and the time only: no timers, so
 * nothing is lost when the process restarts. A factor request or a supervised task past its
 * deadline goes first to the head of the unit that holds it, then to the leader who backs the
 * project (包保领导) or supervises the task. The periodic sweep records each step once (the record
 * is keyed by item, level and deadline, so running it again changes nothing).
 */
export const ESCALATION_LEVELS = ['none', 'head', 'leader'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_RULES = {
  /** The first day after the deadline the unit's head is told (1 = the day after the deadline). */
  headAfterDaysLate: 1,
  /**
   * Days late before the leader is told: three working days for the head to act first, as zone
   * supervision offices usually allow before a matter goes up.
   */
  leaderAfterDaysLate: 4,
} as const;

export const ESCALATION_LABELS: Record<EscalationLevel, Bilingual> = {
  none: { zh: '未升级', en: 'Not escalated' },
  head: { zh: '已升级至部门负责人', en: 'Escalated to the department head' },
  leader: { zh: '已升级至包保领导', en: 'Escalated to the backing leader' },
};

export interface Escalation {
  level: EscalationLevel;
  /** Whole days past the deadline (0 when not late). */
  daysLate: number;
  /** The date the next level is reached if nothing changes; null at the top or when not running. */
  nextLevelOn: LocalDate | null;
}

/**
 * The escalation level of an item that is `running` (a department holds it) with `deadline`, at
 * `now` (an instant or a Shanghai date). Items not running or without a deadline never escalate.
 */
export function escalationOf(
  item: { running: boolean; deadline: LocalDate | null },
  now: Date | LocalDate,
  rules: { headAfterDaysLate: number; leaderAfterDaysLate: number } = ESCALATION_RULES,
): Escalation {
  if (!item.running || !item.deadline) return { level: 'none', daysLate: 0, nextLevelOn: null };
  const today = toShanghaiDate(now);
  const daysLate = Math.max(0, daysBetween(item.deadline, today));
  const headOn = addDays(item.deadline, rules.headAfterDaysLate);
  const leaderOn = addDays(item.deadline, rules.leaderAfterDaysLate);
  if (daysLate >= rules.leaderAfterDaysLate) return { level: 'leader', daysLate, nextLevelOn: null };
  if (daysLate >= rules.headAfterDaysLate) return { level: 'head', daysLate, nextLevelOn: leaderOn };
  return { level: 'none', daysLate, nextLevelOn: headOn };
}

/** 0, 1, 2 for storage and comparison. */
export function escalationRank(level: EscalationLevel): number {
  return ESCALATION_LEVELS.indexOf(level);
}

/** True when `deadline` has passed at `today` (the deadline day itself is still on time). */
export function isOverdue(deadline: LocalDate | null, today: LocalDate): boolean {
  return !!deadline && deadline < today;
}
