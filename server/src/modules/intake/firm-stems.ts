// Words of the sentence that the walk back from 公司/集团 takes into a firm's name ("标志着该集团",
// "新疆注册了公司", "由临工重机股份有限公司"), found with jieba's POS tags rather than a list of words: a
// firm's name is made of places, brands and trade words, never of pronouns, particles or adverbs.

import { tagWords } from './firm-short-names';
import type { FirmSource } from './types';

/** Function words (pronouns, prepositions, conjunctions, particles): never inside a firm's name. */
const FUNCTION_TAGS = new Set(['r', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'y']);
/** Adverbs of two characters (充分, 正式) belong to a sentence; single ones (大) may be a brand's. */
const ADVERB_TAGS = new Set(['d', 'ad']);
const VERB_TAGS = new Set(['v', 'vd']);
/** 某 of a masked name (吉林某化学工业有限公司) and 之 of a brand (天之蓝) are part of the name. */
const IN_NAMES = /^(?:某|之)$/;
const SUFFIX =
  /(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|控股集团|控股公司|集团公司|集团|公司|控股)$/;

/**
 * How many characters at the start of `stem` are the sentence's: up to its last function word or
 * adverb, and a verb right after one ("充分借鉴", "标志着该"). A verb alone is not enough — a brand may be
 * tagged as one (远航) — unless a particle follows it ("注册了").
 */
function sentencePrefix(stem: string): number {
  let at = 0;
  let cut = 0;
  let previous = '';
  for (const w of tagWords(stem)) {
    const before = at;
    at += w.word.length;
    // "天津鼎新科技有限公司": a word tagged as an adverb right after the place a name starts with is the
    // firm's brand; a sentence's adverb comes before the place, not after it.
    const brandAfterPlace = previous === 'ns' && before > 0;
    // "福州和盛食品": 和 right after the place that opens the name starts its brand (和盛), no conjunction.
    const andAfterPlace = w.word === '和' && brandAfterPlace && cut === 0;
    previous = w.tag;
    const clause =
      (FUNCTION_TAGS.has(w.tag) && !IN_NAMES.test(w.word) && !andAfterPlace) ||
      (ADVERB_TAGS.has(w.tag) && w.word.length >= 2 && !brandAfterPlace) ||
      (VERB_TAGS.has(w.tag) && before > 0 && before === cut);
    if (clause) cut = at;
  }
  return cut;
}

/**
 * Drops the sentence's words heading a found firm name; returns false when nothing of a name is left
 * ("标志着该集团", "充分借鉴集团": no firm is named there).
 */
export function trimClauseWords(c: {
  name: string;
  start: number;
  legal: boolean;
  source: FirmSource;
}): boolean {
  if (c.source === 'known' || c.source === 'enumeration') return true;
  const suffix = SUFFIX.exec(c.name)?.[0] ?? '';
  const stem = c.name.slice(0, c.name.length - suffix.length);
  if (!/[\u4e00-\u9fff]/.test(stem)) return true;
  const cut = sentencePrefix(stem);
  if (cut === 0) return true;
  if (stem.length - cut < 2) return c.legal;
  c.start += cut;
  c.name = c.name.slice(cut);
  return true;
}
