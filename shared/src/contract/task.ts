import { z } from 'zod';
import { CLOSING_GAPS, EVIDENCE_ENTITIES } from '../closing';
import { ESCALATION_LEVELS } from '../escalation';
import { PILOT_LEVELS, TASK_LIMITS, TASK_SOURCES, TASK_STATUS_KEYS, TASK_TYPES } from '../task-status';
import { attachmentSchema } from './attachment';
import { idString, localDate, longText, nameText, shortText } from './fields';

/** Supervised tasks (督办任务), reform pilots and programmes: what the API takes and answers. */

/**
 * A closing's evidence beyond its files: a record in the system that shows the work (decision 013)
 * — e.g. the factor request that delivered the power line, the project now in production.
 */
export const evidenceLinkSchema = z.strictObject({
  entity: z.enum(EVIDENCE_ENTITIES),
  id: z.string().trim().min(1).max(64),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

/** An evidence link as answered, with a label to open it by. */
export const evidenceLinkViewSchema = evidenceLinkSchema.extend({ label: z.string() });
export type EvidenceLinkView = z.infer<typeof evidenceLinkViewSchema>;

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
  /** The project the task is about (its page and dossier list it), if any. */
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
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
export type Task = z.infer<typeof taskSchema>;

/** A roadmap node (节点); late only while its task runs. */
export const taskMilestoneSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  plannedDate: z.string(),
  doneDate: z.string().nullable(),
  note: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int(),
});
export type TaskMilestone = z.infer<typeof taskMilestoneSchema>;

/** A unit's progress report for one period. */
export const taskReportSchema = z.object({
  id: z.string(),
  periodKey: z.string(),
  departmentName: z.string().nullable(),
  content: z.string(),
  percent: z.number().nullable(),
  actorName: z.string().nullable(),
  updatedAt: z.string(),
});
export type TaskReport = z.infer<typeof taskReportSchema>;

export const taskDetailSchema = taskSchema.extend({
  milestones: z.array(taskMilestoneSchema),
  reports: z.array(taskReportSchema),
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
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** The editable fields of a task besides title, source and lead unit. */
export const taskFields = {
  description: longText.nullable().optional(),
  sourceTitle: shortText.nullable().optional(),
  cooperatingDepartmentIds: z.array(idString).max(TASK_LIMITS.maxCooperatingUnits).optional(),
  leaderName: shortText.nullable().optional(),
  deadline: localDate.nullable().optional(),
  pilotLevel: z.enum(PILOT_LEVELS).nullable().optional(),
  outcome: longText.nullable().optional(),
  region: shortText.nullable().optional(),
  projectId: idString.nullable().optional(),
};

export const createTaskBody = z.strictObject({
  type: z.enum(TASK_TYPES),
  title: nameText,
  source: z.enum(TASK_SOURCES),
  campaignId: idString.nullable().optional(),
  campaignActionId: idString.nullable().optional(),
  leadDepartmentId: idString,
  milestones: z
    .array(z.strictObject({ name: nameText, plannedDate: localDate }))
    .max(TASK_LIMITS.maxMilestones)
    .optional(),
  ...taskFields,
});
export type CreateTaskBody = z.input<typeof createTaskBody>;
