import { z } from 'zod';
import { ESCALATION_LEVELS, escalationOf } from '../../../../shared/src/escalation';
import {
  isWorkingStatus,
  REQUEST_STATUS_KEYS,
  REQUEST_TYPES,
  type RequestStatus,
} from '../../../../shared/src/request-status';
import type { EscalationTable, FactorRequestTable, RequestEventTable } from '../../db/database';
import type { RequestRow } from './request.repository';

export const requestSchema = z.object({
  id: z.string(),
  code: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** 包保领导 of the project: the top of the escalation. */
  leaderName: z.string().nullable(),
  firmId: z.string(),
  firmName: z.string(),
  type: z.enum(REQUEST_TYPES),
  title: z.string(),
  description: z.string().nullable(),
  neededBy: z.string().nullable(),
  status: z.enum(REQUEST_STATUS_KEYS),
  statusReason: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  departmentHead: z.string().nullable(),
  deadline: z.string().nullable(),
  resolution: z.string().nullable(),
  assignedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  raisedByName: z.string().nullable(),
  /** A department holds it and its deadline has passed (Asia/Shanghai). */
  overdue: z.boolean(),
  daysLate: z.number().int(),
  /** Computed from the data at read time (no timers): none → head → leader. */
  escalation: z.enum(ESCALATION_LEVELS),
  escalationNextOn: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDto = z.infer<typeof requestSchema>;

export const requestEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['status', 'note', 'assign', 'escalation', 'attachment']),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  departmentName: z.string().nullable(),
  deadline: z.string().nullable(),
  note: z.string().nullable(),
  /** Escalations: head | leader, and whom it went to. */
  level: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type RequestEventDto = z.infer<typeof requestEventSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const requestDetailSchema = requestSchema.extend({
  events: z.array(requestEventSchema),
  attachments: z.array(attachmentSchema),
  /** What the signed-in user can do here (the web shows these buttons only). */
  can: z.object({
    assign: z.boolean(),
    moves: z.array(z.object({ to: z.enum(REQUEST_STATUS_KEYS), needsReason: z.boolean() })),
    note: z.boolean(),
    attach: z.boolean(),
  }),
});
export type RequestDetailDto = z.infer<typeof requestDetailSchema>;

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
      actorName: 'system',
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
