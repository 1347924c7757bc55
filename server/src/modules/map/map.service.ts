import { PARK_LIMITS } from '../../../../shared/src/park';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { seesReservations } from '../plot/plot.policy';
import { MapTextBuilder } from './map.presenter';
import * as repo from './map.repository';

/**
 * The 招商地图 (issue 18): parks, plots and buildings as one GeoJSON FeatureCollection, from the
 * zone's own outlines (no basemap needed). Plot filters as in the plot list; a status filter
 * is about land, so buildings are left out when one is given. A plot reads reserved only to
 * readers of reservations (plot.policy.ts). Answers JSON as byte chunks (`MapData`'s shape): see
 * `MapTextBuilder` for why.
 */
export async function mapData(ctx: ServiceContext, filter: repo.MapFilter): Promise<Buffer[]> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const cap = PARK_LIMITS.maxMapFeatures;
  const plotFiltered =
    (filter.status?.length ?? 0) > 0 || filter.minMu !== undefined || filter.maxMu !== undefined;
  const [parks, plots, buildings] = await Promise.all([
    repo.mapParks(db, filter),
    repo.mapPlots(db, filter, cap, seesReservations(actor)),
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
  out.addWritten(plots.text, plots.box, plots.unboxed);
  const room = Math.max(cap - plots.count, 0);
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
  return out.chunks(Math.max(plots.total - plots.count, 0) + Math.max(buildings.length - room, 0));
}
