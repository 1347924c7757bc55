import type { ColumnType } from 'kysely';

/**
 * The pipeline's tables: firms (with aliases and relations), leads and their follow-ups, projects with
 * investors, stage events and milestones, and the chain-link and lead-origin columns they share.
 * Conventions as in database.ts (docs/decisions/002-data-conventions.md).
 */

/** 企业 a firm: a target of promotion, an investor, a referrer (以商招商) or a chain leader (链主). */
export interface FirmTable {
  id: string;
  name: string;
  name_norm: string;
  short_name: string | null;
  /** 曾用名 and other names (JSON array of strings); indexed in firm_alias with the short and English names. */
  aliases_json: string;
  /** 英文名 (migration 0014). */
  english_name: string | null;
  uscc: string | null;
  region: string | null;
  industry_code: string | null;
  registered_capital: number | null;
  size_class: string | null;
  listed_exchange: string | null;
  listed_code: string | null;
  parent_group: string | null;
  is_local: number;
  business_scope: string | null;
  chain_link: string | null;
  contacts_json: string;
  tags_json: string;
  note: string | null;
  search_text: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One other name of a firm (简称/曾用名/英文名), normalised for look-up (migration 0014). */
export interface FirmAliasTable {
  firm_id: string;
  name_norm: string;
  name: string;
  /** short | former | english */
  kind: string;
}

/** A directed edge of the 以商招商 graph: `from` is partner/supplier/customer/investor/parent of `to`. */
export interface FirmRelationTable {
  id: string;
  from_firm_id: string;
  to_firm_id: string;
  kind: string;
  note: string | null;
  is_sample: number;
  created_at: string;
}

/** 招商线索 a lead. */
export interface LeadTable {
  id: string;
  code: string;
  title: string;
  target_firm_id: string | null;
  target_name: string | null;
  source: string;
  referrer_firm_id: string | null;
  chain_link: string | null;
  estimated_investment: number | null;
  owner_id: string | null;
  status: string;
  status_reason: string | null;
  next_step: string | null;
  next_step_date: string | null;
  project_id: string | null;
  search_text: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LeadFollowupTable {
  id: string;
  lead_id: string;
  kind: string;
  date: string;
  people: string | null;
  notes: string | null;
  actor_id: string | null;
  actor_name: string | null;
  is_sample: number;
  created_at: string;
  /** Where the visit was logged, when the officer chose to attach the phone's position. */
  lat?: number | null;
  lng?: number | null;
}

/** 项目 a project (一项目一档: one file per project). */
export interface ProjectTable {
  id: string;
  code: string;
  name: string;
  park: string | null;
  land_mu: number | null;
  total_investment: number | null;
  fixed_asset_investment: number | null;
  funds_in_place: number | null;
  capacity_quantity: number | null;
  capacity_unit: string | null;
  capacity_product: string | null;
  expected_output: number | null;
  expected_tax: number | null;
  expected_jobs: number | null;
  expected_exports: number | null;
  priority: string | null;
  officer_id: string | null;
  leader_name: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  chain_link: string | null;
  lead_id: string | null;
  start_date: string | null;
  stage: string;
  stage_date: string | null;
  paused_from_stage: string | null;
  stage_reason: string | null;
  search_text: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectInvestorTable {
  project_id: string;
  firm_id: string;
  share_pct: number | null;
  position: number;
}

export interface ProjectStageEventTable {
  id: string;
  project_id: string;
  from_stage: string | null;
  to_stage: string;
  date: string;
  reason: string | null;
  skipped_json: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface MilestoneTable {
  id: string;
  project_id: string;
  name: string;
  planned_date: string | null;
  actual_date: string | null;
  owner_name: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * Columns the chain migration (issue 4) adds to firm, lead and project: the chain link (环节) the
 * record is attached to. Optional on insert, so the pipeline's row literals need not name them.
 */
export interface LinkColumns {
  link_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What a select of firm/lead/project returns for the chain columns (row types extend these). */
export interface LinkFields {
  link_id: string | null;
}
export interface LeadOriginFields {
  origin_json: string | null;
}

/** Where a system function made a lead from (a ranked chain target): JSON, or null. */
export interface LeadOriginColumns {
  origin_json: ColumnType<string | null, string | null | undefined, string | null>;
}
