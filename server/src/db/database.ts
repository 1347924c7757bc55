import type { ColumnType, Generated } from 'kysely';

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

/** An Excel import (Excel in and out): its progress, outcome and, if it failed, the error workbook. */
export interface ImportJobTable {
  id: string;
  kind: string;
  /** running | failed | done */
  status: string;
  file_name: string | null;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  error_count: number;
  message: string | null;
  /** The error workbook (uploaded rows + 错误 column), base64; null unless rows were refused. */
  error_file: string | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** What a bulk firm import (migration 0009) adds to its import_job row: batches and where to resume. */
export interface ImportBulkTable {
  job_id: string;
  /** csv | xlsx */
  format: string;
  /** utf-8 | gb18030 (CSV only). */
  encoding: string | null;
  batch_size: number;
  /** The uploaded file kept under the data folder (HTTP), or the path given to the CLI. */
  file_path: string | null;
  file_bytes: number;
  file_sha256: string;
  batches_committed: number;
  batches_failed: number;
  /** Data rows consumed by finished batches, and (CSV) the byte offset right after them. */
  next_row: number;
  next_byte: number;
  stop_requested: number;
}

/** A refused row of a bulk import batch: one line of the downloadable report per problem. */
export interface ImportReportTable {
  job_id: string;
  batch: number;
  row_no: number;
  position: number;
  field_zh: string | null;
  field_en: string | null;
  message_zh: string;
  message_en: string;
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

/** 产业链 an industrial chain (issue 4). */
export interface ChainTable {
  id: string;
  name: string;
  name_en: string | null;
  /** 链长: the official in charge. */
  official_name: string | null;
  official_title: string | null;
  description: string | null;
  goal: string | null;
  /** zone | county | city (one of the city's key chains, listed only). */
  scope: string;
  region: string | null;
  is_city_key: number;
  sort_order: number;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 环节 a link of a chain: a tree by parent_id, grouped up/mid/downstream. */
export interface ChainLinkTable {
  id: string;
  chain_id: string;
  parent_id: string | null;
  name: string;
  /** up | mid | down */
  position: string;
  sort_order: number;
  description: string | null;
  /** JSON array of GB/T 4754 codes (any level) that define the link. */
  industry_codes_json: string;
  /** JSON array of keywords looked for in business scope, name and tags. */
  keywords_json: string;
  /** high | medium | low */
  priority: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

/** 链主 a chain-leader firm of a chain (optionally for one link). */
export interface ChainLeaderTable {
  chain_id: string;
  firm_id: string;
  link_id: string | null;
  note: string | null;
  position: number;
}

/** A park (园区) that carries a chain. */
export interface ChainParkTable {
  id: string;
  chain_id: string;
  name: string;
  note: string | null;
  position: number;
}

/** Annual targets of a chain; actuals are computed from the pipeline. */
export interface ChainTargetTable {
  chain_id: string;
  year: number;
  projects_target: number | null;
  investment_target: number | null;
  /** Invented demo targets are flagged like every sample record. */
  is_sample: number;
}

/** Per-zone chain settings: the target ranking weights. */
export interface ChainSettingTable {
  zone_id: string;
  weights_json: string;
  version: number;
  updated_at: string;
}

/**
 * Per-link counts kept by triggers (migration 0008): local firms, live projects with their
 * investment, open leads. Read by the chain map; written only by the database.
 */
export interface LinkStatTable {
  link_id: string;
  local_firms: number;
  projects: number;
  investment: number;
  open_leads: number;
}

/** Live projects and investment per link and Shanghai year of the project's created_at (0008). */
export interface LinkYearStatTable {
  link_id: string;
  year: number;
  projects: number;
  investment: number;
}

/** 要素保障需求 a factor request of a project/firm to a department (issue 5). */
export interface FactorRequestTable {
  id: string;
  code: string;
  project_id: string | null;
  firm_id: string;
  type: string;
  title: string;
  description: string | null;
  needed_by: string | null;
  status: string;
  status_reason: string | null;
  department_id: string | null;
  deadline: string | null;
  resolution: string | null;
  assigned_at: string | null;
  resolved_at: string | null;
  confirmed_at: string | null;
  raised_by_id: string | null;
  raised_by_name: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RequestEventTable {
  id: string;
  request_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  department_id: string | null;
  deadline: string | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

/** One recorded escalation step of an overdue request or task (idempotent by its unique key). */
export interface EscalationTable {
  id: string;
  entity: string;
  entity_id: string;
  level: string;
  deadline: string;
  target: string | null;
  at: string;
}

export interface AttachmentTable {
  id: string;
  entity: string;
  entity_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by_id: string | null;
  uploaded_by_name: string | null;
  created_at: string;
}

/** 专项行动 a campaign (十二项提升行动) or a county's reform pilots; groups tasks. */
export interface CampaignTable {
  id: string;
  name: string;
  kind: string;
  theme: string | null;
  year: number | null;
  region: string | null;
  description: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignActionTable {
  id: string;
  campaign_id: string;
  position: number;
  name: string;
  lead_department_id: string | null;
  is_sample: number;
  created_at: string;
}

/** 督办任务 a supervised task (also reform pilots and paired-assistance programmes). */
export interface TaskTable {
  id: string;
  code: string;
  type: string;
  title: string;
  description: string | null;
  source: string;
  source_title: string | null;
  campaign_id: string | null;
  campaign_action_id: string | null;
  lead_department_id: string;
  leader_name: string | null;
  deadline: string | null;
  status: string;
  pilot_level: string | null;
  outcome: string | null;
  region: string | null;
  evidence: string | null;
  proposed_at: string | null;
  proposed_by_name: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
  close_note: string | null;
  return_reason: string | null;
  created_by_id: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TaskUnitTable {
  task_id: string;
  department_id: string;
  role: string;
}

export interface TaskMilestoneTable {
  id: string;
  task_id: string;
  position: number;
  name: string;
  planned_date: string;
  done_date: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TaskReportTable {
  id: string;
  task_id: string;
  department_id: string | null;
  period_key: string;
  content: string;
  percent: number | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
  updated_at: string;
}

/** 问题清单 a problem list and its items (整改: closed item by item). */
export interface ProblemListTable {
  id: string;
  code: string;
  title: string;
  source: string;
  source_title: string | null;
  issued_date: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProblemItemTable {
  id: string;
  list_id: string;
  position: number;
  problem: string;
  measure: string;
  department_id: string;
  deadline: string;
  closed_date: string | null;
  evidence: string | null;
  closed_by_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FigureTable {
  id: string;
  owner_kind: string;
  owner_id: string;
  key: string;
  label: string;
  value: number;
  unit: string | null;
  period: string;
  note: string | null;
  position: number;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  entity_id: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface OutboundChannelTable {
  id: string;
  kind: string;
  name: string;
  enabled: number;
  config_json: string;
  secret: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OutboundDeliveryTable {
  id: string;
  channel_id: string;
  dedupe_key: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
  created_at: string;
}

/** 资讯录入 a pasted or uploaded news text (issue 7); spans in its articles and proposals point into raw_text. */
export interface IntakeTable {
  id: string;
  source_kind: string;
  file_name: string | null;
  article_date: string | null;
  raw_text: string;
  encoding: string | null;
  extractor: string;
  warnings_json: string;
  status: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  applied_at: string | null;
  applied_by_name: string | null;
}

/** One article of an intake (a newspaper page holds several). */
export interface IntakeArticleTable {
  id: string;
  intake_id: string;
  position: number;
  title: string | null;
  byline: string | null;
  dateline: string | null;
  start_offset: number;
  end_offset: number;
  spans_json: string;
  text: string;
  extraction_json: string;
  matches_json: string;
}

/** A reviewable change read from an article: create a firm or lead, update a project, tag a firm. */
export interface IntakeProposalTable {
  id: string;
  intake_id: string;
  article_id: string;
  position: number;
  kind: string;
  target_entity: string;
  target_id: string | null;
  title: string;
  payload_json: string;
  current_json: string | null;
  spans_json: string;
  depends_on: string | null;
  match_json: string | null;
  status: string;
  result_id: string | null;
  applied_at: string | null;
}

/** Which article a change to a firm, lead or project came from (一条记录可追溯到来源资讯). */
export interface ProvenanceTable {
  id: string;
  entity: string;
  entity_id: string;
  intake_id: string;
  article_id: string;
  proposal_id: string;
  action: string;
  fields_json: string;
  applied_at: string;
  applied_by: string | null;
  applied_by_name: string | null;
}

/** 调度 a dispatch round (issue 6): a period, a deadline and the projects it asks. */
export interface RoundTable {
  id: string;
  title: string;
  kind: string;
  period_key: string;
  period_start: string;
  period_end: string;
  deadline: string;
  selection_json: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoundProjectTable {
  round_id: string;
  project_id: string;
}

/** A project's report in a round: figures of the period (integer yuan), narrative, problems. */
export interface RoundReportTable {
  id: string;
  round_id: string;
  project_id: string;
  firm_id: string | null;
  reporter_id: string | null;
  reporter_name: string | null;
  reporter_role: string;
  investment_period: number;
  funds_period: number;
  exports_period: number;
  investment_cumulative: number | null;
  funds_cumulative: number | null;
  /** 1 when the period's investment is counted in the statistics (入统; migration 0010). */
  investment_in_stats: number;
  /** Output value and tax of the period (integer yuan), for projects in production. */
  output_period: number | null;
  tax_period: number | null;
  narrative: string;
  problems: string | null;
  submitted_at: string;
  late: number;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoundPhotoTable {
  id: string;
  report_id: string;
  file_name: string;
  mime: string;
  size: number;
  content: Buffer;
  created_at: string;
}

export interface RoundReminderTable {
  id: string;
  round_id: string;
  project_id: string;
  recipients: number;
  actor_name: string | null;
  at: string;
}

/** 考核 an annual target of a unit (zone, park, officer team, chain) for one metric. */
export interface TargetTable {
  id: string;
  year: number;
  unit_type: string;
  unit_key: string;
  unit_name: string;
  metric: string;
  value: number;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StageNormTable {
  stage: string;
  max_days: number;
  updated_at: string;
}

export interface Database {
  round: RoundTable;
  round_project: RoundProjectTable;
  round_report: RoundReportTable;
  round_photo: RoundPhotoTable;
  round_reminder: RoundReminderTable;
  target: TargetTable;
  stage_norm: StageNormTable;
  zone: ZoneTable;
  department: DepartmentTable;
  app_user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
  firm: FirmTable & LinkColumns;
  firm_relation: FirmRelationTable;
  lead: LeadTable & LinkColumns & LeadOriginColumns;
  lead_followup: LeadFollowupTable;
  project: ProjectTable & LinkColumns;
  project_investor: ProjectInvestorTable;
  project_stage_event: ProjectStageEventTable;
  milestone: MilestoneTable;
  chain: ChainTable;
  chain_link: ChainLinkTable;
  chain_leader: ChainLeaderTable;
  chain_park: ChainParkTable;
  chain_target: ChainTargetTable;
  chain_setting: ChainSettingTable;
  link_stat: LinkStatTable;
  link_year_stat: LinkYearStatTable;
  import_job: ImportJobTable;
  import_bulk: ImportBulkTable;
  import_report: ImportReportTable;
  factor_request: FactorRequestTable;
  request_event: RequestEventTable;
  escalation: EscalationTable;
  attachment: AttachmentTable;
  campaign: CampaignTable;
  campaign_action: CampaignActionTable;
  task: TaskTable;
  task_unit: TaskUnitTable;
  task_milestone: TaskMilestoneTable;
  task_report: TaskReportTable;
  problem_list: ProblemListTable;
  problem_item: ProblemItemTable;
  figure: FigureTable;
  notification: NotificationTable;
  outbound_channel: OutboundChannelTable;
  outbound_delivery: OutboundDeliveryTable;
  intake: IntakeTable;
  intake_article: IntakeArticleTable;
  intake_proposal: IntakeProposalTable;
  provenance: ProvenanceTable;
}

export type { Generated };
