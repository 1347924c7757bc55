import { z } from 'zod';
import {
  HIGHLIGHT_KINDS,
  INTAKE_PROPOSAL_KINDS,
  INTAKE_PROPOSAL_STATUSES,
  INTAKE_SOURCE_KINDS,
  INTAKE_STATUSES,
  intakeAppliedValueSchema,
  intakeDuplicateSchema,
  intakeProjectSchema,
  intakeSpanSchema,
} from '../intake';

/** News intake (资讯录入): what the API answers — an intake, its articles and proposals, provenance. */

export const highlightSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(HIGHLIGHT_KINDS),
  label: z.string(),
});
export type Highlight = z.infer<typeof highlightSchema>;

export const intakeArticleSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: z.string().nullable(),
  /** The article's text (its ranges of the input, joined by a blank line); highlights index into it. */
  text: z.string(),
  highlights: z.array(highlightSchema),
  /** Names the article uses that were recognised as the zone's firms and projects. */
  matches: z.array(
    z.object({
      kind: z.enum(['firm', 'project']),
      name: z.string(),
      recordId: z.string(),
      recordName: z.string(),
      score: z.number(),
    }),
  ),
  /** Every project the article reports, tracked by the zone or not, with its figures. */
  projects: z.array(intakeProjectSchema),
  /** The first import of this same article (normalised-text hash), when it was imported before. */
  duplicateOf: intakeDuplicateSchema.nullable(),
  counts: z.object({
    projects: z.number().int(),
    firms: z.number().int(),
    people: z.number().int(),
    signals: z.number().int(),
    figures: z.number().int(),
  }),
});
export type IntakeArticle = z.infer<typeof intakeArticleSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const intakeProposalSchema = z.object({
  id: z.string(),
  /** 1-based number within the intake (#n in messages and test ids). */
  position: z.number().int(),
  articleId: z.string(),
  kind: z.enum(INTAKE_PROPOSAL_KINDS),
  targetEntity: z.enum(['firm', 'lead', 'project']),
  /** The record changed; null when the proposal creates one. */
  targetId: z.string().nullable(),
  title: z.string(),
  payload: jsonObject,
  /** The record's values when proposed (side by side with `payload`); null for creates. */
  current: jsonObject.nullable(),
  /** The evidence, as ranges of the article's `text`. */
  highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  /** Where each proposed field was read, as a range of the article's `text`. */
  fieldHighlights: z.record(z.string(), intakeSpanSchema),
  /** Names of the records the payload refers to by id (targetFirmId → the firm's name). */
  names: z.record(z.string(), z.string()),
  dependsOn: z.string().nullable(),
  match: z.object({ score: z.number(), reasons: z.array(z.string()), name: z.string() }).nullable(),
  status: z.enum(INTAKE_PROPOSAL_STATUSES),
  resultId: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type IntakeProposal = z.infer<typeof intakeProposalSchema>;

export const intakeSchema = z.object({
  id: z.string(),
  sourceKind: z.enum(INTAKE_SOURCE_KINDS),
  fileName: z.string().nullable(),
  articleDate: z.string().nullable(),
  encoding: z.string().nullable(),
  extractor: z.string(),
  warnings: z.array(z.string()),
  status: z.enum(INTAKE_STATUSES),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  appliedByName: z.string().nullable(),
  articles: z.array(intakeArticleSchema),
  proposals: z.array(intakeProposalSchema),
});
export type Intake = z.infer<typeof intakeSchema>;

export const intakeListItemSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  sourceKind: z.enum(INTAKE_SOURCE_KINDS),
  fileName: z.string().nullable(),
  articleDate: z.string().nullable(),
  status: z.enum(INTAKE_STATUSES),
  articleCount: z.number().int(),
  proposalCount: z.number().int(),
  appliedCount: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
});
export type IntakeListItem = z.infer<typeof intakeListItemSchema>;

export const touchedSchema = z.object({
  entity: z.enum(['firm', 'lead', 'project']),
  id: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'stage', 'tag']),
  proposalId: z.string(),
});
export type Touched = z.infer<typeof touchedSchema>;

export const applyResultSchema = z.object({ intake: intakeSchema, touched: z.array(touchedSchema) });
export type ApplyResult = z.infer<typeof applyResultSchema>;

export const provenanceSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  intakeId: z.string(),
  articleId: z.string(),
  articleTitle: z.string().nullable(),
  articleDate: z.string().nullable(),
  sourceKind: z.enum(INTAKE_SOURCE_KINDS),
  fileName: z.string().nullable(),
  action: z.string(),
  fields: z.array(z.string()),
  /** Each value applied, with its span in the intake's text and its basis (news_estimate …). */
  values: z.array(intakeAppliedValueSchema),
  proposalKind: z.enum(INTAKE_PROPOSAL_KINDS),
  proposalTitle: z.string(),
  appliedAt: z.string(),
  appliedByName: z.string().nullable(),
});
export type ProvenanceItem = z.infer<typeof provenanceSchema>;
export const provenanceListSchema = z.object({ items: z.array(provenanceSchema) });

/** One decision on a proposal in an apply. */
export const intakeDecisionSchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  action: z.enum(['accept', 'drop']),
  /** The officer's edit of the proposal's payload; checked like the matching form. */
  payload: z.record(z.string(), z.unknown()).optional(),
});
export type Decision = z.input<typeof intakeDecisionSchema>;
