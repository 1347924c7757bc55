import type { Bilingual } from './i18n-message';

/**
 * Enums of the pipeline records (lead, project) that the server validates and the web offers in
 * its pickers: one declaration for both (issue 12). Kept free of zod so the web bundle stays small.
 */

/** 省重点 / 市重点 / 区重点: which government level lists the project as key. */
export const PROJECT_PRIORITIES = ['provincial', 'municipal', 'district'] as const;
export type ProjectPriority = (typeof PROJECT_PRIORITIES)[number];

/** Where a lead came from; `referral` is 以商招商 (a firm already here brought it). */
export const LEAD_SOURCES = [
  'referral',
  'exhibition',
  'resident_office',
  'online',
  'intermediary',
  'news',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const FOLLOWUP_KINDS = ['visit', 'call', 'meeting', 'other'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

/** 走访 / 电话 / 会谈: how the project timeline names a follow-up (the same words as the lead page). */
export const FOLLOWUP_KIND_LABELS: Record<FollowupKind, Bilingual> = {
  visit: { zh: '走访', en: 'Visit' },
  call: { zh: '电话', en: 'Call' },
  meeting: { zh: '会谈', en: 'Meeting' },
  other: { zh: '其他', en: 'Other' },
};

/** Size classes of the statistics bureau (大型/中型/小型/微型) of a firm. */
export const FIRM_SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSizeClass = (typeof FIRM_SIZE_CLASSES)[number];
