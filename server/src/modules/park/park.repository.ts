import { type Kysely, sql, type Transaction } from 'kysely';
import { PLOT_AVAILABLE, PLOT_SUPPLIED, UNIT_TAKEN } from '../../../../shared/src/park';
import type { Database, ParkTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** The parks, by name; `chainId` narrows to the parks carrying that chain. */
export async function listParkRows(
  db: Q,
  filter: { chainId?: string | undefined } = {},
): Promise<ParkTable[]> {
  let q = db.selectFrom('park').selectAll();
  if (filter.chainId) {
    const chainId = filter.chainId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  return q.orderBy('name').execute();
}

export async function findParkRow(db: Q, id: string): Promise<ParkTable | undefined> {
  return db.selectFrom('park').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function parkChainsOf(
  db: Q,
  parkIds: readonly string[],
): Promise<Array<{ park_id: string; id: string; name: string }>> {
  if (parkIds.length === 0) return [];
  return db
    .selectFrom('park_chain')
    .innerJoin('chain', 'chain.id', 'park_chain.chain_id')
    .select(['park_chain.park_id', 'chain.id', 'chain.name'])
    .where('park_chain.park_id', 'in', parkIds)
    .orderBy('chain.sort_order')
    .execute();
}

export async function existingChainIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('chain').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertPark(db: Q, row: ParkTable): Promise<void> {
  await db.insertInto('park').values(row).execute();
}

/** Writes the patch only if the version is the one read; false when someone changed it since. */
export async function updateParkVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<ParkTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('park')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceParkChains(db: Q, parkId: string, chainIds: readonly string[]): Promise<void> {
  await db.deleteFrom('park_chain').where('park_id', '=', parkId).execute();
  if (chainIds.length > 0) {
    await db
      .insertInto('park_chain')
      .values(chainIds.map((chain_id) => ({ park_id: parkId, chain_id })))
      .execute();
  }
}

export interface ParkFigureRow {
  landMu: number;
  landSuppliedMu: number;
  landAvailableMu: number;
  landReservedMu: number;
  plots: number;
  buildingM2: number;
  takenM2: number;
  vacantM2: number;
  units: number;
  firms: number;
  projects: number;
  projectLandMu: number;
  output: number | null;
  tax: number | null;
}

const emptyFigures = (): ParkFigureRow => ({
  landMu: 0,
  landSuppliedMu: 0,
  landAvailableMu: 0,
  landReservedMu: 0,
  plots: 0,
  buildingM2: 0,
  takenM2: 0,
  vacantM2: 0,
  units: 0,
  firms: 0,
  projects: 0,
  projectLandMu: 0,
  output: null,
  tax: null,
});

const num = (v: unknown): number => Number(v ?? 0);

/**
 * Every figure of the given parks, counted from their plots, units, projects and round reports
 * (never typed in). `since` bounds the round reports read for output and tax per 亩 (a year back).
 */
export async function parkFigures(
  db: Q,
  parkIds: readonly string[],
  since: string,
): Promise<Map<string, ParkFigureRow>> {
  const out = new Map<string, ParkFigureRow>(parkIds.map((id) => [id, emptyFigures()]));
  if (parkIds.length === 0) return out;
  const inList = (xs: readonly string[]) => sql.join([...xs]);
  const [land, floor, projects, firms, money] = await Promise.all([
    db
      .selectFrom('plot')
      .leftJoin('site_reservation as r', (j) =>
        j.onRef('r.place_id', '=', 'plot.id').on('r.status', '=', 'active').on('r.place_kind', '=', 'plot'),
      )
      .select((eb) => [
        'plot.park_id',
        eb.fn.sum<number>('plot.area_mu').as('land'),
        sql<number>`sum(case when plot.status in (${inList(PLOT_SUPPLIED)}) then plot.area_mu else 0 end)`.as(
          'supplied',
        ),
        sql<number>`sum(case when plot.status in (${inList(PLOT_AVAILABLE)}) then plot.area_mu else 0 end)`.as(
          'available',
        ),
        sql<number>`sum(case when plot.status in (${inList(PLOT_AVAILABLE)}) and r.id is not null then plot.area_mu else 0 end)`.as(
          'reserved',
        ),
        sql<number>`sum(case when plot.project_id is not null then plot.area_mu else 0 end)`.as(
          'projectLand',
        ),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('plot.park_id', 'in', parkIds)
      .groupBy('plot.park_id')
      .execute(),
    db
      .selectFrom('unit')
      .select((eb) => [
        'park_id',
        eb.fn.sum<number>('area_m2').as('total'),
        sql<number>`sum(case when status in (${inList(UNIT_TAKEN)}) then area_m2 else 0 end)`.as('taken'),
        sql<number>`sum(case when status = 'vacant' then area_m2 else 0 end)`.as('vacant'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('park_id', 'in', parkIds)
      .groupBy('park_id')
      .execute(),
    db
      .selectFrom('project')
      .select((eb) => ['park_id', eb.fn.countAll<number>().as('n')])
      .where('park_id', 'in', parkIds)
      .groupBy('park_id')
      .execute(),
    // Firms in a park: investors of its projects and tenants/owners of its units, each once.
    db
      .selectFrom('project_investor as pi')
      .innerJoin('project', 'project.id', 'pi.project_id')
      .select(['project.park_id as park_id', 'pi.firm_id as firm_id'])
      .where('project.park_id', 'in', parkIds)
      .union(
        db
          .selectFrom('unit')
          .select(['park_id', 'firm_id'])
          .where('park_id', 'in', parkIds)
          .where('firm_id', 'is not', null)
          .$castTo<{ park_id: string | null; firm_id: string }>(),
      )
      .execute(),
    db
      .selectFrom('round_report as rr')
      .innerJoin('round', 'round.id', 'rr.round_id')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('plot')
            .select(['park_id', 'project_id'])
            .distinct()
            .where('project_id', 'is not', null)
            .where('park_id', 'in', parkIds)
            .as('pp'),
        (j) => j.onRef('pp.project_id', '=', 'rr.project_id'),
      )
      .select((eb) => [
        'pp.park_id',
        eb.fn.sum<number>('rr.output_period').as('output'),
        eb.fn.sum<number>('rr.tax_period').as('tax'),
        eb.fn.count<number>('rr.output_period').as('nOutput'),
        eb.fn.count<number>('rr.tax_period').as('nTax'),
      ])
      .where('round.period_start', '>=', since)
      .groupBy('pp.park_id')
      .execute(),
  ]);
  for (const r of land) {
    const f = out.get(r.park_id);
    if (!f) continue;
    f.landMu = num(r.land);
    f.landSuppliedMu = num(r.supplied);
    f.landAvailableMu = num(r.available);
    f.landReservedMu = num(r.reserved);
    f.projectLandMu = num(r.projectLand);
    f.plots = num(r.n);
  }
  for (const r of floor) {
    const f = out.get(r.park_id);
    if (!f) continue;
    f.buildingM2 = num(r.total);
    f.takenM2 = num(r.taken);
    f.vacantM2 = num(r.vacant);
    f.units = num(r.n);
  }
  for (const r of projects) {
    const f = r.park_id ? out.get(r.park_id) : undefined;
    if (f) f.projects = num(r.n);
  }
  for (const r of firms) {
    const f = r.park_id ? out.get(r.park_id) : undefined;
    if (f) f.firms += 1;
  }
  for (const r of money) {
    const f = out.get(r.park_id);
    if (!f) continue;
    f.output = num(r.nOutput) > 0 ? num(r.output) : null;
    f.tax = num(r.nTax) > 0 ? num(r.tax) : null;
  }
  return out;
}
