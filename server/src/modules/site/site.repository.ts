import { type Kysely, sql, type Transaction } from 'kysely';
import { PLOT_AVAILABLE } from '../../../../shared/src/park';
import type { Database, SiteReservationTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** How many candidates the matcher scores: the closest in size, so a zone of any size answers fast. */
const CANDIDATES = 400;

export async function leadForSites(
  db: Q,
  leadId: string,
): Promise<{ id: string; title: string; owner_id: string | null; chain_id: string | null } | undefined> {
  return db
    .selectFrom('lead')
    .leftJoin('chain_link', 'chain_link.id', 'lead.link_id')
    .select(['lead.id', 'lead.title', 'lead.owner_id', 'chain_link.chain_id'])
    .where('lead.id', '=', leadId)
    .executeTakeFirst();
}

export async function chainName(db: Q, chainId: string): Promise<string | null> {
  const row = await db.selectFrom('chain').select('name').where('id', '=', chainId).executeTakeFirst();
  return row?.name ?? null;
}

const notReserved = sql<boolean>`not exists (select 1 from site_reservation r where r.place_id = x.id and r.status = 'active')`;

export interface PlotCandidate {
  id: string;
  code: string;
  park_id: string;
  park_name: string;
  status: string;
  area_mu: number;
  power_kva: number | null;
  price: number | null;
  carries_chain: number;
}

/** Available, unreserved plots, the closest to `landMu` first (all sizes when it is null). */
export async function plotCandidates(
  db: Q,
  landMu: number | null,
  chainId: string | null,
): Promise<PlotCandidate[]> {
  let q = db
    .selectFrom('plot as x')
    .innerJoin('park', 'park.id', 'x.park_id')
    .select([
      'x.id',
      'x.code',
      'x.park_id',
      'park.name as park_name',
      'x.status',
      'x.area_mu',
      'x.power_kva',
      'x.price',
      sql<number>`case when exists (select 1 from park_chain pc where pc.park_id = x.park_id and pc.chain_id = ${chainId ?? ''}) then 1 else 0 end`.as(
        'carries_chain',
      ),
    ])
    .where('x.status', 'in', [...PLOT_AVAILABLE])
    .where(notReserved);
  if (landMu !== null) {
    q = q.where('x.area_mu', '>=', landMu * 0.7).orderBy(sql`abs(x.area_mu - ${landMu})`);
  }
  return q.orderBy('x.id').limit(CANDIDATES).execute();
}

export interface UnitCandidate {
  id: string;
  park_id: string;
  park_name: string;
  building_name: string;
  floor: number;
  unit_no: string;
  status: string;
  area_m2: number;
  load_kn_m2: number | null;
  crane_t: number | null;
  carries_chain: number;
}

/** Vacant, unreserved units, the closest to `buildingM2` first. */
export async function unitCandidates(
  db: Q,
  buildingM2: number | null,
  chainId: string | null,
): Promise<UnitCandidate[]> {
  let q = db
    .selectFrom('unit as x')
    .innerJoin('park', 'park.id', 'x.park_id')
    .innerJoin('building', 'building.id', 'x.building_id')
    .select([
      'x.id',
      'x.park_id',
      'park.name as park_name',
      'building.name as building_name',
      'x.floor',
      'x.unit_no',
      'x.status',
      'x.area_m2',
      'x.load_kn_m2',
      'x.crane_t',
      sql<number>`case when exists (select 1 from park_chain pc where pc.park_id = x.park_id and pc.chain_id = ${chainId ?? ''}) then 1 else 0 end`.as(
        'carries_chain',
      ),
    ])
    .where('x.status', '=', 'vacant')
    .where(notReserved);
  if (buildingM2 !== null) {
    q = q.where('x.area_m2', '>=', buildingM2 * 0.7).orderBy(sql`abs(x.area_m2 - ${buildingM2})`);
  }
  return q.orderBy('x.id').limit(CANDIDATES).execute();
}

export async function placeRow(
  db: Q,
  kind: 'plot' | 'unit',
  id: string,
): Promise<{ id: string; status: string; version: number } | undefined> {
  return kind === 'plot'
    ? db.selectFrom('plot').select(['id', 'status', 'version']).where('id', '=', id).executeTakeFirst()
    : db.selectFrom('unit').select(['id', 'status', 'version']).where('id', '=', id).executeTakeFirst();
}

export async function insertReservation(db: Q, row: SiteReservationTable): Promise<void> {
  await db.insertInto('site_reservation').values(row).execute();
}

export async function findReservation(db: Q, id: string): Promise<SiteReservationTable | undefined> {
  return db.selectFrom('site_reservation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function releaseReservationRow(db: Q, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('site_reservation')
    .set({ status: 'released', active_key: null, released_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A unit promised to a lead shows 意向 while vacant; released, it is vacant again. */
export async function setUnitStatusIf(
  db: Q,
  id: string,
  from: string,
  to: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('unit')
    .set((eb) => ({ status: to, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .execute();
}

export interface LeadReservationRow extends SiteReservationTable {
  lead_title: string;
  plot_code: string | null;
  building_name: string | null;
  floor: number | null;
  unit_no: string | null;
  park_name: string | null;
}

/** A lead's reservations, newest first, with the place's label and park. */
export async function reservationsOfLead(db: Q, leadId: string): Promise<LeadReservationRow[]> {
  return db
    .selectFrom('site_reservation as r')
    .innerJoin('lead', 'lead.id', 'r.lead_id')
    .leftJoin('plot', 'plot.id', 'r.place_id')
    .leftJoin('unit', 'unit.id', 'r.place_id')
    .leftJoin('building', 'building.id', 'unit.building_id')
    .leftJoin('park', (j) =>
      j.on((eb) =>
        eb.or([eb('park.id', '=', eb.ref('plot.park_id')), eb('park.id', '=', eb.ref('unit.park_id'))]),
      ),
    )
    .selectAll('r')
    .select([
      'lead.title as lead_title',
      'plot.code as plot_code',
      'building.name as building_name',
      'unit.floor',
      'unit.unit_no',
      'park.name as park_name',
    ])
    .where('r.lead_id', '=', leadId)
    .orderBy('r.created_at', 'desc')
    .execute();
}
