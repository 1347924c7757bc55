// Which project each park of a sentence is the park of. Apart from assemble.ts so that file stays a
// readable size; the reading of a park's words (venue, office, a zone heading a name) is park-rules'.

import type { FirmFacts } from './assemble-finish';
import { listedNamesAfter, listedNamesBefore } from './assemble-rules';
import { VENUE_AFTER } from './assemble-shape';
import type { ParkMention } from './entity-extractor';
import type { FirmCluster } from './firm-clusters';
import {
  headsNamedProject,
  listOpenedByPark,
  listPlacedInPark,
  nameHeadedByPark,
  placesNoProject,
  zoneOfCountedBatch,
} from './park-rules';
import type { ProjectBuilder } from './project-builder';
import type { ProjectNameMention } from './project-name-mention';

export interface SentenceParks {
  text: string;
  /** The parks and project names of the sentence, in text order. */
  sParks: readonly ParkMention[];
  sNames: readonly ProjectNameMention[];
  /** Every project name of the article. */
  names: readonly ProjectNameMention[];
  builderOf: (n: ProjectNameMention) => ProjectBuilder | undefined;
  listedBuilders: (ns: readonly ProjectNameMention[]) => ProjectBuilder[];
  /** The project a position of the sentence speaks of, as the assembler resolved it. */
  target: (pos: number) => ProjectBuilder | null;
  /** The firm a fact at a position belongs to when no project does. */
  keepForFirm: (pos: number) => FirmCluster | undefined;
  firmFacts: FirmFacts;
}

export function placeSentenceParks(s: SentenceParks): void {
  const { text, sParks, sNames, names } = s;
  // "临汾经济开发区精密智造项目，侯马经济开发区…项目": a zone that heads the next name is that item's; such
  // zones are placed first, so that a zone heading no name cannot take an item another zone heads.
  const headedBy = new Map(sParks.map((p) => [p, nameHeadedByPark(text, p, sNames)]));
  const headedFirst = [...sParks].sort((a, b) => Number(!headedBy.get(a)) - Number(!headedBy.get(b)));
  for (const p of headedFirst) {
    if (VENUE_AFTER.test(text.slice(p.end, p.end + 4)) || placesNoProject(text, p)) continue;
    if (zoneOfCountedBatch(text, p, sNames)) continue;
    // A park that is part of a project's own name (…节能装备产业园项目) is not where it is.
    const ownName = (n: ProjectNameMention) =>
      p.start >= n.start && p.end <= n.end && !headsNamedProject(p, n, text);
    if (names.some((n) => !n.reference && ownName(n))) continue;
    // "绥安开发区的A项目、B项目、C项目": a zone joined by 的 to a list is the park of every item.
    // "临空经济区3个：A、B、C": a zone heading a share of a batch is the park of each of its items.
    const share = /^[\u4e00-\u9fff]{0,3}?(?:\d+|[一二两三四五六七八九十]+)个[:：]/.exec(
      text.slice(p.end, p.end + 10),
    );
    // "德令哈工业园A、B等4个项目": a zone heading the first item of a list is each item's, up to an item
    // another zone heads.
    const opened = listOpenedByPark(text, p, sNames);
    const headedByOther = (n: ProjectNameMention) =>
      sParks.some((q) => q !== p && (headedBy.get(q) === n || headsNamedProject(q, n, text)));
    const listedNames =
      text[p.end] === '的'
        ? listedNamesAfter(text, sNames, p.end + 1)
        : share
          ? listedNamesAfter(text, sNames, p.end + share[0].length)
          : opened
            ? listedNamesAfter(text, sNames, opened.start).filter((n) => !headedByOther(n))
            : placedList(text, p, sNames);
    for (const lb of s.listedBuilders(listedNames)) lb.park ??= p;
    if (listedNames.length > 0) continue;
    const headed = headedBy.get(p);
    const hb = headed ? s.builderOf(headed) : undefined;
    if (hb && !hb.aggregate) {
      hb.park ??= p;
      continue;
    }
    const b = s.target(p.start);
    if (b && !b.aggregate && !b.park) b.park = p;
    else if (!b) {
      const fc = s.keepForFirm(p.start);
      if (fc) s.firmFacts.set(fc, { ...s.firmFacts.get(fc), park: p });
    }
  }
}

/** "A、B等4个项目同时在Z开工": the names of a list placed in the zone right after it (two or more). */
function placedList(
  text: string,
  p: ParkMention,
  sNames: readonly ProjectNameMention[],
): ProjectNameMention[] {
  const at = listPlacedInPark(text, p);
  if (at < 0) return [];
  const listed = listedNamesBefore(text, sNames, at);
  // "A等7个项目落户Z": one name before 等 and a count stands for the batch it opens.
  return listed.length >= 2 || (listed.length === 1 && text[at] === '等') ? listed : [];
}
