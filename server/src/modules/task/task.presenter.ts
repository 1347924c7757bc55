import type { Task, TaskDetail, TaskMilestone } from '../../../../shared/src/contract/task';
import { escalationOf } from '../../../../shared/src/escalation';
import type { TaskStatus } from '../../../../shared/src/task-status';
import type { TaskMilestoneTable, TaskTable } from '../../db/database';
import type { TaskRow, TaskStats } from './task.repository';

// The answers' shapes are the contract's (shared/src/contract/task.ts).
export type TaskDto = Task;
export type TaskDetailDto = TaskDetail;

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
    projectId: row.project_id,
    projectName: row.project_name,
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
export function presentMilestone(m: TaskMilestoneTable, today: string, taskClosed = false): TaskMilestone {
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
    project_id: row.project_id,
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
