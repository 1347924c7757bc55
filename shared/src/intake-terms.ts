import type { Bilingual } from './i18n-message';

/**
 * News intake (资讯录入): enums and limits shared by the server (validation) and the web (forms,
 * labels), apart from the schemas in intake.ts so that the web's pages import no zod: zod probes
 * `new Function` on first use, which the app's CSP (no eval) reports as a violation.
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
