import { z } from 'zod';
import {
  ACTUAL_MEASURES,
  ACTUAL_PERIODS,
  ACTUAL_SOURCES,
  AGREEMENT_LIMITS,
  COMMITMENT_MEASURES,
  COMPLIANCE_STATUSES,
  CONSEQUENCE_KINDS,
  isDeadline,
  MU_CLASSES,
} from '../agreement';
import { idString, localDate, longText, nameText, personName, shortText } from './fields';

/** 投资协议 agreements, actual figures and 履约 compliance (issue 14): what the API takes and answers. */

const bilingual = z.object({ zh: z.string(), en: z.string() });
const year = z.number().int().min(2000).max(2100);
/** Figures are never negative; 1e15 is far above any zone's yuan and stops junk early. */
const figure = z.number().min(0).max(1e15);

export const commitmentInput = z
  .strictObject({
    measure: z.enum(COMMITMENT_MEASURES),
    /** The promised amount; a deadline (startBy, completeBy, produceBy) has a dueDate instead. */
    value: figure.nullable().optional(),
    dueYear: year,
    dueDate: localDate.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (isDeadline(c.measure)) {
      if (!c.dueDate)
        ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'a deadline needs its date' });
      else if (Number(c.dueDate.slice(0, 4)) !== c.dueYear)
        ctx.addIssue({ code: 'custom', path: ['dueYear'], message: 'the year of dueDate' });
    } else if (c.value === null || c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'the promised amount' });
    }
  });
export type CommitmentInput = z.input<typeof commitmentInput>;

export const createAgreementBody = z.strictObject({
  number: shortText.min(1),
  signedDate: localDate,
  zoneParty: shortText.min(1),
  signingCompany: nameText,
  signingFirmId: idString.nullable().optional(),
  note: longText.nullable().optional(),
  commitments: z.array(commitmentInput).min(1).max(AGREEMENT_LIMITS.maxCommitments),
});
export type CreateAgreementBody = z.input<typeof createAgreementBody>;

export const amendAgreementBody = z.strictObject({
  date: localDate,
  reason: longText.min(1),
  /** With commitmentId: replaces that commitment (the old one is kept as history); without: a new one. */
  changes: z
    .array(
      z.intersection(
        z.strictObject({ commitmentId: idString.nullable().optional() }).partial(),
        commitmentInput,
      ),
    )
    .max(AGREEMENT_LIMITS.maxCommitments)
    .default([]),
  /** Commitments the amendment drops (kept as history). */
  remove: z.array(idString).max(AGREEMENT_LIMITS.maxCommitments).default([]),
});
export type AmendAgreementBody = z.input<typeof amendAgreementBody>;

export const commitmentSchema = z.object({
  id: z.string(),
  measure: z.enum(COMMITMENT_MEASURES),
  value: z.number().nullable(),
  dueYear: z.number().int(),
  dueDate: z.string().nullable(),
  /** The amendment that made it (null: as signed). */
  amendmentId: z.string().nullable(),
  /** The amendment that replaced it (null: in force). */
  supersededBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const amendmentSchema = z.object({
  id: z.string(),
  date: z.string(),
  reason: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const complianceActionSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  commitmentId: z.string().nullable(),
  kind: z.enum(CONSEQUENCE_KINDS),
  date: z.string(),
  note: z.string().nullable(),
  newDueDate: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ComplianceAction = z.infer<typeof complianceActionSchema>;

export const agreementSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  number: z.string(),
  signedDate: z.string(),
  zoneParty: z.string(),
  signingCompany: z.string(),
  signingFirmId: z.string().nullable(),
  note: z.string().nullable(),
  isSample: z.boolean(),
  createdAt: z.string(),
  /** In force. */
  commitments: z.array(commitmentSchema),
  /** Replaced or dropped by an amendment. */
  history: z.array(commitmentSchema),
  amendments: z.array(amendmentSchema),
  actions: z.array(complianceActionSchema),
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementListSchema = z.object({ items: z.array(agreementSchema) });
export type AgreementList = z.infer<typeof agreementListSchema>;

export const complianceActionBody = z
  .strictObject({
    kind: z.enum(CONSEQUENCE_KINDS),
    date: localDate,
    commitmentId: idString.nullable().optional(),
    note: longText.nullable().optional(),
    /** An extension's new deadline (it amends the commitment: a new due date, the old one kept). */
    newDueDate: localDate.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind !== 'extension_granted') return;
    if (!b.commitmentId)
      ctx.addIssue({ code: 'custom', path: ['commitmentId'], message: 'the commitment extended' });
    if (!b.newDueDate) ctx.addIssue({ code: 'custom', path: ['newDueDate'], message: 'the new deadline' });
  });
export type ComplianceActionBody = z.input<typeof complianceActionBody>;

export const actualInput = z.strictObject({
  year,
  period: z.enum(ACTUAL_PERIODS).default('Y'),
  measure: z.enum(ACTUAL_MEASURES),
  value: figure,
  source: z.enum(ACTUAL_SOURCES),
  confirmedBy: personName.nullable().optional(),
  note: longText.nullable().optional(),
});
export type ActualInput = z.input<typeof actualInput>;

export const actualSchema = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  firmId: z.string().nullable(),
  year: z.number().int(),
  period: z.enum(ACTUAL_PERIODS),
  measure: z.enum(ACTUAL_MEASURES),
  value: z.number(),
  source: z.enum(ACTUAL_SOURCES),
  confirmedBy: z.string().nullable(),
  note: z.string().nullable(),
  isSample: z.boolean(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  /** The figure counted for its year, period and measure (the most trusted source, its latest entry). */
  counted: z.boolean(),
  /** Another source gives a different figure for the same year, period and measure. */
  conflict: z.boolean(),
});
export type Actual = z.infer<typeof actualSchema>;

export const actualConflictSchema = z.object({
  year: z.number().int(),
  period: z.enum(ACTUAL_PERIODS),
  measure: z.enum(ACTUAL_MEASURES),
  values: z.array(z.object({ source: z.enum(ACTUAL_SOURCES), value: z.number() })),
  /** Largest minus smallest. */
  difference: z.number(),
});
export const actualListSchema = z.object({
  items: z.array(actualSchema),
  conflicts: z.array(actualConflictSchema),
});
export type ActualList = z.infer<typeof actualListSchema>;

export const actualImportResultSchema = z.object({
  ok: z.boolean(),
  imported: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** The uploaded rows with an 错误 column (base64 xlsx) when any row was refused; nothing was written. */
  errorFile: z.string().nullable(),
});
export type ActualImportResult = z.infer<typeof actualImportResultSchema>;

/** `page` (from 1) and `pageSize` of a compliance list or a 亩均 ranking. */
const paging = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(AGREEMENT_LIMITS.maxPageSize)
    .default(AGREEMENT_LIMITS.defaultPageSize),
};
const pageAnswer = {
  /** Items matching the filter (the page holds at most pageSize of them). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
};

export const complianceQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only items of this status (the summary still counts every status). */
  status: z.enum(COMPLIANCE_STATUSES).optional(),
  ...paging,
  projectId: idString.optional(),
  /** The cockpit's scope, so its 履约 figure opens the same list. */
  park: z.string().max(200).optional(),
  chain: z.string().max(64).optional(),
});

export const complianceItemSchema = z.object({
  projectId: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  agreementId: z.string(),
  agreementNumber: z.string(),
  commitmentId: z.string(),
  measure: z.enum(COMMITMENT_MEASURES),
  committed: z.number().nullable(),
  dueYear: z.number().int(),
  dueDate: z.string().nullable(),
  /** The figure counted for the year (derived for intensity and per-mu measures); null without one. */
  actual: z.number().nullable(),
  /** A deadline: the date the project reached the stage (null: not yet). */
  actualDate: z.string().nullable(),
  actualSource: z.enum(ACTUAL_SOURCES).nullable(),
  status: z.enum(COMPLIANCE_STATUSES),
  /** committed − actual when behind (days late for a deadline); null otherwise. */
  gap: z.number().nullable(),
  conflict: z.boolean(),
  isSample: z.boolean(),
  reason: bilingual,
});
export type ComplianceItem = z.infer<typeof complianceItemSchema>;

export const complianceSchema = z.object({
  year: z.number().int(),
  summary: z.object({
    /** Agreements with at least one commitment due in or before the year. */
    agreementsDue: z.number().int(),
    /** Agreements with at least one commitment behind. */
    agreementsBehind: z.number().int(),
    met: z.number().int(),
    behind: z.number().int(),
    notDue: z.number().int(),
    noData: z.number().int(),
    behindByMeasure: z.partialRecord(z.enum(COMMITMENT_MEASURES), z.number().int()),
  }),
  /** One page, behind first, then no data, met, not due; within a status by project code. */
  items: z.array(complianceItemSchema),
  ...pageAnswer,
});
export type Compliance = z.infer<typeof complianceSchema>;

export const muRunBody = z.strictObject({ year });
export type ComplianceQuery = z.infer<typeof complianceQuery>;

export const muConfigSchema = z.object({
  weights: z.object({
    taxPerMu: z.number().min(0).max(100),
    outputPerMu: z.number().min(0).max(100),
    outputPerEnergy: z.number().min(0).max(100),
    rdShare: z.number().min(0).max(100),
  }),
  cap: z.number().min(1).max(5),
  thresholds: z.object({ A: z.number().min(0), B: z.number().min(0), C: z.number().min(0) }),
  minLandMu: z.number().min(0),
  minOutput: z.number().min(0),
});
export type MuConfigDto = z.infer<typeof muConfigSchema>;
export const muConfigBody = muConfigSchema
  .strict()
  .refine((c) => c.thresholds.A > c.thresholds.B && c.thresholds.B > c.thresholds.C, {
    path: ['thresholds'],
    message: 'A above B above C',
  });
export const muConfigAnswerSchema = z.object({
  config: muConfigSchema,
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type MuConfigAnswer = z.infer<typeof muConfigAnswerSchema>;

const indicatorValues = z.object({
  taxPerMu: z.number().nullable(),
  outputPerMu: z.number().nullable(),
  outputPerEnergy: z.number().nullable(),
  rdShare: z.number().nullable(),
});

export const muItemSchema = z.object({
  firmId: z.string(),
  firmName: z.string(),
  /** null: cannot be rated (see reason). */
  class: z.enum(MU_CLASSES).nullable(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousClass: z.enum(MU_CLASSES).nullable(),
  landMu: z.number().nullable(),
  tax: z.number().nullable(),
  output: z.number().nullable(),
  values: indicatorValues,
  scores: indicatorValues,
  reason: bilingual.nullable(),
});
export type MuItem = z.infer<typeof muItemSchema>;

export const muEvaluationSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  isSample: z.boolean(),
  runAt: z.string(),
  runByName: z.string().nullable(),
  config: muConfigSchema,
  /** The zone's averages each indicator is scored against. */
  benchmarks: indicatorValues,
  counts: z.object({
    A: z.number().int(),
    B: z.number().int(),
    C: z.number().int(),
    D: z.number().int(),
    unrated: z.number().int(),
  }),
  /** One page: rated firms by rank, then those that cannot be rated by name. */
  items: z.array(muItemSchema),
  ...pageAnswer,
});
export type MuEvaluation = z.infer<typeof muEvaluationSchema>;
export const muYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const muEvaluationQuery = z.strictObject({
  /** Only firms of this class, or `unrated` (cannot be rated); the counts still count every class. */
  class: z.enum([...MU_CLASSES, 'unrated']).optional(),
  ...paging,
});
export type MuEvaluationQuery = z.infer<typeof muEvaluationQuery>;
