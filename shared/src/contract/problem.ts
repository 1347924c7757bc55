import { z } from 'zod';
import { CLOSING_GAPS, PROBLEM_CLOSE_STATUSES } from '../closing';
import { PROBLEM_ITEM_STATES, PROBLEM_SOURCES } from '../task-status';
import { attachmentSchema } from './attachment';
import { idString, localDate, longText, nameText, shortText } from './fields';
import { evidenceLinkViewSchema } from './task';

/** Problem lists (问题清单) and their items, closed one by one (逐条销号): what the API takes and answers. */

/** The counts a problem list shows at its head. */
export const problemSummarySchema = z.object({
  total: z.number().int(),
  /** Closings proposed and awaiting the 督查室, and closings it returned. */
  proposed: z.number().int(),
  returned: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  closedLate: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const problemListSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.enum(PROBLEM_SOURCES),
  sourceTitle: z.string().nullable(),
  issuedDate: z.string(),
  summary: problemSummarySchema,
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ProblemList = z.infer<typeof problemListSchema>;

export const problemItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  problem: z.string(),
  measure: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  deadline: z.string(),
  closedDate: z.string().nullable(),
  evidence: z.string().nullable(),
  closedByName: z.string().nullable(),
  state: z.enum(PROBLEM_ITEM_STATES),
  /** Where the closing stands: proposed by the unit, verified or returned by the 督查室. */
  closeStatus: z.enum(PROBLEM_CLOSE_STATUSES),
  rectifiedDate: z.string().nullable(),
  proposedAt: z.string().nullable(),
  proposedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedByName: z.string().nullable(),
  evidenceLink: evidenceLinkViewSchema.nullable(),
  /** What the unit still owes before it may propose (closing.ts). */
  closingGaps: z.array(z.enum(CLOSING_GAPS)),
  canPropose: z.boolean(),
  canVerify: z.boolean(),
  attachments: z.array(attachmentSchema),
  version: z.number().int(),
});
export type ProblemItem = z.infer<typeof problemItemSchema>;

export const problemListDetailSchema = problemListSchema.extend({ items: z.array(problemItemSchema) });
export type ProblemListDetail = z.infer<typeof problemListDetailSchema>;

/** A problem list holds at most 200 items: inspection reports list dozens, not thousands. */
export const PROBLEM_LIST_MAX_ITEMS = 200;

/** One item as a list is created or extended: the problem, the measure, the unit and its deadline. */
export const problemItemBody = z.strictObject({
  problem: longText.min(1),
  measure: longText.min(1),
  departmentId: idString,
  deadline: localDate,
});
export type ProblemItemBody = z.input<typeof problemItemBody>;

export const createProblemListBody = z.strictObject({
  title: nameText,
  source: z.enum(PROBLEM_SOURCES),
  sourceTitle: shortText.nullable().optional(),
  issuedDate: localDate,
  items: z.array(problemItemBody).min(1).max(PROBLEM_LIST_MAX_ITEMS),
});
export type CreateProblemListBody = z.input<typeof createProblemListBody>;
