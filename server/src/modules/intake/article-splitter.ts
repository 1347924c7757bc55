// Splits a newspaper page's extracted text into articles. PDF text of a page comes in column order, not
// reading order: a headline often follows its article's body, and a jump line (（下转第8版）) ends a
// fragment. The splitter works on lines and short "head blocks" (≤3 short lines without sentence
// punctuation) and decides per page whether headlines trail their bodies: they do when a head block
// comes right after a jump line, which is where a column ends and the next story's headline sits.

import type { Span } from './types';

export interface SplitArticle {
  title: string | null;
  titleSpans: Span[];
  byline: string | null;
  bylineSpans: Span[];
  /** 本报讯 / 新华社…电 line that opens the body. */
  dateline: string | null;
  /** Section label above the article (编者按, 短评). */
  kicker: string | null;
  /** Body text ranges in page order, including subheads. */
  bodySpans: Span[];
  /** 下转第8版: the article continues on another page. */
  jumpTo: string | null;
  /** 上接第1版: this fragment continues an article from another page. */
  continuedFrom: string | null;
  /** Every range that belongs to this article, sorted. */
  spans: Span[];
}

type UnitKind = 'head' | 'body' | 'byline' | 'dateline' | 'label' | 'jumpOut' | 'jumpIn' | 'break';

interface Unit {
  kind: UnitKind;
  spans: Span[];
  text: string;
}

const JUMP_RE = /[（(]\s*(?:下\s*转|转|上\s*接|接)\s*第?\s*[\d一二三四五六七八九十]+\s*版\s*[)）]/g;
const BYLINE_RE = /^\s*(?:■|▲|◆|●|□)|^\s*本\s*报\s*(?:记\s*者|通\s*讯\s*员|评\s*论\s*员|特\s*约)/;
const DATELINE_RE =
  /^\s*(?:本\s*报\s*讯|新\s*华\s*社|中\s*新\s*社|人\s*民\s*网|央\s*视\s*网|新\s*华\s*网|[^\s，。]{2,8}?讯\s*[（(])/;
const LABEL_RE = /^\s*(?:编\s*者\s*按|短\s*评|社\s*论|评\s*论|编\s*后|链\s*接|相关\s*新闻)\s*$/;
const SENTENCE_PUNCT = /[，。；！？,;!?]/;

function compact(s: string): string {
  return s.replace(/\s+/g, (ws, offset: number, all: string) => {
    const prev = all[offset - 1] ?? '';
    const next = all[offset + ws.length] ?? '';
    return /[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next) ? ' ' : '';
  });
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Lines with offsets; a jump marker inside a line splits it so the marker is a line of its own. */
function toLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    let cut = 0;
    JUMP_RE.lastIndex = 0;
    let m: RegExpExecArray | null = JUMP_RE.exec(line);
    while (m !== null) {
      if (m.index > cut)
        out.push({ start: lineStart + cut, end: lineStart + m.index, text: line.slice(cut, m.index) });
      out.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, text: m[0] });
      cut = m.index + m[0].length;
      m = JUMP_RE.exec(line);
    }
    if (cut < line.length || line.length === 0) {
      out.push({ start: lineStart + cut, end: lineStart + line.length, text: line.slice(cut) });
    }
  }
  return out;
}

function lineKind(text: string): UnitKind | 'text' | 'blank' {
  const t = text.trim();
  if (t === '') return 'blank';
  JUMP_RE.lastIndex = 0;
  const jump = JUMP_RE.exec(t);
  if (jump && jump.index === 0 && jump[0].length === t.length)
    return /上\s*接|^[（(]\s*接/.test(t) ? 'jumpIn' : 'jumpOut';
  if (LABEL_RE.test(t)) return 'label';
  if (BYLINE_RE.test(t)) return 'byline';
  if (DATELINE_RE.test(t)) return 'dateline';
  if (t.length <= 40 && !/[。；！？]/.test(t) && /记\s*者|通\s*讯\s*员|文\s*\/\s*图|摄影/.test(t))
    return 'byline';
  return 'text';
}

function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let block: Line[] = [];
  let blockIsDateline = false;
  const flush = () => {
    if (block.length === 0) return;
    const body = block.map((l) => l.text.trim()).join('');
    const head =
      !blockIsDateline &&
      block.length <= 3 &&
      block.every((l) => l.text.trim().length <= 40) &&
      !SENTENCE_PUNCT.test(body);
    units.push({
      kind: blockIsDateline ? 'dateline' : head ? 'head' : 'body',
      spans: block.map((l) => ({ start: l.start, end: l.end })),
      text: block.map((l) => l.text).join('\n'),
    });
    block = [];
    blockIsDateline = false;
  };
  let blanks = 0;
  for (const line of toLines(text)) {
    const kind = lineKind(line.text);
    if (kind === 'blank') {
      flush();
      // Two or more empty lines in a row separate pasted articles (a page's paragraphs have one).
      if (++blanks === 2) units.push({ kind: 'break', spans: [], text: '' });
      continue;
    }
    blanks = 0;
    if (kind === 'text') block.push(line);
    else if (kind === 'dateline') {
      flush();
      block.push(line);
      blockIsDateline = true;
    } else {
      flush();
      units.push({ kind, spans: [{ start: line.start, end: line.end }], text: line.text });
    }
  }
  flush();
  return units;
}

interface Draft {
  title: Unit[];
  byline: Unit[];
  dateline: Unit | null;
  kicker: Unit | null;
  body: Unit[];
  jumpTo: Unit | null;
  continuedFrom: Unit | null;
  closed: boolean;
}

const newDraft = (): Draft => ({
  title: [],
  byline: [],
  dateline: null,
  kicker: null,
  body: [],
  jumpTo: null,
  continuedFrom: null,
  closed: false,
});

function isEmpty(d: Draft): boolean {
  return d.title.length + d.byline.length + d.body.length === 0 && !d.kicker && !d.continuedFrom;
}

/** Splits page text into articles. Never throws; an empty or junk input gives zero or one article. */
export function splitArticles(text: string): SplitArticle[] {
  const units = toUnits(text);
  // Headlines trail their bodies on this page if a head block sits right after a jump line.
  const trailing = units.some((u, i) => u.kind === 'head' && units[i - 1]?.kind === 'jumpOut');
  const drafts: Draft[] = [];
  let cur = newDraft();
  const startNew = () => {
    if (!isEmpty(cur)) drafts.push(cur);
    cur = newDraft();
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const hasBody = cur.body.length > 0;
    switch (u.kind) {
      case 'break':
        startNew();
        break;
      case 'jumpOut':
        cur.body.push(u);
        cur.jumpTo = u;
        cur.closed = true;
        break;
      case 'jumpIn':
        startNew();
        cur.continuedFrom = u;
        break;
      case 'label':
        startNew();
        cur.kicker = u;
        break;
      case 'byline':
        if (cur.closed && !(trailing && units[i - 1]?.kind === 'head' && cur.title.length > 0)) startNew();
        else if (hasBody && !cur.closed) startNew();
        cur.byline.push(u);
        break;
      case 'dateline':
        if (hasBody || cur.closed || (trailing && cur.title.length > 0)) startNew();
        cur.dateline = u;
        cur.body.push(u);
        break;
      case 'head': {
        // Consecutive head blocks (main title, subtitle) travel together.
        let j = i + 1;
        while (units[j]?.kind === 'head') j++;
        const group = units.slice(i, j);
        const next = units[j]?.kind ?? 'end';
        i = j - 1;
        if (hasBody && !cur.closed && next === 'body') cur.body.push(...group);
        else if ((hasBody || cur.closed) && trailing && cur.title.length === 0) cur.title.push(...group);
        else if (hasBody || cur.closed || (cur.title.length > 0 && cur.byline.length > 0)) {
          startNew();
          cur.title.push(...group);
        } else cur.title.push(...group);
        break;
      }
      case 'body':
        if (cur.closed) startNew();
        cur.body.push(u);
        break;
    }
  }
  startNew();
  return drafts.map(toArticle);
}

function toArticle(d: Draft): SplitArticle {
  const spansOf = (us: Unit[]) => us.flatMap((u) => u.spans);
  const textOf = (us: Unit[]) =>
    us.length === 0
      ? null
      : us
          .map((u) => u.text.split('\n').map(compact).join(''))
          .join(' ')
          .trim() || null;
  const bodySpans = spansOf(d.body.filter((u) => u.kind !== 'jumpOut'));
  const all = [
    ...spansOf(d.title),
    ...spansOf(d.byline),
    ...(d.kicker ? d.kicker.spans : []),
    ...(d.continuedFrom ? d.continuedFrom.spans : []),
    ...spansOf(d.body),
  ].sort((a, b) => a.start - b.start);
  return {
    title: textOf(d.title),
    titleSpans: spansOf(d.title),
    byline: textOf(d.byline),
    bylineSpans: spansOf(d.byline),
    dateline: d.dateline
      ? (/^[^，,。]{0,40}/.exec(compact(d.dateline.text.split('\n')[0] ?? ''))?.[0] ?? null)
      : null,
    kicker: d.kicker ? compact(d.kicker.text) : null,
    bodySpans: mergeSpans(bodySpans),
    jumpTo: d.jumpTo ? compact(d.jumpTo.text) : null,
    continuedFrom: d.continuedFrom ? compact(d.continuedFrom.text) : null,
    spans: mergeSpans(all),
  };
}

/** Merges ranges that touch or are separated only by a line break. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end + 2) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
