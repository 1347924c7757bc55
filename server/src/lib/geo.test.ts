import { describe, expect, it } from 'vitest';
import {
  areaM2,
  areaMu,
  centreOf,
  flatOutline,
  type OutlineGeometry,
  outlineProblems,
  type PolygonGeometry,
} from './geo';

const square = (lng: number, lat: number, d: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

describe('outline geometry', () => {
  it('measures a parcel near Liaocheng as a geodesic calculation would (within 0.1 %)', () => {
    // 0.001° × 0.001° at 36.45° N: 111,195 m per degree of latitude, × cos(latitude) for longitude.
    const expected = 111_195 * 0.001 * 111_195 * 0.001 * Math.cos((36.4505 * Math.PI) / 180);
    expect(Math.abs(areaM2(square(115.98, 36.45, 0.001)) - expected) / expected).toBeLessThan(0.001);
    expect(areaMu(square(115.98, 36.45, 0.001))).toBeCloseTo(expected / (10_000 / 15), 1);
    const [lng, lat] = centreOf(square(115.98, 36.45, 0.002));
    expect(lng).toBeCloseTo(115.981, 9);
    expect(lat).toBeCloseTo(36.451, 9);
  });

  it('subtracts holes and drops heights', () => {
    const outer = square(116, 36, 0.002).coordinates[0] ?? [];
    const hole = square(116.0005, 36.0005, 0.001).coordinates[0] ?? [];
    const withHole: OutlineGeometry = { type: 'Polygon', coordinates: [outer, hole] };
    expect(areaM2(withHole)).toBeCloseTo(areaM2(square(116, 36, 0.002)) * 0.75, 0);
    const high = flatOutline({
      type: 'Polygon',
      coordinates: [outer.map(([x, y]) => [x as number, y as number, 35])],
    });
    expect(high.type === 'Polygon' && high.coordinates[0]?.[0]).toEqual([116, 36]);
  });

  it('names what is wrong: open ring, too few points, projected metres, no area', () => {
    const open: OutlineGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [116, 36],
          [116.01, 36],
          [116.01, 36.01],
          [116, 36.01],
        ],
      ],
    };
    expect(outlineProblems(open).map((p) => p.en)).toEqual([
      'A ring is not closed (first and last points differ)',
    ]);
    expect(
      outlineProblems({
        type: 'Polygon',
        coordinates: [
          [
            [116, 36],
            [116.01, 36],
            [116, 36],
          ],
        ],
      })[0]?.zh,
    ).toContain('少于4个点');
    expect(outlineProblems(square(500_000, 4_000_000, 100))[0]?.en).toContain('projected metres');
    expect(
      outlineProblems({
        type: 'Polygon',
        coordinates: [
          [
            [116, 36],
            [116, 36],
            [116, 36],
            [116, 36],
          ],
        ],
      })[0]?.en,
    ).toBe('The outline has no area');
    expect(outlineProblems(square(115.98, 36.45, 0.001))).toEqual([]);
  });
});
