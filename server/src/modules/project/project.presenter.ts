import { z } from 'zod';
import { daysBetween } from '../../../../shared/src/dates';
import { PROJECT_STAGE_KEYS } from '../../../../shared/src/project-stage';
import type { MilestoneTable, ProjectTable } from '../../db/database';
import { type RecordLink, recordLinkSchema } from '../record-link/record-link';
import type { InvestorRow, ProjectRow } from './project.repository';

/** 省重点 / 市重点 / 区重点: which government level lists the project as key. */
export const PROJECT_PRIORITIES = ['provincial', 'municipal', 'district'] as const;

export const investorSchema = z.object({
  firmId: z.string(),
  firmName: z.string(),
  sharePct: z.number().nullable(),
});

export const projectSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  investors: z.array(investorSchema),
  park: z.string().nullable(),
  landMu: z.number().nullable(),
  totalInvestment: z.number().nullable(),
  fixedAssetInvestment: z.number().nullable(),
  fundsInPlace: z.number().nullable(),
  capacityQuantity: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  capacityProduct: z.string().nullable(),
  capacityText: z.string().nullable(),
  expectedOutput: z.number().nullable(),
  expectedTax: z.number().nullable(),
  expectedJobs: z.number().nullable(),
  expectedExports: z.number().nullable(),
  priority: z.enum(PROJECT_PRIORITIES).nullable(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  leaderName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  chainLink: z.string().nullable(),
  /** The chain link (环节) the project is on; `chainLink` stays for imported free text. */
  linkId: z.string().nullable(),
  link: recordLinkSchema.nullable(),
  leadId: z.string().nullable(),
  startDate: z.string().nullable(),
  stage: z.enum(PROJECT_STAGE_KEYS),
  stageDate: z.string().nullable(),
  pausedFromStage: z.enum(PROJECT_STAGE_KEYS).nullable(),
  stageReason: z.string().nullable(),
  lateMilestones: z.number().int(),
  maxDaysLate: z.number().int(),
  figures: z.object({
    investmentPerMu: z.number().nullable(),
    expectedTaxPerMu: z.number().nullable(),
    expectedOutputPerMu: z.number().nullable(),
  }),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDto = z.infer<typeof projectSchema>;

export const milestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  ownerName: z.string().nullable(),
  late: z.boolean(),
  daysLate: z.number().int(),
  isSample: z.boolean(),
  version: z.number().int(),
});

export const timelineItemSchema = z.object({
  at: z.string(),
  date: z.string(),
  kind: z.enum(['stage', 'milestone', 'followup', 'edit']),
  title: z.object({ zh: z.string(), en: z.string() }),
  detail: z.string().nullable(),
  /**
   * Edits: the fields that changed, as `<entity>.<apiField>` (project.landMu, milestone.plannedDate)
   * for the web to label in the reader's language; empty for other kinds.
   */
  fields: z.array(z.string()),
  actorName: z.string().nullable(),
});

/** 年产10万吨宠物食品: the capacity as people write it, or null when incomplete. */
export function capacityText(
  p: Pick<ProjectTable, 'capacity_quantity' | 'capacity_unit' | 'capacity_product'>,
) {
  if (p.capacity_quantity === null || !p.capacity_unit || !p.capacity_product) return null;
  return `年产${Number(p.capacity_quantity)}${p.capacity_unit}${p.capacity_product}`;
}

/** 亩均 figures: yuan per mu of land (the zone's efficiency yardstick); null without land. */
function perMu(amount: number | null, landMu: number | null): number | null {
  if (amount === null || landMu === null || !(landMu > 0)) return null;
  return Math.round(Number(amount) / landMu);
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function presentProject(
  row: ProjectRow,
  investors: readonly InvestorRow[],
  late: { count: number; oldest: string } | undefined,
  today: string,
  link: RecordLink | null,
): ProjectDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    investors: investors.map((i) => ({
      firmId: i.firm_id,
      firmName: i.firm_name,
      sharePct: i.share_pct === null ? null : Number(i.share_pct),
    })),
    park: row.park,
    landMu: num(row.land_mu),
    totalInvestment: num(row.total_investment),
    fixedAssetInvestment: num(row.fixed_asset_investment),
    fundsInPlace: num(row.funds_in_place),
    capacityQuantity: num(row.capacity_quantity),
    capacityUnit: row.capacity_unit,
    capacityProduct: row.capacity_product,
    capacityText: capacityText(row),
    expectedOutput: num(row.expected_output),
    expectedTax: num(row.expected_tax),
    expectedJobs: num(row.expected_jobs),
    expectedExports: num(row.expected_exports),
    priority: (row.priority as ProjectDto['priority']) ?? null,
    officerId: row.officer_id,
    officerName: row.officer_name,
    leaderName: row.leader_name,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    chainLink: row.chain_link,
    linkId: row.link_id,
    link,
    leadId: row.lead_id,
    startDate: row.start_date,
    stage: row.stage as ProjectDto['stage'],
    stageDate: row.stage_date,
    pausedFromStage: (row.paused_from_stage as ProjectDto['pausedFromStage']) ?? null,
    stageReason: row.stage_reason,
    lateMilestones: late?.count ?? 0,
    maxDaysLate: late ? daysBetween(late.oldest, today) : 0,
    figures: {
      investmentPerMu: perMu(num(row.total_investment), num(row.land_mu)),
      expectedTaxPerMu: perMu(num(row.expected_tax), num(row.land_mu)),
      expectedOutputPerMu: perMu(num(row.expected_output), num(row.land_mu)),
    },
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentMilestone(m: MilestoneTable, today: string) {
  const late = m.actual_date === null && m.planned_date !== null && m.planned_date < today;
  return {
    id: m.id,
    name: m.name,
    plannedDate: m.planned_date,
    actualDate: m.actual_date,
    ownerName: m.owner_name,
    late,
    daysLate: late && m.planned_date ? daysBetween(m.planned_date, today) : 0,
    isSample: m.is_sample === 1,
    version: m.version,
  };
}

/** The audit trail's view of a project: the row without derived or joined columns. */
export function auditableProject(row: Partial<ProjectRow>): Record<string, unknown> {
  const { search_text: _s, officer_name: _o, ...rest } = row;
  return rest;
}
