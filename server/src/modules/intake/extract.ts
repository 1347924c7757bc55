// Public entry points of the rule-based extractor: one article, or a whole newspaper page split into
// articles first. Pure and synchronous; `ruleExtractor` wraps them behind the `Extractor` interface so
// a model-based extractor can replace it without touching callers.

import { splitArticles } from './article-splitter';
import { assemble } from './assemble';
import { buildCleanText, type CleanText, sentenceAt, startingIn, toOriginal } from './clean-text';
import { extractEnglishArticle, isEnglish } from './english-extractor';
import { findFirmMentions } from './entity-extractor';
import { clusterFirms } from './firm-clusters';
import { toDateFact, toExtractedProject } from './project-builder';
import { findSignals } from './stage-signal';
import { toSimplified } from './traditional';
import type {
  ArticleExtraction,
  ExtractedFirm,
  ExtractedSignal,
  ExtractOptions,
  Extractor,
  PageExtraction,
  Span,
} from './types';

/**
 * Largest input read, in characters. A newspaper page is ~10k characters; a long report ~200k. Beyond
 * this the rest is ignored (with a warning) so one paste cannot hold the process for long.
 */
export const MAX_INPUT_CHARS = 300_000;

/** Characters that make text binary junk rather than prose (NUL, other C0 controls, U+FFFD). */
function isJunk(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd;
}

/** Replaces control characters with spaces (same length, so offsets stay valid) and bounds the length. */
function sanitise(input: unknown): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let text = typeof input === 'string' ? input : '';
  if (typeof input !== 'string') warnings.push('input is not text');
  if (text.length > MAX_INPUT_CHARS) {
    warnings.push(`input cut to the first ${MAX_INPUT_CHARS} characters`);
    text = text.slice(0, MAX_INPUT_CHARS);
  }
  let junk = 0;
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) {
    if (isJunk(text.charCodeAt(i))) {
      chars[i] = ' ';
      junk++;
    }
  }
  if (junk > 0) text = chars.join('');
  if (junk > 0 && junk > text.length / 20)
    warnings.push('input looks binary or wrongly decoded (many control characters)');
  return { text, warnings };
}

function emptyArticle(spans: Span[]): ArticleExtraction {
  return {
    title: null,
    byline: null,
    dateline: null,
    spans,
    projects: [],
    firms: [],
    people: [],
    parks: [],
    signals: [],
    figures: [],
  };
}

/** Extracts one article given as ranges of `src` (several when a page's text is out of order). */
function extractRanges(src: string, ranges: Span[], opts: ExtractOptions): ArticleExtraction {
  const clean: CleanText = buildCleanText(src, ranges);
  if (clean.text.trim() === '') return emptyArticle(ranges);
  if (isEnglish(clean.text)) return extractEnglishArticle(src, ranges, opts);
  const span = (x: { start: number; end: number }) => toOriginal(clean, x.start, x.end);
  const firmMentions = findFirmMentions(clean.text, opts.knownFirms ?? []);
  const { clusters, clusterOf } = clusterFirms(firmMentions);
  const a = assemble({ clean, firms: firmMentions, clusterOf, articleDate: opts.articleDate });

  const firms: ExtractedFirm[] = clusters.map((c) => ({
    name: c.name,
    aliases: [...c.aliases].filter((x) => x !== c.name),
    legalName: c.legal,
    knownId: c.knownId,
    source: c.source,
    spans: c.mentions.map(span),
  }));

  const signals: ExtractedSignal[] = [];
  for (const sig of findSignals(clean.text)) {
    const si = sentenceAt(a.sentences, sig.start);
    const sent = a.sentences[si];
    if (!sent) continue;
    const inSentence = startingIn(firmMentions, sent.start, sent.end);
    const before = inSentence.filter((f) => f.start < sig.start);
    // The firm is named in the sentence, or it is the firm the text was just talking about.
    const recent = startingIn(firmMentions, sig.start - 260, sig.start)
      .reverse()
      .find((f) => f.end <= sig.start && sig.start - f.end <= 200);
    const firm = before[before.length - 1] ?? inSentence[0] ?? recent;
    const project = a.sentenceProject.get(si);
    if (!firm && !project) continue;
    const date = startingIn(a.dates, sent.start, sent.end)[0];
    signals.push({
      kind: sig.kind,
      keyword: sig.keyword,
      firm: firm ? (clusterOf(firm)?.name ?? firm.name) : (project?.companies.keys().next().value ?? null),
      date: date ? toDateFact(clean, { tok: date, stage: null, event: sig.keyword, planned: false }) : null,
      sentence: clean.text.slice(sent.start, sent.end),
      span: span(sig),
    });
  }

  return {
    title: null,
    byline: null,
    dateline: null,
    spans: ranges,
    projects: a.projects.map((b) => toExtractedProject(clean, b)),
    firms,
    people: a.people.map((p) => ({
      name: p.name,
      title: p.title,
      organisation: p.organisation,
      span: span(p),
    })),
    parks: dedupeParks(a.parks.map((p) => ({ name: p.name, span: span(p) }))),
    signals,
    figures: a.money.map((m) => {
      const sent = a.sentences[sentenceAt(a.sentences, m.start)];
      const subject = sent ? startingIn(firmMentions, sent.start, m.start).pop() : undefined;
      const cny = m.currency === 'CNY';
      return {
        yuan: cny ? Math.round(m.amount) : null,
        maxYuan: cny && m.max !== null ? Math.round(m.max) : null,
        amount: m.amount,
        currency: m.currency,
        qualifier: m.qualifier,
        asWritten: m.text,
        span: span(m),
        role: m.role,
        growth: m.growth
          ? {
              value: m.growth.value,
              qualifier: m.growth.qualifier,
              asWritten: m.growth.text,
              span: span(m.growth),
            }
          : null,
        subject: subject ? (clusterOf(subject)?.name ?? subject.name) : null,
      };
    }),
  };
}

function dedupeParks(parks: Array<{ name: string; span: Span }>): Array<{ name: string; span: Span }> {
  const seen = new Set<string>();
  return parks.filter((p) => {
    if (seen.has(p.name)) return false;
    seen.add(p.name);
    return true;
  });
}

/**
 * Extracts projects, firms, people, parks, signals and money figures from one article's text.
 * Never throws: junk input gives an empty result. Spans are offsets into `text`.
 */
export function extractArticle(text: string, opts: ExtractOptions = {}): ArticleExtraction {
  try {
    const safe = toSimplified(sanitise(text).text).text;
    const split = splitArticles(safe);
    const head = split[0];
    const result = extractRanges(safe, [{ start: 0, end: safe.length }], opts);
    // A single pasted article often starts with its headline; report it without re-reading the body.
    if (head?.title && head.titleSpans[0]?.start === safe.search(/\S/)) result.title = head.title;
    result.byline = split.find((a) => a.byline)?.byline ?? null;
    result.dateline = split.find((a) => a.dateline)?.dateline ?? null;
    return result;
  } catch {
    // The rules are written not to throw; this keeps a bug on odd input from taking a request down.
    return emptyArticle([]);
  }
}

/** Splits a page into articles and extracts each. Spans are offsets into `text`. */
export function extractPage(text: string, opts: ExtractOptions = {}): PageExtraction {
  const sanitised = sanitise(text);
  const warnings = sanitised.warnings;
  // Traditional characters are read through their simplified form, offset for offset.
  const simplified = toSimplified(sanitised.text);
  if (simplified.warning) warnings.push(simplified.warning);
  const safe = simplified.text;
  const articles: ArticleExtraction[] = [];
  try {
    for (const a of splitArticles(safe)) {
      const body = a.bodySpans.length > 0 ? extractRanges(safe, a.bodySpans, opts) : emptyArticle([]);
      articles.push({ ...body, title: a.title, byline: a.byline, dateline: a.dateline, spans: a.spans });
    }
  } catch {
    warnings.push('extraction failed on this input; nothing was extracted');
    return { articles: [], warnings };
  }
  if (safe.trim() === '') warnings.push('input is empty');
  else warnings.push(...unreadableWhy(safe, articles));
  return { articles, warnings };
}

/** Why a text gave nothing, so an officer is not left with an empty page and no word. */
function unreadableWhy(text: string, articles: readonly ArticleExtraction[]): string[] {
  if (articles.some((a) => a.projects.length > 0)) return [];
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (cjk < 10 && !isEnglish(text)) {
    return [
      latin > 0
        ? 'no project found: the text is neither Chinese nor English prose the extractor reads'
        : 'no project found: the text has no Chinese or English words',
    ];
  }
  return ['no project found: the text names no project (…项目, a plant or park being built) with figures'];
}

/** The rule-based extractor behind the common interface. */
export const ruleExtractor: Extractor = {
  id: 'rules-v1',
  extractPage: async (text, opts) => extractPage(text, opts),
  extractArticle: async (text, opts) => extractArticle(text, opts),
};
