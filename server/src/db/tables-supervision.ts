// Table types of one area; conventions and the Database map: database.ts.

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
  /** A linked record shown as evidence of the work (decision 013): 'project' | 'request' | 'task'. */
  evidence_entity: string | null;
  evidence_entity_id: string | null;
  /** The project the task is about (issue 15), listed on its page and dossier; most tasks have none. */
  project_id: string | null;
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
  /** Set when the 督查室 verifies the closing: the date the unit says it was rectified. */
  closed_date: string | null;
  evidence: string | null;
  /** Who verified the closing (督查室), or, before decision 013, the unit that closed it. */
  closed_by_name: string | null;
  /** open → proposed (by the unit) → verified | returned (by the 督查室); returned → proposed. */
  close_status: string;
  rectified_date: string | null;
  proposed_at: string | null;
  proposed_by_name: string | null;
  verified_at: string | null;
  return_reason: string | null;
  returned_at: string | null;
  returned_by_name: string | null;
  evidence_entity: string | null;
  evidence_entity_id: string | null;
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
  /** The app path of the record the message is about (/requests/…); null on messages queued before. */
  link_path: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
  created_at: string;
}
