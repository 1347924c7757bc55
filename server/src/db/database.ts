import type { Generated } from 'kysely';
import type {
  ActualFigureTable,
  AgreementAmendmentTable,
  AgreementCommitmentTable,
  AgreementTable,
  ComplianceActionTable,
  MuConfigTable,
  MuEvaluationItemTable,
  MuEvaluationTable,
} from './tables-agreement';
import type {
  ChainLeaderTable,
  ChainLinkTable,
  ChainParkTable,
  ChainSettingTable,
  ChainTable,
  ChainTargetTable,
  LinkStatTable,
  LinkYearStatTable,
} from './tables-chain';
import type {
  LateDayStatTable,
  LinkLateDayStatTable,
  LinkMilestoneDayStatTable,
  LinkStageMonthStatTable,
  MilestoneDayStatTable,
  ParkLateDayStatTable,
  ParkMilestoneDayStatTable,
  ParkStageDayStatTable,
  ProjectLateFromTable,
  ProjectRollupTable,
  StageDayStatTable,
} from './tables-cockpit';
import type {
  DocumentSequenceTable,
  ReportIssueTable,
  RoundPhotoTable,
  RoundProjectTable,
  RoundReminderTable,
  RoundReportRevisionTable,
  RoundReportTable,
  RoundTable,
  StageNormTable,
  TargetTable,
} from './tables-dispatch';
import type { IntakeArticleTable, IntakeProposalTable, IntakeTable, ProvenanceTable } from './tables-intake';
import type {
  BuildingTable,
  ParkChainTable,
  ParkTable,
  PlotTable,
  ProjectParkColumns,
  SiteReservationTable,
  UnitTable,
} from './tables-park';
import type {
  FirmAliasTable,
  FirmRelationTable,
  FirmTable,
  LeadFollowupTable,
  LeadOriginColumns,
  LeadTable,
  LinkColumns,
  MilestoneTable,
  ProjectInvestorTable,
  ProjectStageEventTable,
  ProjectTable,
} from './tables-pipeline';
import type { ProjectFigureSourceTable, ProjectPartyColumns } from './tables-project-parties';
import type {
  AttachmentTable,
  CampaignActionTable,
  CampaignTable,
  EscalationTable,
  FactorRequestTable,
  FigureTable,
  NotificationTable,
  OutboundChannelTable,
  OutboundDeliveryTable,
  ProblemItemTable,
  ProblemListTable,
  RequestEventTable,
  TaskMilestoneTable,
  TaskReportTable,
  TaskTable,
  TaskUnitTable,
} from './tables-supervision';

export type * from './tables-agreement';
export type * from './tables-chain';
export type * from './tables-cockpit';
export type * from './tables-dispatch';
export type * from './tables-intake';
export type * from './tables-park';
export type * from './tables-pipeline';
export type * from './tables-project-parties';
export type * from './tables-supervision';

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
  /** The head (负责人) as imported text; kept when a head user is linked. */
  head_name: string | null;
  /** The head (负责人) as an account: the first escalation step reaches them (migration 0027). */
  head_user_id: string | null;
  is_sample: number;
  version: Generated<number>;
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
  /** The process running the job (migration 0012): host, pid, and a random id per process start. */
  owner_host: string | null;
  owner_pid: number | null;
  owner_instance: string | null;
  /** Written every few seconds by the owner while the job runs. */
  heartbeat_at: string | null;
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

export interface Database {
  round: RoundTable;
  round_project: RoundProjectTable;
  round_report: RoundReportTable;
  round_report_revision: RoundReportRevisionTable;
  round_photo: RoundPhotoTable;
  round_reminder: RoundReminderTable;
  document_sequence: DocumentSequenceTable;
  report_issue: ReportIssueTable;
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
  firm_alias: FirmAliasTable;
  firm_relation: FirmRelationTable;
  lead: LeadTable & LinkColumns & LeadOriginColumns;
  lead_followup: LeadFollowupTable;
  project: ProjectTable & LinkColumns & ProjectParkColumns & ProjectPartyColumns;
  project_investor: ProjectInvestorTable;
  project_figure_source: ProjectFigureSourceTable;
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
  project_rollup: ProjectRollupTable;
  stage_day_stat: StageDayStatTable;
  milestone_day_stat: MilestoneDayStatTable;
  project_late_from: ProjectLateFromTable;
  late_day_stat: LateDayStatTable;
  park_stage_day_stat: ParkStageDayStatTable;
  park_late_day_stat: ParkLateDayStatTable;
  park_milestone_day_stat: ParkMilestoneDayStatTable;
  link_stage_month_stat: LinkStageMonthStatTable;
  link_late_day_stat: LinkLateDayStatTable;
  link_milestone_day_stat: LinkMilestoneDayStatTable;
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
  park: ParkTable;
  park_chain: ParkChainTable;
  plot: PlotTable;
  building: BuildingTable;
  unit: UnitTable;
  site_reservation: SiteReservationTable;
  agreement: AgreementTable;
  agreement_amendment: AgreementAmendmentTable;
  agreement_commitment: AgreementCommitmentTable;
  actual_figure: ActualFigureTable;
  compliance_action: ComplianceActionTable;
  mu_config: MuConfigTable;
  mu_evaluation: MuEvaluationTable;
  mu_evaluation_item: MuEvaluationItemTable;
}

export type { Generated };
