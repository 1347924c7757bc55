import { z } from 'zod';
import { ESCALATION_LEVELS } from '../escalation';
import { REQUEST_STATUS_KEYS, REQUEST_TYPES } from '../request-status';
import { attachmentSchema } from './attachment';

/** Factor requests (要素保障需求): what the API answers. */

/** A factor request as the API answers it. */
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
export type FactorRequest = z.infer<typeof requestSchema>;

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
export type RequestEvent = z.infer<typeof requestEventSchema>;

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
export type RequestDetail = z.infer<typeof requestDetailSchema>;

const overviewCounts = {
  open: z.number(),
  overdue: z.number(),
  resolved: z.number(),
  avgResolutionDays: z.number().nullable(),
};
/** The leader's overview: counts by department, by type and in total. */
export const requestOverviewSchema = z.object({
  byDepartment: z.array(
    z.object({
      departmentId: z.string().nullable(),
      departmentName: z.string().nullable(),
      ...overviewCounts,
    }),
  ),
  byType: z.array(z.object({ type: z.enum(REQUEST_TYPES), ...overviewCounts })),
  totals: z.object({ ...overviewCounts, unassigned: z.number() }),
});
export type RequestOverview = z.infer<typeof requestOverviewSchema>;
export type OverviewCounts = Omit<RequestOverview['totals'], 'unassigned'>;
