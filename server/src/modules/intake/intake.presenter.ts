import type {
  Highlight,
  Intake,
  IntakeArticle,
  IntakeListItem,
  IntakeProposal,
  ProvenanceItem,
  Touched,
} from '../../../../shared/src/contract/intake';
import type { HighlightKind, IntakeAppliedValue } from '../../../../shared/src/intake';
import type { IntakeArticleTable, IntakeProposalTable, IntakeTable } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import type { IntakeListRow, ProvenanceRow } from './intake.repository';
import type { EarlierArticleRow } from './intake-links.repository';
import { toIntakeProject } from './project-facts';
import type { ArticleExtraction, Span } from './types';

/** Rows → API objects for the intake routes (rows never leave the service). */

// The contract (shared/src/contract/intake.ts): what an intake, its articles and proposals look like.
export type IntakeDto = Intake;
export type IntakeProposalDto = IntakeProposal;
export type ProvenanceDto = ProvenanceItem;
export type { Touched };

/** Separator between the ranges of an out-of-order article when its text is shown as one. */
export const ARTICLE_GAP = '\n\n';

/** Maps a range of the intake's raw text into the article's joined text (null when outside it). */
export function toArticleOffsets(spans: readonly Span[], s: Span): Span | null {
  let base = 0;
  for (const r of spans) {
    if (s.start < r.end && s.end > r.start) {
      const start = Math.max(s.start, r.start) - r.start + base;
      const end = Math.min(s.end, r.end) - r.start + base;
      return end > start ? { start, end } : null;
    }
    base += r.end - r.start + ARTICLE_GAP.length;
  }
  return null;
}

/** Everything the extractor found in an article, as highlight ranges of the raw text. */
export function rawHighlights(a: ArticleExtraction): Array<Span & { kind: HighlightKind; label: string }> {
  const out: Array<Span & { kind: HighlightKind; label: string }> = [];
  const add = (span: Span | null | undefined, kind: HighlightKind, label: string) => {
    if (span && span.end > span.start) out.push({ start: span.start, end: span.end, kind, label });
  };
  for (const p of a.projects) {
    add(p.span, 'project', p.name);
    for (const m of p.mentions) add(m, 'project', p.name);
    add(p.capacity?.span, 'capacity', p.capacity?.asWritten ?? '');
    add(p.jobs?.span, 'jobs', p.jobs?.asWritten ?? '');
    for (const s of p.stages) add(s.span, 'stage', `${s.stage}${s.planned ? '（计划）' : ''}`);
    for (const d of p.dates) add(d.span, 'date', d.date ?? d.asWritten);
    for (const c of p.contacts) add(c.span, 'person', c.name);
    add(p.park?.span, 'park', p.park?.name ?? '');
  }
  for (const f of a.firms) for (const s of f.spans) add(s, 'firm', f.name);
  for (const p of a.people) add(p.span, 'person', `${p.name} ${p.title}`.trim());
  for (const p of a.parks) add(p.span, 'park', p.name);
  for (const s of a.signals) add(s.span, 'signal', s.keyword);
  for (const m of a.figures) {
    add(m.span, 'money', `${m.asWritten}（${m.role}）`);
    add(m.growth?.span, 'money', m.growth?.asWritten ?? '');
  }
  return out;
}

/** What the rows alone do not say, loaded by the service. */
export interface PresentContext {
  earlier: ReadonlyMap<string, EarlierArticleRow>;
  firmNames: ReadonlyMap<string, string>;
}

const NO_CONTEXT: PresentContext = { earlier: new Map(), firmNames: new Map() };

export function presentArticle(row: IntakeArticleTable, context: PresentContext = NO_CONTEXT): IntakeArticle {
  const spans = parseJsonArray<Span>(row.spans_json);
  const extraction = JSON.parse(row.extraction_json) as ArticleExtraction;
  const seen = new Set<string>();
  const highlights: Highlight[] = [];
  for (const h of rawHighlights(extraction)) {
    const at = toArticleOffsets(spans, h);
    if (!at) continue;
    const key = `${at.start}:${at.end}:${h.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    highlights.push({ ...at, kind: h.kind, label: h.label });
  }
  highlights.sort((a, b) => a.start - b.start || b.end - a.end);
  const earlier = row.duplicate_of ? context.earlier.get(row.duplicate_of) : undefined;
  return {
    id: row.id,
    position: Number(row.position),
    title: row.title,
    byline: row.byline,
    dateline: row.dateline,
    text: row.text,
    highlights,
    matches: parseJsonArray(row.matches_json),
    projects: extraction.projects.flatMap((p) => toIntakeProject(p, (x) => toArticleOffsets(spans, x)) ?? []),
    duplicateOf: earlier
      ? {
          intakeId: earlier.intake_id,
          articleId: earlier.article_id,
          title: earlier.title,
          importedAt: earlier.created_at,
        }
      : null,
    counts: {
      projects: extraction.projects.length,
      firms: extraction.firms.length,
      people: extraction.people.length,
      signals: extraction.signals.length,
      figures: extraction.figures.length,
    },
  };
}

export function presentProposal(
  row: IntakeProposalTable,
  article: IntakeArticleTable | undefined,
  context: PresentContext = NO_CONTEXT,
): IntakeProposalDto {
  const articleSpans = article ? parseJsonArray<Span>(article.spans_json) : [];
  const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
  const names: Record<string, string> = {};
  const firmId = payload.targetFirmId;
  if (typeof firmId === 'string') {
    const name = context.firmNames.get(firmId);
    if (name) names[firmId] = name;
  }
  const fieldHighlights: Record<string, Span> = {};
  for (const [field, s] of Object.entries(JSON.parse(row.field_spans_json || '{}') as Record<string, Span>)) {
    const at = toArticleOffsets(articleSpans, s);
    if (at) fieldHighlights[field] = at;
  }
  return {
    id: row.id,
    position: Number(row.position),
    articleId: row.article_id,
    kind: row.kind as IntakeProposalDto['kind'],
    targetEntity: row.target_entity as IntakeProposalDto['targetEntity'],
    targetId: row.target_id,
    title: row.title,
    payload,
    current: row.current_json ? (JSON.parse(row.current_json) as Record<string, unknown>) : null,
    highlights: parseJsonArray<Span>(row.spans_json)
      .map((s) => toArticleOffsets(articleSpans, s))
      .filter((s): s is Span => s !== null),
    fieldHighlights,
    names,
    dependsOn: row.depends_on,
    match: row.match_json ? (JSON.parse(row.match_json) as IntakeProposalDto['match']) : null,
    status: row.status as IntakeProposalDto['status'],
    resultId: row.result_id,
    appliedAt: row.applied_at,
  };
}

export function presentIntake(
  row: IntakeTable,
  articles: IntakeArticleTable[],
  proposals: IntakeProposalTable[],
  context: PresentContext = NO_CONTEXT,
): IntakeDto {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    id: row.id,
    sourceKind: row.source_kind as IntakeDto['sourceKind'],
    fileName: row.file_name,
    articleDate: row.article_date,
    encoding: row.encoding,
    extractor: row.extractor,
    warnings: parseJsonArray<string>(row.warnings_json),
    status: row.status as IntakeDto['status'],
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    appliedAt: row.applied_at,
    appliedByName: row.applied_by_name,
    articles: articles.map((a) => presentArticle(a, context)),
    proposals: proposals.map((p) => presentProposal(p, byId.get(p.article_id), context)),
  };
}

export function presentListItem(r: IntakeListRow): IntakeListItem {
  return {
    id: r.id,
    title: r.first_title,
    sourceKind: r.source_kind as IntakeDto['sourceKind'],
    fileName: r.file_name,
    articleDate: r.article_date,
    status: r.status as IntakeDto['status'],
    articleCount: r.article_count,
    proposalCount: r.proposal_count,
    appliedCount: r.applied_count,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    appliedAt: r.applied_at,
  };
}

export function presentProvenance(r: ProvenanceRow): ProvenanceDto {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    intakeId: r.intake_id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    articleDate: r.article_date,
    sourceKind: r.source_kind as ProvenanceDto['sourceKind'],
    fileName: r.file_name,
    action: r.action,
    fields: parseJsonArray<string>(r.fields_json),
    values: parseJsonArray<IntakeAppliedValue>(r.values_json),
    proposalKind: r.proposal_kind as ProvenanceDto['proposalKind'],
    proposalTitle: r.proposal_title,
    appliedAt: r.applied_at,
    appliedByName: r.applied_by_name,
  };
}
