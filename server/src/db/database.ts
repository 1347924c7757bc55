import type { Generated } from 'kysely';

/**
 * Table types. Conventions (docs/decisions/002-data-conventions.md):
 * ids are app-made UUIDv7 text; timestamps are ISO-8601 UTC text; dates are `YYYY-MM-DD` text;
 * money is integer yuan; booleans are 0/1 integers; JSON is text. The same on SQLite and PostgreSQL.
 */
export interface ZoneTable {
  id: string;
  name: string;
  short_name: string;
  region: string;
  created_at: string;
}

export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  head_name: string | null;
  is_sample: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  department_id: string | null;
  firm_id: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie value: a leaked table cannot be replayed. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

/** 企业 a firm: a target of promotion, an investor, a referrer (以商招商) or a chain leader (链主). */
export interface FirmTable {
  id: string;
  name: string;
  name_norm: string;
  short_name: string | null;
  aliases_json: string;
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

export interface Database {
  zone: ZoneTable;
  department: DepartmentTable;
  app_user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
  firm: FirmTable;
  firm_relation: FirmRelationTable;
  lead: LeadTable;
  lead_followup: LeadFollowupTable;
  project: ProjectTable;
  project_investor: ProjectInvestorTable;
  project_stage_event: ProjectStageEventTable;
  milestone: MilestoneTable;
}

export type { Generated };
