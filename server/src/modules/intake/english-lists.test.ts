// Issue 13: English lists of projects named without a head noun ("A, B and other N projects …").
// Sentences of our own, written in that shape, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { findEnglishListItems } from './english-lists';
import { projectsOf } from './extract-test-helpers';

describe('English lists closed by "and other N projects"', () => {
  it('reads each capitalised item with the stage of its own verb', () => {
    const s =
      'In terms of industrial projects, Lanfeng Solar Glass, Phase II of Redstone Tech, Hexi New Materials and other 12 industrial projects have been launched in the zone, and Bluebay Foods, Orchid Toys and other 9 projects were renewed.';
    const items = findEnglishListItems(s);
    expect(items.map((x) => x.name)).toEqual([
      'Lanfeng Solar Glass',
      'Phase II of Redstone Tech',
      'Hexi New Materials',
      'Bluebay Foods',
      'Orchid Toys',
    ]);
    expect(items.map((x) => x.stage?.stage)).toEqual(['开工', '开工', '开工', '在建', '在建']);
  });

  it('gives a project listed again as completed its latest stage, and skips a sentence opener', () => {
    const text =
      'The zone launched 30 projects last year. Lanfeng Solar Glass, Hexi New Materials and other 12 industrial projects have been launched in the zone. So far, Lanfeng Solar Glass, Bluebay Foods and other 8 projects have been completed and put into production.';
    const ps = projectsOf(text, '2024-01-20').filter((p) => !p.isAggregate);
    expect(ps.find((p) => p.name === 'Lanfeng Solar Glass')?.stage?.stage).toBe('投产');
    expect(ps.find((p) => p.name === 'Hexi New Materials')?.stage?.stage).toBe('开工');
    expect(ps.some((p) => p.name === 'So far')).toBe(false);
  });

  it('finds nothing in a list of places', () => {
    expect(findEnglishListItems('Visitors came from Hunan, Hubei and other provinces.')).toEqual([]);
  });
});

describe('the only zone of an English report', () => {
  it('is the park of the listed projects when the report comes back to "the park"', () => {
    const text =
      'The reporter learned from Redhill Economic Development Zone that the park pushed its projects in 2017. Lanfeng Solar Glass, Hexi New Materials and other 12 industrial projects have been launched in the park.';
    const ps = projectsOf(text, '2018-01-20').filter((p) => !p.isAggregate);
    expect(ps.find((p) => p.name === 'Hexi New Materials')?.park?.name).toBe(
      'Redhill Economic Development Zone',
    );
  });

  it('is none when the report names two zones', () => {
    const text =
      'Redhill Economic Development Zone and Bluewater Industrial Park signed a pact. Lanfeng Solar Glass, Hexi New Materials and other 12 projects were launched in the park.';
    const ps = projectsOf(text, '2018-01-20').filter((p) => !p.isAggregate);
    expect(ps.find((p) => p.name === 'Hexi New Materials')?.park ?? null).toBeNull();
  });
});
