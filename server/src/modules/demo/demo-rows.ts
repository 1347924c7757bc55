import type {
  FirmRelationTable,
  FirmTable,
  LeadFollowupTable,
  LeadTable,
  MilestoneTable,
  ProjectInvestorTable,
  ProjectStageEventTable,
  ProjectTable,
} from '../../db/database';
import { newId } from '../../lib/ids';

/**
 * Row builders for the demo pipeline: a whole table row from the few fields a seed names, with the
 * defaults (ids, timestamps, search text) filled in. Used by the page's facts and the invented sample.
 */
export interface PipelineRows {
  firms: FirmTable[];
  relations: FirmRelationTable[];
  projects: ProjectTable[];
  investors: ProjectInvestorTable[];
  events: ProjectStageEventTable[];
  milestones: MilestoneTable[];
  leads: LeadTable[];
  followups: LeadFollowupTable[];
}

export function emptyRows(): PipelineRows {
  return {
    firms: [],
    relations: [],
    projects: [],
    investors: [],
    events: [],
    milestones: [],
    leads: [],
    followups: [],
  };
}

export type { FirmSeed } from '../firm/firm-row';
export { newFirmRow as firmRow } from '../firm/firm-row';

export type ProjectSeed = Partial<ProjectTable> & { name: string; code: string; stage: string };

export function projectRow(p: ProjectSeed, nowIso: string): ProjectTable {
  return {
    id: newId(),
    park: null,
    land_mu: null,
    total_investment: null,
    fixed_asset_investment: null,
    funds_in_place: null,
    capacity_quantity: null,
    capacity_unit: null,
    capacity_product: null,
    expected_output: null,
    expected_tax: null,
    expected_jobs: null,
    expected_exports: null,
    priority: null,
    officer_id: null,
    leader_name: null,
    contact_name: null,
    contact_phone: null,
    chain_link: null,
    lead_id: null,
    start_date: null,
    stage_date: null,
    paused_from_stage: null,
    stage_reason: null,
    search_text: '',
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...p,
  };
}

export function milestoneRow(
  projectId: string,
  name: string,
  planned: string | null,
  actual: string | null,
  nowIso: string,
  isSample = 0,
): MilestoneTable {
  return {
    id: newId(),
    project_id: projectId,
    name,
    planned_date: planned,
    actual_date: actual,
    owner_name: null,
    is_sample: isSample,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
}

export function stageEventRow(
  projectId: string,
  to: string,
  date: string,
  reason: string | null,
  nowIso: string,
): ProjectStageEventTable {
  return {
    id: newId(),
    project_id: projectId,
    from_stage: null,
    to_stage: to,
    date,
    reason,
    skipped_json: '[]',
    actor_id: null,
    actor_name: 'system',
    at: nowIso,
  };
}
