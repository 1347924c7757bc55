import type { LocalDate } from './dates';
import type { Bilingual } from './i18n-message';

/**
 * Supervised tasks (督办任务) and their status machine. A task comes from a meeting, a document or a
 * campaign; it has a lead unit (牵头单位), cooperating units (配合单位), a deadline and a roadmap of
 * dated milestones (时间表、路线图、任务书). Units report progress per period; the lead unit
 * proposes closing (申请销号) with evidence; the supervision office (督查室) or a leader — anyone
 * holding `supervision.verify` outside the lead unit — closes it (销号) or sends it back, and only
 * when every roadmap node is done, progress is 100% and there is evidence (closing.ts). Nobody closes a task their own unit leads: closing is the
 * supervisor's check on the lead unit's claim.
 *
 *   in_progress → proposed → closed
 *        ↑___________|  (sent back, with a reason)
 */

export const TASK_TYPES = ['supervision', 'reform_pilot', 'programme'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_TYPE_LABELS: Record<TaskType, Bilingual> = {
  supervision: { zh: '督办任务', en: 'Supervised task' },
  reform_pilot: { zh: '改革试点', en: 'Reform pilot' },
  programme: { zh: '对口支援', en: 'Paired assistance' },
};

export const TASK_SOURCES = ['meeting', 'document', 'campaign', 'inspection', 'other'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** Level of a reform pilot (改革试点): who granted it. */
export const PILOT_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export type PilotLevel = (typeof PILOT_LEVELS)[number];

export const TASK_STATUS_KEYS = ['in_progress', 'proposed', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUS_KEYS)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, Bilingual> = {
  in_progress: { zh: '推进中', en: 'In progress' },
  proposed: { zh: '待销号', en: 'Closing proposed' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const TASK_LIMITS = {
  /** Evidence is a paragraph plus attachments; the roadmap has at most this many milestones. */
  evidenceMaxLength: 4000,
  reasonMaxLength: 1000,
  maxMilestones: 50,
  maxCooperatingUnits: 20,
} as const;

/**
 * Who makes a move on one task: the lead unit's people; the closer (a holder of
 * `supervision.verify` whose own unit does not lead the task).
 */
export type TaskActorKind = 'lead_unit' | 'closer';

export type TaskMoveRefusal =
  | 'same_status'
  | 'final'
  | 'not_allowed'
  | 'not_yours'
  | 'evidence_required'
  | 'reason_required';

export type TaskMoveResult = { ok: true } | { ok: false; code: TaskMoveRefusal; message: Bilingual };

function refuse(code: TaskMoveRefusal, zh: string, en: string): TaskMoveResult {
  return { ok: false, code, message: { zh, en } };
}

/**
 * Whether an actor who is `as` for the task may move it from `from` to `to`. Proposing needs
 * evidence; sending back needs a reason.
 */
export function canMoveTask(
  from: TaskStatus,
  to: TaskStatus,
  move: {
    as: readonly TaskActorKind[];
    evidence?: string | null | undefined;
    reason?: string | null | undefined;
  },
): TaskMoveResult {
  if (from === 'closed')
    return refuse('final', '任务已销号，不能再变更', 'The task is closed; it cannot change');
  if (from === to) {
    const l = TASK_STATUS_LABELS[from];
    return refuse('same_status', `任务已是“${l.zh}”状态`, `The task is already "${l.en}"`);
  }
  if (from === 'in_progress' && to === 'proposed') {
    if (!move.as.includes('lead_unit')) {
      return refuse('not_yours', '只有牵头单位可以申请销号', 'Only the lead unit can propose closing');
    }
    if (!move.evidence?.trim()) {
      return refuse('evidence_required', '申请销号需要提供完成佐证', 'Proposing to close needs evidence');
    }
    return { ok: true };
  }
  if (from === 'proposed' && (to === 'closed' || to === 'in_progress')) {
    if (!move.as.includes('closer')) {
      return refuse(
        'not_yours',
        '销号或退回须由督查室或交办领导审核，牵头单位不能给自己销号',
        'The supervision office or the assigning leader closes or sends back; the lead unit cannot close its own task',
      );
    }
    if (to === 'in_progress' && !move.reason?.trim()) {
      return refuse('reason_required', '退回需要填写原因', 'Sending back needs a reason');
    }
    return { ok: true };
  }
  const f = TASK_STATUS_LABELS[from];
  const t = TASK_STATUS_LABELS[to];
  return refuse(
    'not_allowed',
    `任务不能从“${f.zh}”变为“${t.zh}”`,
    `A task cannot go from "${f.en}" to "${t.en}"`,
  );
}

/** A milestone of the roadmap is late when its planned date has passed and it is not done. */
export function isMilestoneLate(
  m: { plannedDate: LocalDate; doneDate: LocalDate | null },
  today: LocalDate,
): boolean {
  return !m.doneDate && m.plannedDate < today;
}

/** Where a problem list (问题清单) comes from: an inspection, a meeting, an audit … */
export const PROBLEM_SOURCES = ['inspection', 'meeting', 'audit', 'supervision', 'other'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

/** Problem items (问题清单) are closed one by one (逐条销号); this is how each one stands. */
export const PROBLEM_ITEM_STATES = ['open', 'overdue', 'closed_on_time', 'closed_late'] as const;
export type ProblemItemState = (typeof PROBLEM_ITEM_STATES)[number];

/** A campaign (专项行动) runs numbered actions, or is a reform pilot programme (改革试点). */
export const CAMPAIGN_KINDS = ['actions', 'reform'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export function problemItemState(
  item: { deadline: LocalDate; closedDate: LocalDate | null },
  today: LocalDate,
): ProblemItemState {
  if (item.closedDate) return item.closedDate <= item.deadline ? 'closed_on_time' : 'closed_late';
  return item.deadline < today ? 'overdue' : 'open';
}

/** The counts a problem list shows at its head: how many closed, on time, overdue. */
export function summariseProblemItems(
  items: ReadonlyArray<{ deadline: LocalDate; closedDate: LocalDate | null }>,
  today: LocalDate,
): {
  total: number;
  closed: number;
  closedOnTime: number;
  closedLate: number;
  open: number;
  overdue: number;
} {
  const s = { total: items.length, closed: 0, closedOnTime: 0, closedLate: 0, open: 0, overdue: 0 };
  for (const item of items) {
    const state = problemItemState(item, today);
    if (state === 'closed_on_time') s.closedOnTime++;
    if (state === 'closed_late') s.closedLate++;
    if (state === 'overdue') s.overdue++;
    if (state === 'open') s.open++;
  }
  s.closed = s.closedOnTime + s.closedLate;
  return s;
}
