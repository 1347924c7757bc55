import type {
  FigureSources,
  Milestone,
  Project,
  ProjectCompany,
  ProjectListItem,
} from '../../../../shared/src/contract/project';
import type { RecordLink } from '../../../../shared/src/contract/record-link';
import { daysBetween } from '../../../../shared/src/dates';
import type { MilestoneTable, ProjectTable } from '../../db/database';
import type { ProjectRow } from './project.repository';
import type { ProjectListRow } from './project-page.repository';
import type { ProjectCumulatives } from './zone-figures';

// The contract (shared/src/contract/project.ts): what a project, milestone and timeline item look like
// to the API's callers. Re-exported for the modules that embed a project (export, import, round).
export { PROJECT_PRIORITIES } from '../../../../shared/src/pipeline-enums';
export type ProjectDto = Project;

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

/** The investors as `investors_json` keeps them (migration 20261206_0030), in position order. */
function investorsOf(row: Pick<ProjectRow, 'investors_json'>): Project['investors'] {
  const stored = JSON.parse(row.investors_json) as Array<{
    firmId: string;
    firmName: string;
    sharePct: number | null;
  }>;
  return stored.map((i) => ({
    firmId: i.firmId,
    firmName: i.firmName,
    sharePct: i.sharePct === null ? null : Number(i.sharePct),
  }));
}

/** The chain link a project sits on, named from the row's joined link and chain. */
function linkOf(
  row: Pick<ProjectRow, 'link_id' | 'link_name' | 'chain_name' | 'link_chain_id'>,
): RecordLink | null {
  if (!row.link_id || row.link_name === null || row.chain_name === null || row.link_chain_id === null) {
    return null;
  }
  return { id: row.link_id, name: row.link_name, chainId: row.link_chain_id, chainName: row.chain_name };
}

function companyOf(row: ProjectRow): ProjectCompany | null {
  return row.company_firm_id && row.company_name !== null
    ? { firmId: row.company_firm_id, firmName: row.company_name }
    : null;
}

export function presentProject(
  row: ProjectRow,
  late: { count: number; oldest: string } | undefined,
  today: string,
  cumulatives: ProjectCumulatives | undefined,
  figureSources: FigureSources,
): ProjectDto {
  const link = linkOf(row);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    investors: investorsOf(row),
    company: companyOf(row),
    park: row.park,
    parkRef: row.park_id ? { id: row.park_id, name: row.park_name ?? '' } : null,
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
      fundsInPlaceCumulative: cumulatives ? cumulatives.fundsInPlace : num(row.funds_in_place),
      completedInvestmentCumulative: cumulatives?.completedInvestment ?? null,
      asOf: cumulatives?.asOf ?? null,
      investmentPerMu: perMu(num(row.total_investment), num(row.land_mu)),
      expectedTaxPerMu: perMu(num(row.expected_tax), num(row.land_mu)),
      expectedOutputPerMu: perMu(num(row.expected_output), num(row.land_mu)),
    },
    figureSources,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A row of the list (项目库): the list's columns only (the contract's `projectListItemSchema`). */
export function presentProjectListItem(
  row: ProjectListRow,
  late: { count: number; oldest: string } | undefined,
  today: string,
  cumulatives: ProjectCumulatives | undefined,
  sources: FigureSources,
): ProjectListItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    investors: investorsOf(row),
    park: row.park,
    parkRef: row.park_id ? { id: row.park_id, name: row.park_name ?? '' } : null,
    landMu: num(row.land_mu),
    totalInvestment: num(row.total_investment),
    expectedOutput: num(row.expected_output),
    expectedTax: num(row.expected_tax),
    priority: (row.priority as ProjectDto['priority']) ?? null,
    officerId: row.officer_id,
    officerName: row.officer_name,
    chainLink: row.chain_link,
    link: linkOf(row),
    stage: row.stage as ProjectDto['stage'],
    stageDate: row.stage_date,
    lateMilestones: late?.count ?? 0,
    maxDaysLate: late ? daysBetween(late.oldest, today) : 0,
    figures: {
      fundsInPlaceCumulative: cumulatives ? cumulatives.fundsInPlace : num(row.funds_in_place),
    },
    figureSources: {
      totalInvestment: sources.totalInvestment,
      expectedOutput: sources.expectedOutput,
      expectedTax: sources.expectedTax,
      fundsInPlaceCumulative: sources.fundsInPlaceCumulative,
    },
    isSample: row.is_sample === 1,
  };
}

export function presentMilestone(m: MilestoneTable, today: string): Milestone {
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
export function auditableProject(
  row: Partial<ProjectRow> & { search_text?: string },
): Record<string, unknown> {
  const {
    search_text: _s,
    officer_name: _o,
    investors_json: _i,
    link_name: _ln,
    link_chain_id: _lc,
    chain_name: _cn,
    park_name: _pn,
    company_name: _co,
    ...rest
  } = row;
  return rest;
}
