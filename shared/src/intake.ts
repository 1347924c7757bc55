import { z } from 'zod';
import type { Bilingual } from './i18n-message';

/**
 * News intake (资讯录入): enums and limits shared by the server (validation) and the web (forms,
 * labels). The extraction itself is server-only (server/src/modules/intake/extract.ts).
 */
export const INTAKE_LIMITS = {
  /** Largest upload: a newspaper page PDF is 1–5 MB; a Word report with pictures stays under 10 MB. */
  maxFileBytes: 10 * 1024 * 1024,
  /**
   * Longest text read (characters): the extractor's own bound (MAX_INPUT_CHARS). A page is ~10k
   * characters, a long report ~200k; past this the officer is asked to split it.
   */
  maxTextChars: 300_000,
  /** PDF pages read: a long government report has ~100 pages. */
  maxPdfPages: 300,
  /** Decisions in one apply: one page yields a few dozen proposals. */
  maxDecisions: 1000,
} as const;

export const INTAKE_SOURCE_KINDS = ['text', 'txt', 'docx', 'pdf'] as const;
export type IntakeSourceKind = (typeof INTAKE_SOURCE_KINDS)[number];

/** File types the upload accepts (the `accept` of the file picker and the server's check). */
export const INTAKE_FILE_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

export const INTAKE_PROPOSAL_KINDS = [
  'create_firm',
  'create_lead',
  'update_project_stage',
  'update_project_figures',
  'add_signal_tag',
] as const;
export type IntakeProposalKind = (typeof INTAKE_PROPOSAL_KINDS)[number];

export const INTAKE_PROPOSAL_STATUSES = ['proposed', 'dropped', 'applied'] as const;
export type IntakeProposalStatus = (typeof INTAKE_PROPOSAL_STATUSES)[number];

export const INTAKE_STATUSES = ['open', 'applied'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** Signals a news text gives about a firm, and the firm tag each one adds (标签). */
export const SIGNAL_TAGS = {
  capacity_pressure: { zh: '产能紧张', en: 'Capacity pressure' },
  listing: { zh: '上市', en: 'Listing' },
  expansion: { zh: '扩产', en: 'Expansion' },
  financing: { zh: '融资', en: 'Financing' },
} as const satisfies Record<string, Bilingual>;
export type SignalKind = keyof typeof SIGNAL_TAGS;
export const SIGNAL_KINDS = Object.keys(SIGNAL_TAGS) as SignalKind[];

/** What a highlighted span in the review text is; each kind has its own colour in the UI. */
export const HIGHLIGHT_KINDS = [
  'project',
  'firm',
  'person',
  'park',
  'money',
  'capacity',
  'jobs',
  'stage',
  'date',
  'signal',
] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

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
