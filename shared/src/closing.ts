import type { Bilingual } from './i18n-message';

/**
 * What a closing (销号) must show before anyone may close it (issue 15, decision 013): every
 * roadmap node done, progress reported at 100% and evidence — a file attached or a record linked
 * (the project, request or task that shows the work). The lead unit proposes; someone outside it
 * verifies, and the check runs on both steps so a proposal cannot outrun its proof.
 */
export const CLOSING_GAPS = ['milestones_open', 'progress_incomplete', 'evidence_missing'] as const;
export type ClosingGap = (typeof CLOSING_GAPS)[number];

export interface ClosingFacts {
  milestonesTotal: number;
  milestonesDone: number;
  /** The latest reported percentage; null when nobody has reported. Null for items without one. */
  progress: number | null;
  /** Whether progress counts at all (tasks report a percentage; problem items do not). */
  needsProgress: boolean;
  attachments: number;
  linkedRecord: boolean;
}

export const CLOSING_GAP_LABELS: Record<ClosingGap, Bilingual> = {
  milestones_open: { zh: '路线图节点未全部完成', en: 'not every roadmap milestone is done' },
  progress_incomplete: { zh: '进度未达到100%', en: 'progress is not at 100%' },
  evidence_missing: {
    zh: '缺少佐证（附件或关联记录）',
    en: 'no evidence (an attachment or a linked record)',
  },
};

/** The conditions not met, in a stable order; empty when the closing may go ahead. */
export function closingGaps(f: ClosingFacts): ClosingGap[] {
  const gaps: ClosingGap[] = [];
  if (f.milestonesDone < f.milestonesTotal) gaps.push('milestones_open');
  if (f.needsProgress && (f.progress ?? 0) < 100) gaps.push('progress_incomplete');
  if (f.attachments === 0 && !f.linkedRecord) gaps.push('evidence_missing');
  return gaps;
}

/** One bilingual sentence naming every missing condition, for the 400 answer and the page. */
export function closingGapsMessage(gaps: readonly ClosingGap[]): Bilingual {
  return {
    zh: `不能销号：${gaps.map((g) => CLOSING_GAP_LABELS[g].zh).join('；')}`,
    en: `Cannot close: ${gaps.map((g) => CLOSING_GAP_LABELS[g].en).join('; ')}`,
  };
}

/** Records that may stand as a closing's evidence: what a unit can point to as the work done. */
export const EVIDENCE_ENTITIES = ['project', 'request', 'task'] as const;
export type EvidenceEntity = (typeof EVIDENCE_ENTITIES)[number];

/**
 * A problem item's closing (问题清单逐条销号): the unit proposes with evidence, the supervision
 * office (督查室) verifies it (the item is then closed on the date the unit gave) or returns it
 * with a reason, and the unit proposes again.
 *
 *   open → proposed → verified
 *            ↓   ↑
 *          returned
 */
export const PROBLEM_CLOSE_STATUSES = ['open', 'proposed', 'verified', 'returned'] as const;
export type ProblemCloseStatus = (typeof PROBLEM_CLOSE_STATUSES)[number];

export const PROBLEM_CLOSE_STATUS_LABELS: Record<ProblemCloseStatus, Bilingual> = {
  open: { zh: '整改中', en: 'Open' },
  proposed: { zh: '已申请销号', en: 'Closing proposed' },
  verified: { zh: '已核验销号', en: 'Verified' },
  returned: { zh: '已退回', en: 'Returned' },
};
