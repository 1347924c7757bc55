import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlotStatus } from '../../../../shared/src/park';
import type { Database } from '../../db/database';
import { dialectOf, joinedBytesSql, joinedTextSql, jsonValueSql } from '../../db/dialect-sql';

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

/** The plot features of the map, written by SQL (see `mapPlots`), and what the service needs beside. */
export interface PlotFeatures {
  /** The features' JSON, comma-separated (null when none): text, or its UTF-8 bytes. */
  text: string | Buffer | null;
  count: number;
  /** How many match in all (more than `count` when the cap was reached). */
  total: number;
  box: [number, number, number, number] | null;
  /** Outlines without a stored box, comma-separated (null when every one has its box). */
  unboxed: string | null;
}

/**
 * Plots with outlines matching the filter, at most `limit` (by id), as the map's GeoJSON features
 * written by the database in one row: the outline is the JSON text stored at write time, the
 * properties are written column by column, and the rows are joined into one text. On PostgreSQL
 * fetching 5,000 rows of 12 columns and writing them in JavaScript cost ~28 ms of the server's
 * CPU per request against ~5 ms in PostgreSQL; written there it is one value to decode (issue 18).
 * Ids are made by the app and a status is one of PLOT_STATUSES, so they need no escaping; the
 * number (code) is people's text and is quoted. `reservations`: whether the reader may know of
 * reservations (they name leads, plot.policy.ts); otherwise every plot reads unreserved.
 */
export async function mapPlots(
  db: Q,
  f: MapFilter,
  limit: number,
  reservations: boolean,
): Promise<PlotFeatures> {
  const dialect = dialectOf(db);
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
  const reserved = reservations
    ? sql<string>`case when exists (select 1 from site_reservation r where r.place_id = x.id and r.status = 'active') then 'true' else 'false' end`
    : sql<string>`'false'`;
  const feature = sql<string>`'{"type":"Feature","id":"' || x.id || '","geometry":' || x.geometry_json || ',"properties":{"kind":"plot","id":"' || x.id || '","name":' || ${jsonValueSql(dialect, sql.ref('x.code'))} || ',"parkId":"' || x.park_id || '","status":"' || x.status || '","areaMu":' || ${jsonValueSql(dialect, sql.ref('x.area_mu'))} || ',"areaM2":null,"vacantM2":null,"reserved":' || ${reserved} || ',"isSample":' || case when x.is_sample = 1 then 'true' else 'false' end || '}}'`;
  const page = q
    .select([
      feature.as('feature'),
      'x.geometry_json',
      'x.bbox_west',
      'x.bbox_south',
      'x.bbox_east',
      'x.bbox_north',
    ])
    .orderBy('x.id')
    .limit(limit)
    .as('t');
  const row = await db
    .selectFrom(page)
    .select((eb) => [
      joinedBytesSql(dialect, sql.ref('t.feature')).as('text'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.min('t.bbox_west').as('west'),
      eb.fn.min('t.bbox_south').as('south'),
      eb.fn.max('t.bbox_east').as('east'),
      eb.fn.max('t.bbox_north').as('north'),
      joinedTextSql(dialect, sql`case when t.bbox_west is null then t.geometry_json end`).as('unboxed'),
    ])
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  const { west, south, east, north } = row;
  const box: PlotFeatures['box'] =
    west === null || south === null || east === null || north === null ? null : [west, south, east, north];
  // Counting all that match is a second scan: only needed when the cap was reached.
  let total = count;
  if (count >= limit) {
    const all = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    total = Number(all?.n ?? 0);
  }
  return { text: row.text, count, total, box, unboxed: row.unboxed };
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
