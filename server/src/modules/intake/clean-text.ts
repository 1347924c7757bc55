// Text extracted from a newspaper page wraps lines at the column width, so a firm name can be cut in
// two ("瀚\n洋重工") and figures can be spaced out ("8 月\n26日"). Rules run on a cleaned copy where such
// breaks are removed; `map` turns every cleaned offset back into an offset of the original input.

import type { Span } from './types';

export interface CleanText {
  text: string;
  /** map[i] = offset in the original text of cleaned character i. */
  map: number[];
}

/** Sentence ends: a paragraph mark (\n) is kept only where the original had a real paragraph break. */
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', '…']);
const CLOSERS = new Set(['”', '」', '』', '）', ')', '"']);
const PUNCT_RE = /[，。；！？,;!?]/;

function isCjkOrDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 48 && c <= 57)
  );
}

/** True for an ideograph or a full-width punctuation mark (the text around it is Chinese). */
function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && isCjkOrDigit(ch) && !/\d/.test(ch);
}

/** Full-width digits, letters and ％ become ASCII so one regex serves both; the length stays 1:1. */
function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if (
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    c === 0xff05
  ) {
    return String.fromCharCode(c - 0xfee0);
  }
  if (ch === '．' || ch === '﹒') return '.';
  if (ch === '\u00a0' || ch === '\u3000') return ' ';
  return ch;
}

/** A parenthesised pinyin syllable with a tone mark: "(xiàng)", "(zhì)", "(lǜ)", "(chuàng )" (a space before the close). */
const PINYIN_DEBRIS = /^\((?=[a-z\u00e0-\u01dc]*[\u00e0-\u00fc\u0101-\u01dc])[a-z\u00e0-\u01dc]{1,7} ?\)/;

/** Length of the pinyin debris starting at `at` ("(xiàng)"), or 0. */
function pinyinDebrisAt(src: string, at: number): number {
  return PINYIN_DEBRIS.exec(src.slice(at, at + 11))?.[0].length ?? 0;
}

function lastNonSpace(out: string[]): string | undefined {
  for (let i = out.length - 1; i >= 0; i--) {
    const ch = out[i];
    if (ch !== ' ' && ch !== '\n') return ch;
  }
  return undefined;
}

function endsSentence(out: string[]): boolean {
  let i = out.length - 1;
  while (i >= 0 && CLOSERS.has(out[i] ?? '')) i--;
  return i >= 0 && TERMINAL.has(out[i] ?? '');
}

/**
 * Cleans the given ranges of `src` and concatenates them (a paragraph mark between ranges).
 * Single line breaks are column wraps and vanish; a blank line becomes a paragraph mark when the text
 * before it ends a sentence or looks like a headline (no sentence punctuation at all).
 */
export function buildCleanText(
  src: string,
  ranges: ReadonlyArray<Span> = [{ start: 0, end: src.length }],
): CleanText {
  const out: string[] = [];
  const map: number[] = [];
  const push = (ch: string, at: number) => {
    out.push(ch);
    map.push(at);
  };
  for (const range of ranges) {
    if (out.length > 0 && out[out.length - 1] !== '\n') push('\n', range.start);
    let lineStart = out.length;
    let prevLineLen = 0;
    let i = range.start;
    while (i < range.end) {
      const ch = foldWidth(src[i] ?? '');
      // "項(xiàng)目": pinyin a broken converter wrote after characters splits every word it follows.
      const debris = ch === '(' && isCjkOrDigit(out[out.length - 1]) ? pinyinDebrisAt(src, i) : 0;
      if (debris > 0) {
        i += debris;
        continue;
      }
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f' && ch !== '\v') {
        // "…项目开工建设;投资4000万元的…": a half-width semicolon in Chinese text ends a clause as ； does,
        // and the rules read ； (a sentence end); in English text it stays as written.
        if (ch === ';' && isCjk(lastNonSpace(out))) {
          push('；', i);
          i++;
          continue;
        }
        push(ch, i);
        i++;
        continue;
      }
      const wsStart = i;
      let newlines = 0;
      while (i < range.end) {
        const w = foldWidth(src[i] ?? '');
        if (w === '\n') newlines++;
        else if (w !== ' ' && w !== '\t' && w !== '\r' && w !== '\f' && w !== '\v') break;
        i++;
      }
      const next = i < range.end ? foldWidth(src[i] ?? '') : undefined;
      if (newlines === 0) {
        // Spacing between ideographs or digits is layout (本 报 记 者, 8 月); between Latin words it is not.
        if (
          !(isCjkOrDigit(lastNonSpace(out)) || isCjkOrDigit(next)) &&
          out.length > 0 &&
          next !== undefined
        ) {
          push(' ', wsStart);
        }
        continue;
      }
      const line = out.slice(lineStart).join('');
      const headlineLike = line.length > 0 && line.length <= 40 && !PUNCT_RE.test(line);
      let paragraph = false;
      // A blank line after a long line is a paragraph end even without a full stop (sources have typos);
      // after a short column line it is just the gap between columns.
      if (newlines >= 2) paragraph = endsSentence(out) || headlineLike || line.length > 50;
      else {
        // A single break is a paragraph end only where a short punctuation-free line stands before a
        // longer one (a headline above its body), or a sentence ends on a visibly short line.
        const nextLineEnd = src.indexOf('\n', i);
        const nextLen = (nextLineEnd < 0 || nextLineEnd > range.end ? range.end : nextLineEnd) - i;
        paragraph =
          (headlineLike && line.length < nextLen * 0.5) ||
          (endsSentence(out) && ((prevLineLen > 0 && line.length < prevLineLen * 0.8) || line.length > 50));
      }
      if (paragraph && out.length > 0 && out[out.length - 1] !== '\n') push('\n', wsStart);
      prevLineLen = line.length;
      lineStart = out.length;
    }
  }
  return { text: out.join(''), map };
}

/** Maps a cleaned [start, end) back to the original text. */
export function toOriginal(clean: CleanText, start: number, end: number): Span {
  const s = clean.map[Math.max(0, Math.min(start, clean.map.length - 1))] ?? 0;
  const lastIdx = Math.max(start, Math.min(end - 1, clean.map.length - 1));
  const e = (clean.map[lastIdx] ?? s) + 1;
  return { start: s, end: Math.max(s, e) };
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

/** Splits cleaned text into sentences (。！？；and paragraph marks), keeping a closing quote with its sentence. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      if (i > start) out.push({ start, end: i, paragraph });
      start = i + 1;
      paragraph++;
      continue;
    }
    if (TERMINAL.has(ch)) {
      let end = i + 1;
      while (end < text.length && (CLOSERS.has(text[end] ?? '') || TERMINAL.has(text[end] ?? ''))) end++;
      out.push({ start, end, paragraph });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length, paragraph });
  return out;
}

/** Clause boundaries inside a sentence: commas, colons and quotes separate the facts of a sentence. */
export const CLAUSE_BREAK = /[，,：:；;。！？!?\n]/;

/** Start of the clause that contains position `pos` (exclusive of the break character). */
export function clauseStart(text: string, pos: number, floor = 0): number {
  let i = pos - 1;
  while (i >= floor && !CLAUSE_BREAK.test(text[i] ?? '')) i--;
  return i + 1;
}

/** End of the clause that contains position `pos`. */
export function clauseEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !CLAUSE_BREAK.test(text[i] ?? '')) i++;
  return i;
}

/** Index of the sentence containing `pos` (binary search), or -1. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Items of `xs` (sorted by start) that start in [start, end): binary search, so per-sentence lookups stay cheap. */
export function startingIn<T extends { start: number }>(xs: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < xs.length && (xs[i]?.start ?? end) < end; i++) out.push(xs[i] as T);
  return out;
}

/** Marks ranges of a text as taken, so overlap checks cost the length of the range, not the number of ranges. */
export class Occupancy {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}

/**
 * Index of the last character from `chars` before `pos`, looking back at most `window` characters; the
 * window's edge (or -1) if none. Bounded so that scanning many positions stays linear.
 */
export function lastBreakBefore(text: string, pos: number, chars: string, window = 300): number {
  const floor = Math.max(0, pos - window);
  for (let i = pos - 1; i >= floor; i--) if (chars.includes(text[i] ?? '')) return i;
  return floor - 1;
}
