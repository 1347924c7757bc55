// Lists of projects whose items are whole clauses, so no 、 joins them: items after an opener separated
// by ；("包括投资25亿元的A产业园二期；由上市公司投资的B制造基地；C项目等") and numbered items ("一是A生产线，
// 二是B产业园"). An item is often a description ending in 的 before its name; the name is what follows
// the description. Without 项目 to say it is one, an item must end in what a project builds (a park, a
// base, a line, a plant) or in a phase, and its stem must read as one named thing.

import { isConcreteStem } from './project-concreteness';
import { namedProject, type ProjectNameMention } from './project-name-mention';

/** What a project without 项目 builds, at the end of its name, or its phase. */
const BUILT_HEAD =
  /(?:产业园|工业园|物流园|科技园|创业园|园区|基地|生产线|产线|工厂|中心|物流港|综合体|[一二三四五六七八九十]期)$/;
/** A kind of project written before the name ("省重点工程", "市级重大项目"): not part of it. */
const KIND_PREFIX = /^(?:国家|省|市|县|区)?级?(?:重点|重大)(?:工程|项目|产业项目)/;
/** An item's number: "1." "2、" "（3）" "④" (one source for the patterns below). */
const ITEM_NUMBER = String.raw`\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]`;
/** The same, or a Chinese ordinal with 、 ("一、"), opening a line of a list. */
const LINE_NUMBER = `${ITEM_NUMBER}|[一二三四五六七八九十]、`;

/** An item's number before its name, spaces included. */
const LEADING_NUMBER = new RegExp(`^\\s*(?:${ITEM_NUMBER})`);
/** Where a ；-list ends: a full stop, or a line break not followed by the list's next numbered item. */
const NOT_NEXT_ITEM = /。|\n(?![（(]?\d{1,2}[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩])/;

/** Where the sentence (or line) holding `at` starts. */
function sentenceStartOf(text: string, at: number): number {
  return Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
}

/** Openers of a list after a clause about projects. */
const OPENER = /(?:主要包括|包括|分别是|分别为|主要有|其中有|如下)[:：]?/g;
/** The clause before a list must speak of a batch of projects. */
const PROJECT_BATCH = /项目/;
/** Numbered items: 一是, 二是 … at the start of a clause. */
const NUMBERED = /(?:^|[，,；;：:\n。])([一二三四五六七八九十])是/g;

/** The name in one item: after its last description (…的), without a kind before it. */
function itemName(text: string, from: number, to: number): ProjectNameMention | null {
  let raw = text.slice(from, to);
  let at = from;
  const trail = /等[^，,。；;]{0,12}$/.exec(raw);
  if (trail) raw = raw.slice(0, trail.index);
  const of = raw.lastIndexOf('的');
  if (of >= 0) {
    at += of + 1;
    raw = raw.slice(of + 1);
  }
  // "1.A；2.B", "（1）A", "①A": the item's number (on a line of its own too) is no part of its name.
  const number = LEADING_NUMBER.exec(raw)?.[0].length ?? 0;
  at += number;
  raw = raw.slice(number);
  const kind = KIND_PREFIX.exec(raw)?.[0].length ?? 0;
  at += kind;
  raw = raw.slice(kind);
  if (raw.length < 5 || raw.length > 30 || /项目|工程|[、，,“”"]/.test(raw) || /^\d/.test(raw)) return null;
  if (!BUILT_HEAD.test(raw) || !isConcreteStem(raw.replace(BUILT_HEAD, '') || raw)) return null;
  return namedProject(`${raw}项目`, at, at + raw.length, null);
}

/** "包括A；B；C等": the items of a ；-separated list opened after a clause about projects. */
function semicolonItems(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m !== null; m = OPENER.exec(text)) {
    if (!PROJECT_BATCH.test(text.slice(sentenceStartOf(text, m.index), m.index))) continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 400);
    // A line break goes on with the list when the next line is its next numbered item.
    const end = rest.search(NOT_NEXT_ITEM);
    const body = end < 0 ? rest : rest.slice(0, end);
    const parts = body.split(/[；;]/);
    if (parts.length < 2) continue;
    let pos = from;
    for (const part of parts) {
      // "A生产基地，总投资20亿元；B产业园，…": the name is the item's first clause, its figures follow.
      const comma = part.search(/[，,]/);
      const name = itemName(text, pos, pos + (comma < 0 ? part.length : comma));
      if (name) out.push(name);
      pos += part.length + 1;
    }
  }
  return out;
}

/** "一是A生产线，二是B产业园": numbered items after a clause about projects, each its own clause. */
function numberedItems(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(text); m !== null; m = NUMBERED.exec(text)) {
    const from = m.index + m[0].length;
    // The first item's sentence, or the item before it, must be about projects.
    if (!PROJECT_BATCH.test(text.slice(sentenceStartOf(text, m.index), m.index + 1))) continue;
    const rest = text.slice(from, from + 40);
    const end = rest.search(/[，,；;。\n]/);
    const name = itemName(text, from, from + (end < 0 ? rest.length : end));
    if (name) out.push(name);
  }
  return out;
}

/** A numbered line: "1.A", "（2）B", "③C", "一、D" at the start of a line. */
const NUMBERED_LINE = new RegExp(`\\n(?:${LINE_NUMBER})`, 'g');
/** A line that opens with its number. */
const NUMBERED_LINE_START = new RegExp(`^(?:${LINE_NUMBER})`);

/**
 * "签约项目如下：\n1.A产业园\n2.B生产基地": numbered lines under a heading about projects that ends with a
 * colon; each line's first clause is an item.
 */
function lineItems(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  NUMBERED_LINE.lastIndex = 0;
  for (let m = NUMBERED_LINE.exec(text); m !== null; m = NUMBERED_LINE.exec(text)) {
    if (!isUnderProjectHeading(text, m.index)) continue;
    const from = m.index + 1;
    const rest = text.slice(from, from + 60);
    const end = rest.search(/[，,；;。\n]/);
    const name = itemName(text, from, from + (end < 0 ? rest.length : end));
    if (name) out.push(name);
  }
  return out;
}

/** Whether the lines before `at` (numbered lines only) follow a heading about projects ending with ：. */
export function isUnderProjectHeading(text: string, at: number): boolean {
  let lineEnd = at;
  for (let hops = 0; hops < 30 && lineEnd > 0; hops++) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    if (/[:：]\s*$/.test(line)) return /项目/.test(line);
    if (!NUMBERED_LINE_START.test(line)) return false;
    lineEnd = lineStart - 1;
  }
  return false;
}

/** Names of projects listed as clauses (；-separated, numbered, one per line), written without 项目. */
export function findClauseLists(text: string): ProjectNameMention[] {
  return [...semicolonItems(text), ...numberedItems(text), ...lineItems(text)];
}
