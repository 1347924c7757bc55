// Small rules used by assemble.ts: date period keys for tense, and projects named by a capacity.

import { startingIn } from './clean-text';
import type { ArticleDate } from './date-parser';
import { scanBack } from './name-scan';
import type { ProjectNameMention } from './project-names';
import type { CapacityToken } from './quantity-parser';

const VERB_END = /(?:达到|实现|形成|具备|可|能|将|预计|计划|新增|拥有|满足|项目|该公司|公司)$/;

/** Sortable number for the start (or end) of a date period: 2024-Q4 → 20241001 / 20241231. */
export function periodKey(date: string | null, end: boolean): number | null {
  if (!date) return null;
  const range = date.split('/');
  const part = (end ? range[range.length - 1] : range[0]) ?? '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d)|-H(\d))?$/.exec(part);
  if (!m) return null;
  const y = Number(m[1]);
  let mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (m[4]) mo = (Number(m[4]) - 1) * 3 + (end ? 3 : 1);
  if (m[5]) mo = m[5] === '1' ? (end ? 6 : 1) : end ? 12 : 7;
  const d = m[3] ? Number(m[3]) : end ? 31 : 1;
  return y * 10000 + mo * 100 + d;
}

/** Sortable number for the article date (mid-month when the day is unknown). */
export function articleKey(a: ArticleDate | null): number | null {
  if (!a || a.month === null) return null;
  return a.year * 10000 + a.month * 100 + (a.day ?? 15);
}

/** Projects named by a capacity with no 项目: "来自荆州开发区的恒隆凯迩必年产500万套汽车电动转向系统". */
export function capacityLedNames(
  text: string,
  caps: CapacityToken[],
  names: ProjectNameMention[],
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  for (const c of caps) {
    const near = startingIn(names, c.start - 60, c.end);
    if (!text.startsWith('年产', c.start) || near.some((n) => c.start < n.end && c.end > n.start)) continue;
    if (!/^(?:[，,。；;\n]|$)/.test(text.slice(c.end, c.end + 1))) continue;
    const start = scanBack(text, c.start, 0, { maxLen: 14, minStem: 2, stopAtDigits: true });
    const stem = text.slice(start, c.start);
    if (stem.length < 2 || VERB_END.test(stem) || /^该|开发区$|园区$|区$|县$|市$/.test(stem)) continue;
    out.push({
      name: text.slice(start, c.end),
      start,
      end: c.end,
      reference: false,
      anaphoric: false,
      aggregate: false,
      companyHint: stem,
    });
  }
  return out;
}

/** What joins the items of a list of projects: 、 , 和 , 及 , 与 , 以及 (with an optional closing quote). */
const LIST_JOIN = /^[”"》]?(?:、|和|及|与|以及|，)[“"《]?$/;

/**
 * The project names of a list that begins within two characters after `at` ("绥安开发区的A项目、B项目和
 * C项目": the names A, B, C after 的): the first explicit name there, and each next one joined to the
 * previous by a list word only. A reference (该项目) or a batch (等5个项目) ends the list.
 */
export function listedNamesAfter(
  text: string,
  names: readonly ProjectNameMention[],
  at: number,
): ProjectNameMention[] {
  const explicit = names.filter((n) => !n.reference && !n.aggregate).sort((a, b) => a.start - b.start);
  const first = explicit.find((n) => n.start >= at && n.start <= at + 2);
  if (!first) return [];
  const out = [first];
  for (let i = explicit.indexOf(first) + 1; i < explicit.length; i++) {
    const prev = out[out.length - 1] as ProjectNameMention;
    const next = explicit[i] as ProjectNameMention;
    if (next.start < prev.end) continue;
    if (!LIST_JOIN.test(text.slice(prev.end, next.start))) break;
    out.push(next);
  }
  return out;
}
