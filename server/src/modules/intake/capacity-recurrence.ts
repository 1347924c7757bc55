// A project named again later only by the capacity its name carries: "…金山热电厂2×66万千瓦扩建项目" and
// then a paragraph that opens "2×66万千瓦高效超超临界燃煤空冷机组，占地面积493亩，总投资49.9亿元". The
// later sentence is about that project, so its figures are the project's, not the one in focus.

import { namedProject, type ProjectNameMention } from './project-name-mention';

/** A quantity distinctive enough to stand for one project: units × size, or a power or energy size. */
const NAMING_QUANTITY =
  /\d+(?:\.\d+)?[×xX*]\d+(?:\.\d+)?万?(?:千瓦|兆瓦|MW|GW|吨|台)|\d+(?:\.\d+)?万?(?:千瓦|兆瓦|MW|GW|GWh|MWh)/g;

/** Mentions of earlier explicit names by their quantity alone, where a sentence or paragraph opens with it. */
export function capacityRecurrences(
  text: string,
  names: readonly ProjectNameMention[],
): ProjectNameMention[] {
  const owners = new Map<string, ProjectNameMention[]>();
  for (const n of names) {
    if (n.reference || n.aggregate || n.anaphoric) continue;
    for (const q of new Set(text.slice(n.start, n.end).match(NAMING_QUANTITY) ?? []))
      owners.set(q, [...(owners.get(q) ?? []), n]);
  }
  const out: ProjectNameMention[] = [];
  for (const [q, ns] of owners) {
    const n = ns[0];
    // A quantity in two names ("2×66万千瓦" of two plants) points at neither.
    if (!n || new Set(ns.map((x) => x.name)).size > 1) continue;
    for (let at = text.indexOf(q, n.end); at >= 0; at = text.indexOf(q, at + q.length)) {
      const opens = at === 0 || /[\n。；;]\s*$/.test(text.slice(Math.max(0, at - 4), at));
      const inName = names.some((x) => at < x.end && at + q.length > x.start);
      if (opens && !inName) out.push(namedProject(n.name, at, at + q.length, n.companyHint));
    }
  }
  return out;
}
