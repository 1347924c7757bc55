import { PARK_LIMITS } from '../../../../shared/src/park';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { MapTextBuilder, storedBox } from './map.presenter';
import * as repo from './map.repository';

/**
 * The 招商地图 (issue 18): parks, plots and buildings as one GeoJSON FeatureCollection, from the
 * zone's own outlines (no basemap needed). Plot filters as in the plot list; a status filter
 * is about land, so buildings are left out when one is given. Answers JSON text (`MapData`'s
 * shape): see `MapTextBuilder` for why.
 */
export async function mapData(ctx: ServiceContext, filter: repo.MapFilter): Promise<string> {
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
  const out = new MapTextBuilder();
  for (const p of parks) {
    out.add(p.outline_json, {
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
    });
  }
  for (const p of plots.rows) {
    out.add(
      p.geometry_json,
      {
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
      },
      storedBox(p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north),
    );
  }
  const room = Math.max(cap - plots.rows.length, 0);
  for (const b of buildings.slice(0, room)) {
    const vacant = Number(b.vacant ?? 0);
    out.add(b.geometry_json, {
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
    });
  }
  return out.text(Math.max(plots.total - plots.rows.length, 0) + Math.max(buildings.length - room, 0));
}
