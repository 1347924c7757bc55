import { z } from 'zod';
import { ROUND_KINDS, ROUND_LIMITS } from '../dispatch';
import { PROJECT_PRIORITIES } from '../pipeline-enums';
import { PROJECT_STAGE_KEYS } from '../project-stage';
import { idString, localDate, money } from './fields';

/** 调度 dispatch rounds, their projects, reports and report revisions: what the API answers. */

export const roundSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ROUND_KINDS),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  /** The rule the project set was taken by when the round was set (then frozen). */
  selection: z.object({ stages: z.array(z.string()), priorities: z.array(z.string()) }),
  /** Closed once the deadline day has passed (computed, never stored). */
  status: z.enum(['open', 'closed']),
  isSample: z.boolean(),
  createdAt: z.string(),
  expected: z.number().int(),
  reported: z.number().int(),
  late: z.number().int(),
});
export type Round = z.infer<typeof roundSchema>;
export const roundListSchema = z.object({ items: z.array(roundSchema), total: z.number().int() });

export const roundProjectSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  park: z.string().nullable(),
  chainName: z.string().nullable(),
  stage: z.string(),
  priority: z.string().nullable(),
  totalInvestment: z.number().nullable(),
  officerName: z.string().nullable(),
  reportId: z.string().nullable(),
  /** The report's version: a correction sends it back (409 when someone wrote it in between). */
  reportVersion: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  /** Who wrote the report's figures last. */
  reporterName: z.string().nullable(),
  investmentPeriod: z.number().nullable(),
  /** Whether the period's investment is counted in the statistics (入统); null before a report. */
  investmentInStats: z.boolean().nullable(),
  fundsPeriod: z.number().nullable(),
  exportsPeriod: z.number().nullable(),
  outputPeriod: z.number().nullable(),
  taxPeriod: z.number().nullable(),
  investmentCumulative: z.number().nullable(),
  fundsCumulative: z.number().nullable(),
  /** Running figures from earlier rounds' reports, which the form adds this period to. */
  priorInvestmentCumulative: z.number(),
  priorFundsCumulative: z.number(),
  /** A filed cumulative figure differs from the running one. */
  cumulativeDisagrees: z.boolean(),
  reminders: z.number().int(),
});
export type RoundProject = z.infer<typeof roundProjectSchema>;

/** A round's figures summed over a group of its projects (server: round-rollup.ts). */
export const roundRollupSchema = z.object({
  key: z.string(),
  projects: z.number().int(),
  reported: z.number().int(),
  late: z.number().int(),
  totalInvestment: z.number(),
  investmentPeriod: z.number(),
  /** The part of the period's investment counted in the statistics (入统). */
  investmentInStats: z.number(),
  fundsPeriod: z.number(),
  exportsPeriod: z.number(),
  outputPeriod: z.number(),
  taxPeriod: z.number(),
  investmentCumulative: z.number(),
  fundsCumulative: z.number(),
});
export type RoundRollup = z.infer<typeof roundRollupSchema>;

export const roundDetailSchema = roundSchema.extend({
  projects: z.array(roundProjectSchema),
  rollups: z.object({
    zone: roundRollupSchema,
    byPark: z.array(roundRollupSchema),
    byChain: z.array(roundRollupSchema),
    byOfficer: z.array(roundRollupSchema),
  }),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

/** The written part of a report or of one of its revisions. */
const reportFigures = {
  investmentPeriod: z.number(),
  investmentInStats: z.boolean(),
  fundsPeriod: z.number(),
  exportsPeriod: z.number(),
  outputPeriod: z.number().nullable(),
  taxPeriod: z.number().nullable(),
  investmentCumulative: z.number().nullable(),
  fundsCumulative: z.number().nullable(),
  narrative: z.string(),
  problems: z.string().nullable(),
};

export const roundReportSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  periodKey: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  reporterName: z.string().nullable(),
  version: z.number().int(),
  ...reportFigures,
  submittedAt: z.string(),
  late: z.boolean(),
  isSample: z.boolean(),
  photos: z.array(
    z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int() }),
  ),
});
export type RoundReport = z.infer<typeof roundReportSchema>;
export const roundReportListSchema = z.object({ items: z.array(roundReportSchema), total: z.number().int() });

/** What filing a report answers: its id and version, whether late, the cumulative check. */
export const reportFiledSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  late: z.boolean(),
  cumulative: z.object({
    investment: z.number().nullable(),
    investmentExpected: z.number(),
    investmentDisagrees: z.boolean(),
    funds: z.number().nullable(),
    fundsExpected: z.number(),
    fundsDisagrees: z.boolean(),
  }),
});
export type ReportFiled = z.infer<typeof reportFiledSchema>;

export const remindResultSchema = z.object({ projects: z.number().int(), notified: z.number().int() });
export type RemindResult = z.infer<typeof remindResultSchema>;

/** One version of a report as it was written (修订记录). */
export const reportRevisionSchema = z.object({
  version: z.number().int(),
  reporterName: z.string().nullable(),
  reporterRole: z.string(),
  writtenAt: z.string(),
  ...reportFigures,
});
export type ReportRevision = z.infer<typeof reportRevisionSchema>;
export const reportRevisionListSchema = z.object({ items: z.array(reportRevisionSchema) });

/** Setting a round: a week or month, a deadline, the projects by stage/priority (frozen then). */
export const createRoundBody = z.strictObject({
  kind: z.enum(ROUND_KINDS),
  date: localDate.optional(),
  title: z.string().trim().max(200).optional(),
  deadline: localDate.optional(),
  stages: z.array(z.enum(PROJECT_STAGE_KEYS)).max(20).optional(),
  priorities: z.array(z.enum(PROJECT_PRIORITIES)).max(5).optional(),
});
export type CreateRoundBody = z.input<typeof createRoundBody>;

const reportPhoto = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((ROUND_LIMITS.maxPhotoBytes * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** Filing or correcting a project's report. */
export const submitReportBody = z.strictObject({
  projectId: idString,
  investmentPeriod: money,
  investmentInStats: z.boolean().optional(),
  fundsPeriod: money,
  exportsPeriod: money.optional(),
  outputPeriod: money.nullable().optional(),
  taxPeriod: money.nullable().optional(),
  // Omitted: the running figure from earlier reports plus this period.
  investmentCumulative: money.nullable().optional(),
  fundsCumulative: money.nullable().optional(),
  narrative: z.string().trim().min(1).max(ROUND_LIMITS.narrativeMax),
  problems: z.string().trim().max(ROUND_LIMITS.narrativeMax).nullable().optional(),
  photos: z.array(reportPhoto).max(ROUND_LIMITS.maxPhotos).optional(),
  // A correction: the version read (409 if the report changed since); omitted for a first filing.
  version: z.number().int().min(1).optional(),
});
export type SubmitReportBody = z.input<typeof submitReportBody>;
