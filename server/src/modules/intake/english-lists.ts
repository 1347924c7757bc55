// English lists of projects named without a head noun: "Kibing photovoltaic glass, Jianlin Building
// Materials, Phase III of Shanshan Tech and other 38 industrial projects have been launched in the park".
// Each capitalised item before "and other N … projects" is one project; the verb after the list is its
// stage ("have been launched", "were renewed", "completed and put into production").

import { stageOf } from './english-rules';
import type { Span, Stage, StageFact } from './types';

/** One item of such a list, with offsets into the sentence's text. */
export interface EnglishListItem {
  name: string;
  start: number;
  end: number;
  stage: { stage: Stage; at: number; text: string } | null;
}

/** A name: capitalised words, optionally "Phase III of" before them; small words may join inside. */
const ITEM = String.raw`(?:Phase\s+[IVX\d]+\s+of\s+)?[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|[a-z]+))*?`;
/** The close of such a list: "and other 38 industrial projects". */
const CLOSE = /,?\s+and\s+other\s+(?:\d+|[a-z]+)\s+(?:[a-z-]+\s+){0,2}projects\b/g;
const ONE_ITEM = new RegExp(String.raw`^${ITEM}$`);
/** Words that open a sentence before its list, not items of it. */
const OPENER =
  /^(?:So far|At present|Meanwhile|Currently|Besides|Moreover|In addition|Up to now|Until now|To date|Now)$/;
/** "were renewed": building goes on (续建), which the shared stages call 在建. */
const RENEWED = /^\s+(?:have been|has been|were|was)\s+renewed\b/i;

/** The items of every "A, B, C and other N projects" list in `sentence`, offsets from `offset`. */
export function findEnglishListItems(sentence: string, offset = 0): EnglishListItem[] {
  const out: EnglishListItem[] = [];
  CLOSE.lastIndex = 0;
  for (let m = CLOSE.exec(sentence); m !== null; m = CLOSE.exec(sentence)) {
    const listEnd = m.index + m[0].length;
    // The items before the close, back to the clause that opens them: each piece between ", " one name.
    const head = sentence.slice(Math.max(0, m.index - 600), m.index);
    const pieces = head.split(/,\s+/);
    const items: string[] = [];
    for (let k = pieces.length - 1; k >= 0; k--) {
      const piece = (pieces[k] ?? '').replace(/^.*(?:\band\s+|[;:.]\s+)(?=[A-Z])/, '').trim();
      if (!ONE_ITEM.test(piece) || piece.split(/\s+/).length > 8) break;
      items.unshift(piece);
      if (piece !== (pieces[k] ?? '').trim()) break;
    }
    if (items.length < 2) continue;
    // The verb phrase after "projects", up to the next list or the sentence end.
    const after = sentence.slice(listEnd, listEnd + 80).split(/,\s+and\s+[A-Z]|;/)[0] ?? '';
    const cue = RENEWED.test(after) ? null : stageOf(after);
    const stage = RENEWED.test(after)
      ? { stage: '在建' as Stage, at: listEnd, text: after.trim().split(/\s+/).slice(0, 3).join(' ') }
      : cue && !cue.planned
        ? { stage: cue.stage, at: listEnd + cue.at, text: cue.text }
        : null;
    let pos = Math.max(0, m.index - 600);
    for (const raw of items) {
      const at = sentence.indexOf(raw, pos);
      pos = at + raw.length;
      // "In terms of industrial projects, Kibing …": the clause before the first item is no part of it.
      const name = raw.replace(/^(?:In terms of|Among them|Including|Such as)\b[^A-Z]*/, '').trim();
      if (name.split(/\s+/).length > 8 || name.length < 3 || OPENER.test(name)) continue;
      const start = at + raw.indexOf(name);
      out.push({
        name,
        start: offset + start,
        end: offset + start + name.length,
        stage: stage && { ...stage, at: offset + stage.at },
      });
    }
  }
  return out;
}

/** The stage fact of a listed item, its span mapped by `span`. */
export function listedStage(x: EnglishListItem, span: (s: number, e: number) => Span): StageFact | null {
  if (!x.stage) return null;
  return {
    stage: x.stage.stage,
    planned: false,
    asWritten: x.stage.text,
    span: span(x.stage.at, x.stage.at + x.stage.text.length),
  };
}
