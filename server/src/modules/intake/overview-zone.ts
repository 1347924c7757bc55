// The zone a park overview is about when its title and lead do not name it: "…汨罗循环经济产业园看到一派
// 繁荣景象。…该园25个重点项目…", "截至目前，下川口工业园区建设已完成投资…已入住工业园区的企业达20家". An
// article that names one zone only and keeps coming back to it as 园区 (该园, 入园, 园内) reports the
// plants of that zone; each project it names without a park of its own is in it.

import type { ParkMention } from './entity-extractor';
import { normaliseName } from './name-scan';
import { isProjectsOwnName, isVenue, isZone, placesNoProject } from './park-rules';
import type { ProjectNameMention } from './project-name-mention';

/** Words that refer back to the zone of the article without naming it. */
const BACK_REFERENCE = /该园|本园|园区|园内|入园|进园|入驻|落户园/g;
/** What stands before 园区 when it refers back (该园区, 全园区, 入驻园区, "园区企业" at a clause's start). */
const OPENS_BACK_REFERENCE = /^(?:[^\u4e00-\u9fff]|[该本全各入进此在个的到])?$/;

/**
 * A 产业园 is usually a project's own name (冻干食品产业园项目); an article that calls it 该园 or speaks of
 * what is 园内 or 入园 treats it as a zone with plants in it (汨罗循环经济产业园…该园25个重点项目).
 */
const PARK_AS_ZONE = /该园|本园|园内|入园/;

/** Whether two zone names are one zone (one contains the other: 湖南汨罗循环经济产业园 ⊃ 汨罗循环经济产业园). */
function sameZone(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  return x.includes(y) || y.includes(x);
}

/** The only zone an article names, when it refers back to it; undefined when it names two or none. */
export function overviewZone(
  text: string,
  parks: readonly ParkMention[],
  names: readonly ProjectNameMention[],
): ParkMention | undefined {
  const zones = parks.filter(
    (p) =>
      (isZone(p.name) || (/园$/.test(p.name) && PARK_AS_ZONE.test(text))) &&
      p.name.length >= 4 &&
      !isProjectsOwnName(p, names, text) &&
      !isVenue(text, p) &&
      !placesNoProject(text, p),
  );
  const first = zones[0];
  if (!first || zones.some((z) => !sameZone(z.name, first.name))) return undefined;
  // One back reference that is not inside a mention of a park is enough (parks are in text order).
  let k = 0;
  BACK_REFERENCE.lastIndex = 0;
  for (let m = BACK_REFERENCE.exec(text); m !== null; m = BACK_REFERENCE.exec(text)) {
    while (k < parks.length && (parks[k]?.end ?? 0) <= m.index) k++;
    // "物流园区建设项目": 园区 that ends another compound noun is a kind of place, not this zone again.
    if (m[0] === '园区' && !OPENS_BACK_REFERENCE.test(text.slice(Math.max(0, m.index - 1), m.index)))
      continue;
    const p = parks[k];
    if (!p || m.index < p.start) return first;
  }
  return undefined;
}
