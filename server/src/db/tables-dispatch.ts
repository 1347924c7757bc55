// Table types of one area; conventions and the Database map: database.ts.

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

/** One version of a round report as it was written (migration 0011): who, when, what. */
export interface RoundReportRevisionTable {
  report_id: string;
  version: number;
  reporter_id: string | null;
  reporter_name: string | null;
  reporter_role: string;
  investment_period: number;
  investment_in_stats: number;
  funds_period: number;
  exports_period: number;
  output_period: number | null;
  tax_period: number | null;
  investment_cumulative: number | null;
  funds_cumulative: number | null;
  narrative: string;
  problems: string | null;
  written_at: string;
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

/** The last 文号 number handed out per round kind and year (migration 0021). */
export interface DocumentSequenceTable {
  kind: string;
  year: number;
  last_number: number;
}

/** A dispatch report issued as an official document: its 文号, 发文单位 and 抄送 as issued. */
export interface ReportIssueTable {
  id: string;
  round_id: string;
  kind: string;
  year: number;
  number: number;
  doc_number: string;
  issuer: string;
  cc: string;
  issued_by: string | null;
  issued_by_name: string | null;
  issued_on: string;
  created_at: string;
  /** 作废: set when the issue was withdrawn; the row and its 文号 stay (migration 0027). */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
}
