// The zone an English report is about: "The reporter learned from Zixing Economic Development Zone that
// the park has …; … projects have been launched in the park". When the article names one zone only and
// comes back to it (as "the park", "the zone" or by its name again), each project it names without a park
// of its own is in it.

import { PARK } from './english-rules';
import type { ExtractedProject, Span } from './types';

/** The only zone an English article names, when it refers back to it; null when it names two or none. */
export function onlyEnglishZone(text: string): { name: string; start: number; end: number } | null {
  const found: Array<{ name: string; start: number; end: number }> = [];
  PARK.lastIndex = 0;
  for (let m = PARK.exec(text); m !== null && found.length < 50; m = PARK.exec(text)) {
    const name = (m[1] ?? '').replace(/^(?:The|In|At|Of|From)\s+/, '');
    const start = m.index + (m[0].length - name.length);
    found.push({ name, start, end: start + name.length });
  }
  const first = found[0];
  if (!first || found.some((z) => z.name.toLowerCase() !== first.name.toLowerCase())) return null;
  // It comes back to the zone as "the park" or "the zone", or by name ("in Torch Development Zone").
  return found.length >= 2 || /\b(?:the|this) (?:park|zone)\b/i.test(text.slice(first.end)) ? first : null;
}

/** Gives each single project with no park the article's only zone (see onlyEnglishZone). */
export function placeInOnlyZone(
  text: string,
  projects: readonly ExtractedProject[],
  span: (s: number, e: number) => Span,
): void {
  const zone = onlyEnglishZone(text);
  // A zone that is itself one of the projects (Northgate Industrial Park was launched …) is no place of others.
  if (!zone || projects.some((p) => p.name.toLowerCase().includes(zone.name.toLowerCase()))) return;
  for (const p of projects)
    if (!p.isAggregate) p.park ??= { name: zone.name, span: span(zone.start, zone.end) };
}
