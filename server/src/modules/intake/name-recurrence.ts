// A project's name written again without 项目 later in the article ("…、新凤鸣新沂产业基地、…等一批项目" then
// "走进新凤鸣新沂产业基地，若干条生产线正在同时运转。“本项目总投资180亿元…”"): the later mention puts that
// project back in focus, so what the next sentences say of "the project" is said of it.

import { Occupancy } from './clean-text';
import { namedProject, type ProjectNameMention } from './project-name-mention';

/** Shortest stem looked for again: shorter ones (华为, 中清) are too often part of other words. */
const MIN_STEM = 4;
/** What makes a recurrence part of a longer name: a phase, a firm's form, a digit or Latin letter. */
const FOLLOWED_BY_MORE = /^(?:[一二三四五六七八九十\d]+期|项目|工程|公司|有限|集团|[A-Za-z0-9])/;
/** Bound on names looked for again, so junk input with thousands of names stays fast. */
const MAX_NAMES = 200;

/** `names` with the later bare recurrences of each explicit name's stem added, in text order. */
export function withRecurrences(text: string, names: readonly ProjectNameMention[]): ProjectNameMention[] {
  const taken = new Occupancy(text.length);
  for (const n of names) taken.take(n.start, n.end);
  const stems = new Map<string, ProjectNameMention>();
  for (const n of names) {
    if (n.reference || n.aggregate || n.anaphoric) continue;
    const stem = text.slice(n.start, n.end).replace(/项目$/, '');
    if (stem.length >= MIN_STEM && !stems.has(stem) && stems.size < MAX_NAMES) stems.set(stem, n);
  }
  const added: ProjectNameMention[] = [];
  for (const [stem, n] of stems) {
    for (let at = text.indexOf(stem, n.end); at >= 0; at = text.indexOf(stem, at + stem.length)) {
      const end = at + stem.length;
      // Inside a longer name, or followed by more name (…产业基地二期) — another project or this one's part.
      if (!taken.free(at, end) || FOLLOWED_BY_MORE.test(text.slice(end, end + 3))) continue;
      taken.take(at, end);
      added.push(namedProject(n.name, at, end, n.companyHint));
    }
  }
  return [...names, ...added].sort((a, b) => a.start - b.start);
}
