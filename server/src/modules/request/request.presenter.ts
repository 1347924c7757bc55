import type { FactorRequest, RequestDetail, RequestEvent } from '../../../../shared/src/contract/request';
import { escalationOf } from '../../../../shared/src/escalation';
import { isWorkingStatus, type RequestStatus } from '../../../../shared/src/request-status';
import type { EscalationTable, FactorRequestTable, RequestEventTable } from '../../db/database';
import type { RequestRow } from './request.repository';

// The contract (shared/src/contract/request.ts); schemas re-exported for the modules that embed them.
export { attachmentSchema } from '../../../../shared/src/contract/attachment';
export { requestDetailSchema, requestSchema } from '../../../../shared/src/contract/request';
export type RequestDto = FactorRequest;
export type RequestDetailDto = RequestDetail;
type RequestEventDto = RequestEvent;

export function presentRequest(row: RequestRow, now: Date): RequestDto {
  const status = row.status as RequestStatus;
  const esc = escalationOf({ running: isWorkingStatus(status), deadline: row.deadline }, now);
  return {
    id: row.id,
    code: row.code,
    projectId: row.project_id,
    projectName: row.project_name,
    leaderName: row.project_leader_name,
    firmId: row.firm_id,
    firmName: row.firm_name,
    type: row.type as RequestDto['type'],
    title: row.title,
    description: row.description,
    neededBy: row.needed_by,
    status,
    statusReason: row.status_reason,
    departmentId: row.department_id,
    departmentName: row.department_name,
    departmentHead: row.department_head,
    deadline: row.deadline,
    resolution: row.resolution,
    assignedAt: row.assigned_at,
    resolvedAt: row.resolved_at,
    confirmedAt: row.confirmed_at,
    raisedByName: row.raised_by_name,
    overdue: esc.daysLate > 0,
    daysLate: esc.daysLate,
    escalation: esc.level,
    escalationNextOn: esc.nextLevelOn,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The request's history: its events and the escalation steps recorded for it, in time order. */
export function presentTimeline(
  events: RequestEventTable[],
  escalations: EscalationTable[],
  departmentNames: Map<string, string>,
): RequestEventDto[] {
  const items: RequestEventDto[] = events.map((e) => ({
    id: e.id,
    kind: e.kind as RequestEventDto['kind'],
    fromStatus: e.from_status,
    toStatus: e.to_status,
    departmentName: e.department_id ? (departmentNames.get(e.department_id) ?? null) : null,
    deadline: e.deadline,
    note: e.note,
    level: null,
    actorName: e.actor_name,
    at: e.at,
  }));
  for (const x of escalations) {
    items.push({
      id: x.id,
      kind: 'escalation',
      fromStatus: null,
      toStatus: null,
      departmentName: null,
      deadline: x.deadline,
      note: x.target,
      level: x.level,
      // The sweep, not a person, takes the step; the note names whom it went to (issue 15).
      actorName: '系统自动升级',
      at: x.at,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The audit trail's view of a request. */
export function auditableRequest(row: FactorRequestTable | RequestRow): Record<string, unknown> {
  return {
    code: row.code,
    project_id: row.project_id,
    firm_id: row.firm_id,
    type: row.type,
    title: row.title,
    description: row.description,
    needed_by: row.needed_by,
    status: row.status,
    status_reason: row.status_reason,
    department_id: row.department_id,
    deadline: row.deadline,
    resolution: row.resolution,
    version: row.version,
  };
}
