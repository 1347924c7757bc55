import type { Followup, Lead } from '../../../../shared/src/contract/lead';
import type { RecordLink } from '../../../../shared/src/contract/record-link';
import type { FollowupKind } from '../../../../shared/src/pipeline-enums';
import type { LeadFollowupTable, LeadTable } from '../../db/database';
import { FINAL_LEAD_STATUSES, type LeadRow } from './lead.repository';

export { leadSchema } from '../../../../shared/src/contract/lead';
// The contract (shared/src/contract/lead.ts); the enums re-exported for the modules that use them.
export { FOLLOWUP_KIND_LABELS, FOLLOWUP_KINDS, LEAD_SOURCES } from '../../../../shared/src/pipeline-enums';
export type LeadDto = Lead;

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

export function presentFollowup(f: LeadFollowupTable, photos: Followup['photos'] = []): Followup {
  return {
    id: f.id,
    leadId: f.lead_id,
    kind: f.kind as FollowupKind,
    date: f.date,
    people: f.people,
    notes: f.notes,
    actorName: f.actor_name,
    createdAt: f.created_at,
    photos,
    location: f.lat != null && f.lng != null ? { lat: f.lat, lng: f.lng } : null,
  };
}

export function auditableLead(row: Partial<LeadRow>): Record<string, unknown> {
  const { search_text: _s, target_firm_name: _t, referrer_firm_name: _r, owner_name: _o, ...rest } = row;
  return rest as Partial<LeadTable>;
}
