import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlotStatus } from '../../../../shared/src/park';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export interface MapFilter {
  parkId?: string | undefined;
  chainId?: string | undefined;
  status?: PlotStatus[] | undefined;
  minMu?: number | undefined;
  maxMu?: number | undefined;
}

export async function mapParks(db: Q, f: MapFilter) {
  let q = db
    .selectFrom('park')
    .select(['id', 'name', 'outline_json', 'is_sample'])
    .where('outline_json', 'is not', null);
  if (f.parkId) q = q.where('id', '=', f.parkId);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  return q.orderBy('name').execute();
}

/** Plots with outlines matching the filter, at most `limit`, and how many match in all. */
export async function mapPlots(db: Q, f: MapFilter, limit: number) {
  let q = db.selectFrom('plot as x').where('x.geometry_json', 'is not', null);
  if (f.parkId) q = q.where('x.park_id', '=', f.parkId);
  if (f.status && f.status.length > 0) q = q.where('x.status', 'in', f.status);
  if (f.minMu !== undefined) q = q.where('x.area_mu', '>=', f.minMu);
  if (f.maxMu !== undefined) q = q.where('x.area_mu', '<=', f.maxMu);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('x.park_id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  const rows = await q
    .select([
      'x.id',
      'x.code',
      'x.park_id',
      'x.status',
      'x.area_mu',
      'x.geometry_json',
      'x.bbox_west',
      'x.bbox_south',
      'x.bbox_east',
      'x.bbox_north',
      'x.is_sample',
      sql<number>`case when exists (select 1 from site_reservation r where r.place_id = x.id and r.status = 'active') then 1 else 0 end`.as(
        'reserved',
      ),
    ])
    .orderBy('x.id')
    .limit(limit)
    .execute();
  // Counting all that match is a second scan: only needed when the cap was reached.
  if (rows.length < limit) return { rows, total: rows.length };
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Buildings with outlines and their floor space: total and vacant (m²). */
export async function mapBuildings(db: Q, f: MapFilter, limit: number) {
  let q = db
    .selectFrom('building as b')
    .leftJoin('unit as u', 'u.building_id', 'b.id')
    .where('b.geometry_json', 'is not', null);
  if (f.parkId) q = q.where('b.park_id', '=', f.parkId);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('b.park_id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  return q
    .select((eb) => [
      'b.id',
      'b.name',
      'b.park_id',
      'b.geometry_json',
      'b.is_sample',
      eb.fn.sum<number>('u.area_m2').as('total'),
      sql<number>`sum(case when u.status = 'vacant' then u.area_m2 else 0 end)`.as('vacant'),
      sql<number>`sum(case when u.status = 'intent' then 1 else 0 end)`.as('intents'),
    ])
    .groupBy(['b.id', 'b.name', 'b.park_id', 'b.geometry_json', 'b.is_sample'])
    .orderBy('b.id')
    .limit(limit)
    .execute();
}
