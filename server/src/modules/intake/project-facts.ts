// What the answer says about each project an article reports: the extractor's project with every
// value's span mapped into the article's text and a confidence, in the shape of the shared schema
// (shared/src/intake.ts), so the review page can show projects the zone does not track as well.

import type { IntakeProject } from '../../../../shared/src/intake';
import type { ExtractedProject, Span } from './types';

/** Maps a span of the raw text into the article's text; null when it lies outside the article. */
export type SpanMapper = (s: Span) => Span | null;

/**
 * Confidence of a value from its distance to the nearest mention of its project: in the same
 * clause (≤ 60 characters) the reading is sure; carried over from further away it is a guess.
 */
function confidenceOf(span: Span, anchors: readonly Span[], base: number): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const a of anchors) {
    const d = span.start >= a.end ? span.start - a.end : a.start >= span.end ? a.start - span.end : 0;
    if (d < gap) gap = d;
  }
  const c = gap <= 60 ? base : gap <= 200 ? base - 0.15 : base - 0.3;
  return Math.round(Math.max(0.1, Math.min(1, c)) * 100) / 100;
}

export function toIntakeProject(p: ExtractedProject, map: SpanMapper): IntakeProject | null {
  const span = map(p.span);
  if (!span) return null;
  const anchors = [p.span, ...p.mentions];
  const fact = <T>(value: T, raw: Span | null | undefined, base = 0.9) => {
    if (!raw) return null;
    const at = map(raw);
    return at ? { value, span: at, confidence: confidenceOf(raw, anchors, base) } : null;
  };
  const stage = p.stage ? fact(p.stage.stage, p.stage.span, 0.85) : null;
  return {
    name: p.name,
    span,
    confidence: p.isAggregate ? 0.8 : 0.9,
    isAggregate: p.isAggregate,
    companies: p.companies.flatMap((c) => fact(c.name, c.span) ?? []),
    investmentCny: p.investment?.yuan != null ? fact(p.investment.yuan, p.investment.span) : null,
    capacity: p.capacity
      ? fact({ asWritten: p.capacity.asWritten, items: p.capacity.items }, p.capacity.span)
      : null,
    jobs: p.jobs ? fact(p.jobs.count, p.jobs.span) : null,
    outputValueCny: p.outputValue?.yuan != null ? fact(p.outputValue.yuan, p.outputValue.span) : null,
    taxCny: p.tax?.yuan != null ? fact(p.tax.yuan, p.tax.span) : null,
    stage: stage && p.stage ? { ...stage, planned: p.stage.planned } : null,
    park: p.park ? fact(p.park.name, p.park.span, 0.8) : null,
    dates: p.dates.flatMap(
      (d) =>
        fact(
          { date: d.date, event: d.event ?? d.stage, planned: d.planned, asWritten: d.asWritten },
          d.span,
          0.8,
        ) ?? [],
    ),
  };
}
