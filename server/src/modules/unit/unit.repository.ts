import type { Kysely, Transaction } from 'kysely';
import type { UnitStatus } from '../../../../shared/src/park';
import type { BuildingTable, Database, UnitTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export interface UnitFilter {
  parkId?: string | undefined;
  buildingId?: string | undefined;
  status?: UnitStatus[] | undefined;
  chainId?: string | undefined;
  minM2?: number | undefined;
  maxM2?: number | undefined;
  limit: number;
  offset: number;
}

function filtered(db: Q, f: Omit<UnitFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('unit');
  if (f.parkId) q = q.where('park_id', '=', f.parkId);
  if (f.buildingId) q = q.where('building_id', '=', f.buildingId);
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  if (f.minM2 !== undefined) q = q.where('area_m2', '>=', f.minM2);
  if (f.maxM2 !== undefined) q = q.where('area_m2', '<=', f.maxM2);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('park_id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  return q;
}

export async function listUnitIds(db: Q, f: UnitFilter): Promise<{ ids: string[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select('id')
      .orderBy('park_id')
      .orderBy('building_id')
      .orderBy('floor')
      .orderBy('unit_no')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count?.n ?? 0) };
}

export interface UnitRow extends UnitTable {
  park_name: string;
  building_name: string;
  firm_name: string | null;
}

export async function unitsByIds(db: Q, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('unit')
    .innerJoin('park', 'park.id', 'unit.park_id')
    .innerJoin('building', 'building.id', 'unit.building_id')
    .leftJoin('firm', 'firm.id', 'unit.firm_id')
    .selectAll('unit')
    .select(['park.name as park_name', 'building.name as building_name', 'firm.name as firm_name'])
    .where('unit.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findUnitRow(db: Q, id: string): Promise<UnitTable | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBuilding(db: Q, parkId: string, name: string): Promise<BuildingTable | undefined> {
  return db
    .selectFrom('building')
    .selectAll()
    .where('park_id', '=', parkId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertBuilding(db: Q, row: BuildingTable): Promise<void> {
  await db.insertInto('building').values(row).execute();
}

export async function insertUnit(db: Q, row: UnitTable): Promise<void> {
  await db.insertInto('unit').values(row).execute();
}

export async function updateUnitVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<UnitTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('unit')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function firmExists(db: Q, id: string): Promise<boolean> {
  return (await db.selectFrom('firm').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
