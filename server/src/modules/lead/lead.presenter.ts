import { z } from 'zod';
import { LEAD_STATUS_KEYS } from '../../../../shared/src/lead-status';
import type { LeadFollowupTable, LeadTable } from '../../db/database';
import { type RecordLink, recordLinkSchema } from '../record-link/record-link';
import { FINAL_LEAD_STATUSES, type LeadRow } from './lead.repository';

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
export const FOLLOWUP_KINDS = ['visit', 'call', 'meeting', 'other'] as const;
/** 走访 / 电话 / 会谈: how the project timeline names a follow-up (the same words as the lead page). */
export const FOLLOWUP_KIND_LABELS: Record<(typeof FOLLOWUP_KINDS)[number], { zh: string; en: string }> = {
  visit: { zh: '走访', en: 'Visit' },
  call: { zh: '电话', en: 'Call' },
  meeting: { zh: '会谈', en: 'Meeting' },
  other: { zh: '其他', en: 'Other' },
};

export const leadSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  targetFirmId: z.string().nullable(),
  targetFirmName: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  referrerFirmId: z.string().nullable(),
  referrerFirmName: z.string().nullable(),
  chainLink: z.string().nullable(),
  /** The chain link (环节) the lead is on; `chainLink` stays for imported free text. */
  linkId: z.string().nullable(),
  link: recordLinkSchema.nullable(),
  estimatedInvestment: z.number().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(LEAD_STATUS_KEYS),
  statusReason: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepDate: z.string().nullable(),
  overdue: z.boolean(),
  projectId: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadDto = z.infer<typeof leadSchema>;

export const followupSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  kind: z.enum(FOLLOWUP_KINDS),
  date: z.string(),
  people: z.string().nullable(),
  notes: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

/** `links`: the displays of the links on this page of leads (record-link.ts: linkDisplays). */
export function presentLead(row: LeadRow, today: string, links: ReadonlyMap<string, RecordLink>): LeadDto {
  const final = (FINAL_LEAD_STATUSES as readonly string[]).includes(row.status);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    targetFirmId: row.target_firm_id,
    targetFirmName: row.target_firm_name ?? row.target_name,
    source: row.source as LeadDto['source'],
    referrerFirmId: row.referrer_firm_id,
    referrerFirmName: row.referrer_firm_name,
    chainLink: row.chain_link,
    linkId: row.link_id,
    link: row.link_id ? (links.get(row.link_id) ?? null) : null,
    estimatedInvestment: row.estimated_investment === null ? null : Number(row.estimated_investment),
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    status: row.status as LeadDto['status'],
    statusReason: row.status_reason,
    nextStep: row.next_step,
    nextStepDate: row.next_step_date,
    overdue: !final && row.next_step_date !== null && row.next_step_date < today,
    projectId: row.project_id,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentFollowup(f: LeadFollowupTable) {
  return {
    id: f.id,
    leadId: f.lead_id,
    kind: f.kind as (typeof FOLLOWUP_KINDS)[number],
    date: f.date,
    people: f.people,
    notes: f.notes,
    actorName: f.actor_name,
    createdAt: f.created_at,
  };
}

export function auditableLead(row: Partial<LeadRow>): Record<string, unknown> {
  const { search_text: _s, target_firm_name: _t, referrer_firm_name: _r, owner_name: _o, ...rest } = row;
  return rest as Partial<LeadTable>;
}
