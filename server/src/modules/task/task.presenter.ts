import { z } from 'zod';
import { CLOSING_GAPS } from '../../../../shared/src/closing';
import { ESCALATION_LEVELS, escalationOf } from '../../../../shared/src/escalation';
import {
  PILOT_LEVELS,
  TASK_SOURCES,
  TASK_STATUS_KEYS,
  TASK_TYPES,
  type TaskStatus,
} from '../../../../shared/src/task-status';
import type { TaskMilestoneTable, TaskTable } from '../../db/database';
import { attachmentSchema } from '../request/request.presenter';
import { evidenceLinkViewSchema } from './closing-evidence';
import type { TaskRow, TaskStats } from './task.repository';

const unitSchema = z.object({ id: z.string(), name: z.string() });

export const taskSchema = z.object({
  id: z.string(),
  code: z.string(),
  type: z.enum(TASK_TYPES),
  title: z.string(),
  description: z.string().nullable(),
  source: z.enum(TASK_SOURCES),
  sourceTitle: z.string().nullable(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  campaignActionId: z.string().nullable(),
  actionName: z.string().nullable(),
  leadDepartmentId: z.string(),
  leadDepartmentName: z.string().nullable(),
  cooperating: z.array(unitSchema),
  leaderName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUS_KEYS),
  pilotLevel: z.enum(PILOT_LEVELS).nullable(),
  outcome: z.string().nullable(),
  region: z.string().nullable(),
  evidence: z.string().nullable(),
  proposedAt: z.string().nullable(),
  proposedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  overdue: z.boolean(),
  daysLate: z.number().int(),
  escalation: z.enum(ESCALATION_LEVELS),
  escalationNextOn: z.string().nullable(),
  milestonesTotal: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesLate: z.number().int(),
  /** The latest reported percentage (0–100), null before the first report. */
  progress: z.number().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskDto = z.infer<typeof taskSchema>;

export const milestoneSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  plannedDate: z.string(),
  doneDate: z.string().nullable(),
  note: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int(),
});

export const reportSchema = z.object({
  id: z.string(),
  periodKey: z.string(),
  departmentName: z.string().nullable(),
  content: z.string(),
  percent: z.number().nullable(),
  actorName: z.string().nullable(),
  updatedAt: z.string(),
});

export const taskDetailSchema = taskSchema.extend({
  milestones: z.array(milestoneSchema),
  reports: z.array(reportSchema),
  escalations: z.array(
    z.object({ level: z.string(), target: z.string().nullable(), deadline: z.string(), at: z.string() }),
  ),
  attachments: z.array(attachmentSchema),
  /** A record linked as evidence of the work (decision 013), with a label to open it by. */
  evidenceLink: evidenceLinkViewSchema.nullable(),
  /** The closing conditions not met yet (closing.ts); empty when the task may be closed. */
  closingGaps: z.array(z.enum(CLOSING_GAPS)),
  can: z.object({ edit: z.boolean(), report: z.boolean(), propose: z.boolean(), close: z.boolean() }),
});
export type TaskDetailDto = z.infer<typeof taskDetailSchema>;

export function presentTask(
  row: TaskRow,
  units: Array<{ department_id: string; role: string; name: string }>,
  stats: TaskStats | undefined,
  now: Date,
): TaskDto {
  const esc = escalationOf({ running: row.status === 'in_progress', deadline: row.deadline }, now);
  return {
    id: row.id,
    code: row.code,
    type: row.type as TaskDto['type'],
    title: row.title,
    description: row.description,
    source: row.source as TaskDto['source'],
    sourceTitle: row.source_title,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    campaignActionId: row.campaign_action_id,
    actionName: row.action_name,
    leadDepartmentId: row.lead_department_id,
    leadDepartmentName: row.lead_department_name,
    cooperating: units
      .filter((u) => u.role === 'cooperating')
      .map((u) => ({ id: u.department_id, name: u.name })),
    leaderName: row.leader_name,
    deadline: row.deadline,
    status: row.status as TaskStatus,
    pilotLevel: row.pilot_level as TaskDto['pilotLevel'],
    outcome: row.outcome,
    region: row.region,
    evidence: row.evidence,
    proposedAt: row.proposed_at,
    proposedByName: row.proposed_by_name,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    closeNote: row.close_note,
    returnReason: row.return_reason,
    overdue: esc.daysLate > 0,
    daysLate: esc.daysLate,
    escalation: esc.level,
    escalationNextOn: esc.nextLevelOn,
    milestonesTotal: stats?.milestonesTotal ?? 0,
    milestonesDone: stats?.milestonesDone ?? 0,
    milestonesLate: stats?.milestonesLate ?? 0,
    progress: stats?.progress ?? (row.status === 'closed' ? 100 : null),
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A milestone; it is late only while its task runs (a closed task's open steps are moot). */
export function presentMilestone(m: TaskMilestoneTable, today: string, taskClosed = false) {
  return {
    id: m.id,
    position: m.position,
    name: m.name,
    plannedDate: m.planned_date,
    doneDate: m.done_date,
    note: m.note,
    late: !taskClosed && !m.done_date && m.planned_date < today,
    version: m.version,
  };
}

export function auditableTask(row: TaskTable | TaskRow): Record<string, unknown> {
  return {
    code: row.code,
    type: row.type,
    title: row.title,
    source: row.source,
    source_title: row.source_title,
    campaign_id: row.campaign_id,
    lead_department_id: row.lead_department_id,
    leader_name: row.leader_name,
    deadline: row.deadline,
    status: row.status,
    pilot_level: row.pilot_level,
    outcome: row.outcome,
    evidence: row.evidence,
    evidence_entity: row.evidence_entity,
    evidence_entity_id: row.evidence_entity_id,
    close_note: row.close_note,
    return_reason: row.return_reason,
    version: row.version,
  };
}
