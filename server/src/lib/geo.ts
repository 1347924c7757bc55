import type { Bilingual } from '../../../shared/src/i18n-message';
import { M2_PER_MU, PARK_LIMITS } from '../../../shared/src/park';

/**
 * Outlines (GeoJSON Polygon/MultiPolygon in longitude/latitude degrees): checks, area, centre and
 * bounding box. The zone's parcels span a few kilometres, so an equirectangular projection around
 * the outline's own latitude measures their area to well under 0.1 % — no GIS library needed.
 */

export type Position = number[];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type OutlineGeometry = PolygonGeometry | MultiPolygonGeometry;

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

function polygonsOf(g: OutlineGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Drops a third coordinate (KML carries heights) so stored outlines are plain 2-D. */
export function flatOutline(g: OutlineGeometry): OutlineGeometry {
  const flat = (r: Ring): Ring => r.map((p) => [p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(flat) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(flat)) };
}

function ringAreaM2(ring: Ring, lat0: number): number {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(lat0 * RAD);
  const ky = EARTH_RADIUS_M * RAD;
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    twice +=
      (a[0] as number) * kx * ((b[1] as number) * ky) - (b[0] as number) * kx * ((a[1] as number) * ky);
  }
  return Math.abs(twice) / 2;
}

export function bboxOf(g: OutlineGeometry): [number, number, number, number] {
  let w = 180;
  let s = 90;
  let e = -180;
  let n = -90;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0] ?? []) {
      const [x = 0, y = 0] = p;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  }
  return [w, s, e, n];
}

/** Area in m²: outer rings minus holes. */
export function areaM2(g: OutlineGeometry): number {
  const [, s, , n] = bboxOf(g);
  const lat0 = (s + n) / 2;
  let total = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      total += (i === 0 ? 1 : -1) * ringAreaM2(ring, lat0);
    });
  }
  return Math.max(total, 0);
}

export function areaMu(g: OutlineGeometry): number {
  return areaM2(g) / M2_PER_MU;
}

/** The centre of the bounding box: where the map puts a label and the matcher measures from. */
export function centreOf(g: OutlineGeometry): [number, number] {
  const [w, s, e, n] = bboxOf(g);
  return [(w + e) / 2, (s + n) / 2];
}

/**
 * What is wrong with an outline, in words a person can fix in their GIS: empty or open rings,
 * coordinates outside the globe (or swapped, or projected metres), too many points, no area.
 * Empty when it is fine.
 */
export function outlineProblems(g: OutlineGeometry): Bilingual[] {
  const problems: Bilingual[] = [];
  const polys = polygonsOf(g);
  let points = 0;
  if (polys.length === 0) return [{ zh: '轮廓为空', en: 'The outline is empty' }];
  for (const poly of polys) {
    if (poly.length === 0) problems.push({ zh: '多边形没有边界环', en: 'A polygon has no ring' });
    for (const ring of poly) {
      points += ring.length;
      if (ring.length < 4) {
        problems.push({ zh: '边界环少于4个点', en: 'A ring has fewer than 4 points' });
        continue;
      }
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push({
          zh: '边界环未闭合（首尾点不同）',
          en: 'A ring is not closed (first and last points differ)',
        });
      }
      if (ring.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
        problems.push({ zh: '坐标不是数字', en: 'A coordinate is not a number' });
      } else if (ring.some((p) => Math.abs(p[0] as number) > 180 || Math.abs(p[1] as number) > 90)) {
        problems.push({
          zh: '坐标超出经纬度范围（是否为投影坐标？请导出为经纬度 CGCS2000/WGS84）',
          en: 'Coordinates outside longitude/latitude (projected metres? export as CGCS2000/WGS 84 degrees)',
        });
      }
    }
  }
  if (points > PARK_LIMITS.maxOutlinePoints) {
    problems.push({
      zh: `轮廓点数超过${PARK_LIMITS.maxOutlinePoints}`,
      en: `More than ${PARK_LIMITS.maxOutlinePoints} points`,
    });
  }
  if (problems.length === 0 && areaM2(g) < 1) {
    problems.push({ zh: '轮廓面积为零', en: 'The outline has no area' });
  }
  return dedupe(problems);
}

function dedupe(list: Bilingual[]): Bilingual[] {
  return [...new Map(list.map((b) => [b.en, b])).values()];
}
