import { describe, expect, it } from 'vitest';
import { Generation } from './context';
import { generatedId } from './ids';
import { mulberry32, Rng } from './prng';
import { GENERATORS, orderGenerators } from './registry';

const spec = { seed: 42, scale: 'small', passwordHash: 'x' } as const;

function firstRows(seed: number, table: string, n: number): unknown[] {
  const generation = new Generation({ ...spec, seed });
  const g = GENERATORS.find((x) => x.table === table);
  if (!g) throw new Error(table);
  const out: unknown[] = [];
  for (const row of generation.rows(g)) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}

describe('bench data generator', () => {
  it('mulberry32 gives the same sequence for the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('derived streams are independent of the order they are drawn in', () => {
    const x = Rng.derive(1, 'audit_log');
    Rng.derive(1, 'app_user').int(0, 100);
    expect(x.int(0, 1e9)).toBe(Rng.derive(1, 'audit_log').int(0, 1e9));
  });

  it('same seed gives the same rows; another seed gives other rows', () => {
    for (const g of GENERATORS) {
      expect(firstRows(42, g.table, 200)).toEqual(firstRows(42, g.table, 200));
    }
    expect(firstRows(43, 'audit_log', 50)).not.toEqual(firstRows(42, 'audit_log', 50));
  });

  it('audit rows come out in time order with unique, increasing ids', () => {
    const rows = firstRows(42, 'audit_log', 2_000) as { id: string; at: string }[];
    expect(rows).toHaveLength(2_000);
    for (let i = 1; i < rows.length; i++) {
      expect((rows[i]?.at ?? '') >= (rows[i - 1]?.at ?? '')).toBe(true);
      expect((rows[i]?.id ?? '') > (rows[i - 1]?.id ?? '')).toBe(true);
    }
  });

  it('ids are unique per table and index, and shaped like UUIDs', () => {
    expect(generatedId('firm', 1)).not.toBe(generatedId('project', 1));
    expect(generatedId('firm', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('orders generators by dependency and fingerprints change with the scale', () => {
    const order = orderGenerators().map((g) => g.table);
    expect(order.indexOf('app_user')).toBeLessThan(order.indexOf('audit_log'));
    expect(order.indexOf('department')).toBeLessThan(order.indexOf('app_user'));
    const small = new Generation(spec).fingerprint('audit_log');
    expect(new Generation({ ...spec, scale: 'zone' }).fingerprint('audit_log')).not.toBe(small);
    expect(new Generation(spec).fingerprint('audit_log')).toBe(small);
  });
});
