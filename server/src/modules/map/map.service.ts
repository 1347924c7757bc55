import type { MapData, MapFeature, Outline } from '../../../../shared/src/contract/park';
import { PARK_LIMITS } from '../../../../shared/src/park';
import { bboxOf } from '../../lib/geo';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import * as repo from './map.repository';

/**
 * The 招商地图 (issue 18): parks, plots and buildings as one GeoJSON FeatureCollection, from the
 * zone's own outlines (no basemap needed). Plot filters as in the plot list; a status filter
 * is about land, so buildings are left out when one is given.
 */
export async function mapData(ctx: ServiceContext, filter: repo.MapFilter): Promise<MapData> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const cap = PARK_LIMITS.maxMapFeatures;
  const plotFiltered =
    (filter.status?.length ?? 0) > 0 || filter.minMu !== undefined || filter.maxMu !== undefined;
  const [parks, plots, buildings] = await Promise.all([
    repo.mapParks(db, filter),
    repo.mapPlots(db, filter, cap),
    plotFiltered ? Promise.resolve([]) : repo.mapBuildings(db, filter, cap),
  ]);
  const features: MapFeature[] = [];
  for (const p of parks) {
    features.push(
      feature(p.id, p.outline_json, {
        kind: 'park',
        id: p.id,
        name: p.name,
        parkId: p.id,
        status: null,
        areaMu: null,
        areaM2: null,
        vacantM2: null,
        reserved: false,
        isSample: p.is_sample === 1,
      }),
    );
  }
  for (const p of plots.rows) {
    features.push(
      feature(p.id, p.geometry_json, {
        kind: 'plot',
        id: p.id,
        name: p.code,
        parkId: p.park_id,
        status: p.status,
        areaMu: p.area_mu,
        areaM2: null,
        vacantM2: null,
        reserved: Number(p.reserved) === 1,
        isSample: p.is_sample === 1,
      }),
    );
  }
  const room = Math.max(cap - plots.rows.length, 0);
  for (const b of buildings.slice(0, room)) {
    const vacant = Number(b.vacant ?? 0);
    features.push(
      feature(b.id, b.geometry_json, {
        kind: 'building',
        id: b.id,
        name: b.name,
        parkId: b.park_id,
        status: vacant > 0 ? 'vacant' : 'full',
        areaMu: null,
        areaM2: Number(b.total ?? 0),
        vacantM2: vacant,
        reserved: Number(b.intents ?? 0) > 0,
        isSample: b.is_sample === 1,
      }),
    );
  }
  return {
    type: 'FeatureCollection',
    features,
    bbox: bboxAll(features),
    leftOut: Math.max(plots.total - plots.rows.length, 0) + Math.max(buildings.length - room, 0),
  };
}

function feature(id: string, geometry: string | null, properties: MapFeature['properties']): MapFeature {
  return { type: 'Feature', id, geometry: JSON.parse(geometry ?? 'null') as Outline, properties };
}

function bboxAll(features: MapFeature[]): number[] | null {
  if (features.length === 0) return null;
  const box = [180, 90, -180, -90];
  for (const f of features) {
    const [w, s, e, n] = bboxOf(f.geometry);
    box[0] = Math.min(box[0] as number, w);
    box[1] = Math.min(box[1] as number, s);
    box[2] = Math.max(box[2] as number, e);
    box[3] = Math.max(box[3] as number, n);
  }
  return box;
}
