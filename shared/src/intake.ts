import { z } from 'zod';

/**
 * News intake (资讯录入): the enums and limits (intake-terms.ts) and the schemas of what the intake
 * reads. The extraction itself is server-only (server/src/modules/intake/extract.ts).
 */
export * from './intake-terms';

/** Project fields a figures proposal may set (a subset of the project form). */
export const INTAKE_PROJECT_FIELDS = [
  'totalInvestment',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'capacityQuantity',
  'capacityUnit',
  'capacityProduct',
  'park',
  'contactName',
] as const;
export type IntakeProjectField = (typeof INTAKE_PROJECT_FIELDS)[number];

/** Stages the extractor reads from news, in the order a project moves through them. */
export const NEWS_STAGES = [
  '在谈',
  '签约',
  '开工',
  '在建',
  '主体完工',
  '竣工验收',
  '设备调试',
  '试生产',
  '投产',
  '达产',
] as const;
export type NewsStage = (typeof NEWS_STAGES)[number];

/** Half-open range of characters of the article's `text` a value was read from. */
export const intakeSpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/**
 * A value read from the text, where it was read, and how sure the reader is (0–1): a figure in the
 * sentence that names the project is surer than one carried over from an earlier sentence.
 */
function fact<T extends z.ZodType>(value: T) {
  return z.object({ value, span: intakeSpanSchema, confidence: z.number().min(0).max(1) });
}

export const intakeCapacitySchema = z.object({
  asWritten: z.string(),
  items: z.array(z.object({ value: z.number(), unit: z.string(), product: z.string().nullable() })),
});

export const intakeDateSchema = z.object({
  /** 2024-08-15, 2024-08, 2024-Q4, 2025-H1, 2024; null when the text gives no readable date. */
  date: z.string().nullable(),
  event: z.string().nullable(),
  planned: z.boolean(),
  asWritten: z.string(),
});

/**
 * One project an article reports (tracked by the zone or not), with every figure it states. Money in
 * integer yuan; null when the article does not state it (or states it in another currency).
 */
export const intakeProjectSchema = z.object({
  name: z.string(),
  span: intakeSpanSchema,
  confidence: z.number().min(0).max(1),
  /** Totals for a batch (…等96个项目，总投资645亿元), not one project. */
  isAggregate: z.boolean(),
  companies: z.array(fact(z.string())),
  investmentCny: fact(z.number()).nullable(),
  capacity: fact(intakeCapacitySchema).nullable(),
  jobs: fact(z.number().int()).nullable(),
  outputValueCny: fact(z.number()).nullable(),
  taxCny: fact(z.number()).nullable(),
  stage: fact(z.enum(NEWS_STAGES)).extend({ planned: z.boolean() }).nullable(),
  park: fact(z.string()).nullable(),
  dates: z.array(fact(intakeDateSchema)),
});
export type IntakeProject = z.infer<typeof intakeProjectSchema>;

/** The first import of an article pasted again (same text after normalising spacing and punctuation). */
export const intakeDuplicateSchema = z.object({
  intakeId: z.string(),
  articleId: z.string(),
  title: z.string().nullable(),
  importedAt: z.string(),
});
export type IntakeDuplicate = z.infer<typeof intakeDuplicateSchema>;

/** Why a value stands in a record after apply (provenance per value). */
export const INTAKE_VALUE_BASES = ['news_estimate', 'news', 'officer_edit', 'officer_clear'] as const;
export const intakeAppliedValueSchema = z.object({
  field: z.string(),
  value: z.unknown(),
  /** Range of intake.raw_text the value was read from; null for an officer's edit without one. */
  span: intakeSpanSchema.nullable(),
  basis: z.enum(INTAKE_VALUE_BASES),
});
export type IntakeAppliedValue = z.infer<typeof intakeAppliedValueSchema>;
