import type { Kysely, Transaction } from 'kysely';
import type {
  ChainLeaderTable,
  ChainLinkTable,
  ChainParkTable,
  ChainTable,
  ChainTargetTable,
  Database,
} from '../../db/database';

/** The chain tables' writes and small reads; the heavy reads (map, targets) are in chain-read.repository.ts. */
type Q = Kysely<Database> | Transaction<Database>;

export type LeaderRow = ChainLeaderTable & {
  firm_name: string;
  firm_short_name: string | null;
  is_local: number;
};

export function listChains(db: Q): Promise<ChainTable[]> {
  return db.selectFrom('chain').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export function findChain(db: Q, id: string): Promise<ChainTable | undefined> {
  return db.selectFrom('chain').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findChainByName(db: Q, name: string) {
  return db.selectFrom('chain').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function insertChain(db: Q, row: ChainTable): Promise<void> {
  await db.insertInto('chain').values(row).execute();
}

/** Optimistic concurrency: the row changes only if nobody changed it since `version`. */
export async function updateChainVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<ChainTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('chain')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Every structural edit of a chain (its links) bumps the chain's version, so editors see the change. */
export async function bumpChainVersion(db: Q, id: string, nowIso: string): Promise<void> {
  await db
    .updateTable('chain')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso }))
    .where('id', '=', id)
    .execute();
}

export async function deleteChain(db: Q, id: string): Promise<void> {
  await db.deleteFrom('chain').where('id', '=', id).execute();
}

export function linksOf(db: Q, chainId: string): Promise<ChainLinkTable[]> {
  return db
    .selectFrom('chain_link')
    .selectAll()
    .where('chain_id', '=', chainId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function findLink(db: Q, id: string): Promise<ChainLinkTable | undefined> {
  return db.selectFrom('chain_link').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLinks(db: Q, rows: ChainLinkTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('chain_link')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function updateLink(db: Q, id: string, patch: Partial<ChainLinkTable>): Promise<void> {
  await db.updateTable('chain_link').set(patch).where('id', '=', id).execute();
}

export async function deleteLinks(db: Q, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // Children first is not needed (ON DELETE CASCADE), but SQLite enforces it only with
  // foreign_keys=ON; deleting the whole subtree explicitly is the same on both.
  await db.deleteFrom('chain_link').where('id', 'in', ids).execute();
}

/** How many firms, leads, projects and leader entries point at these links (what a delete detaches). */
export async function attachmentsOf(db: Q, linkIds: readonly string[]) {
  if (linkIds.length === 0) return { firms: 0, leads: 0, projects: 0, leaders: 0 };
  const count = async (table: 'firm' | 'lead' | 'project') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('link_id', 'in', linkIds)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const leaders = await db
    .selectFrom('chain_leader')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('link_id', 'in', linkIds)
    .executeTakeFirst();
  return {
    firms: await count('firm'),
    leads: await count('lead'),
    projects: await count('project'),
    leaders: Number(leaders?.n ?? 0),
  };
}

/** Detaches firms, leads and projects from deleted links (link_id has no FK: see the migration). */
export async function detachLinks(db: Q, linkIds: readonly string[]): Promise<void> {
  if (linkIds.length === 0) return;
  for (const table of ['firm', 'lead', 'project'] as const) {
    await db.updateTable(table).set({ link_id: null }).where('link_id', 'in', linkIds).execute();
  }
}

export function leadersOf(db: Q, chainIds: readonly string[]): Promise<LeaderRow[]> {
  if (chainIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chain_leader')
    .innerJoin('firm', 'firm.id', 'chain_leader.firm_id')
    .selectAll('chain_leader')
    .select(['firm.name as firm_name', 'firm.short_name as firm_short_name', 'firm.is_local'])
    .where('chain_leader.chain_id', 'in', chainIds)
    .orderBy('chain_leader.position')
    .execute();
}

export function parksOf(db: Q, chainIds: readonly string[]): Promise<ChainParkTable[]> {
  if (chainIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chain_park')
    .selectAll()
    .where('chain_id', 'in', chainIds)
    .orderBy('position')
    .execute();
}

export function targetsOf(db: Q, chainIds: readonly string[]): Promise<ChainTargetTable[]> {
  if (chainIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chain_target')
    .selectAll()
    .where('chain_id', 'in', chainIds)
    .orderBy('year')
    .execute();
}

export async function replaceLeaders(db: Q, chainId: string, rows: ChainLeaderTable[]): Promise<void> {
  await db.deleteFrom('chain_leader').where('chain_id', '=', chainId).execute();
  if (rows.length > 0) await db.insertInto('chain_leader').values(rows).execute();
}

export async function replaceParks(db: Q, chainId: string, rows: ChainParkTable[]): Promise<void> {
  await db.deleteFrom('chain_park').where('chain_id', '=', chainId).execute();
  if (rows.length > 0) await db.insertInto('chain_park').values(rows).execute();
}

export async function replaceTargets(db: Q, chainId: string, rows: ChainTargetTable[]): Promise<void> {
  await db.deleteFrom('chain_target').where('chain_id', '=', chainId).execute();
  if (rows.length > 0) await db.insertInto('chain_target').values(rows).execute();
}

export function firmsExist(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as Array<{ id: string; name: string; is_local: number }>);
  return db.selectFrom('firm').select(['id', 'name', 'is_local']).where('id', 'in', ids).execute();
}

export function findFirmByName(db: Q, name: string) {
  return db
    .selectFrom('firm')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)]))
    .limit(1)
    .executeTakeFirst();
}

export function zoneId(db: Q) {
  return db.selectFrom('zone').select('id').orderBy('created_at').limit(1).executeTakeFirst();
}

export function findSetting(db: Q, zone: string) {
  return db.selectFrom('chain_setting').selectAll().where('zone_id', '=', zone).executeTakeFirst();
}

export async function upsertSetting(
  db: Q,
  zone: string,
  weightsJson: string,
  version: number | null,
  nowIso: string,
): Promise<boolean> {
  if (version === null) {
    await db
      .insertInto('chain_setting')
      .values({ zone_id: zone, weights_json: weightsJson, version: 1, updated_at: nowIso })
      .execute();
    return true;
  }
  const res = await db
    .updateTable('chain_setting')
    .set({ weights_json: weightsJson, version: version + 1, updated_at: nowIso })
    .where('zone_id', '=', zone)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The link a firm, lead or project points at, and its name (for the audit and the response). */
export function linkOfRecord(db: Q, table: 'firm' | 'lead' | 'project', id: string) {
  return db.selectFrom(table).select(['id', 'link_id', 'version']).where('id', '=', id).executeTakeFirst();
}

/** A firm, lead or project with what attaching it to a link is decided by (its owner or officer). */
export function linkableRecord(db: Q, entity: 'firm' | 'lead' | 'project', id: string) {
  if (entity === 'firm')
    return db.selectFrom('firm').select(['id', 'link_id']).where('id', '=', id).executeTakeFirst();
  if (entity === 'lead')
    return db
      .selectFrom('lead')
      .select(['id', 'link_id', 'owner_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  return db
    .selectFrom('project')
    .select(['id', 'link_id', 'officer_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Attaches a record to a link (or detaches with null); bumps its version like any edit. */
export async function setRecordLink(
  db: Q,
  table: 'firm' | 'lead' | 'project',
  id: string,
  linkId: string | null,
  nowIso: string,
): Promise<void> {
  await db
    .updateTable(table)
    .set((eb) => ({ link_id: linkId, version: eb('version', '+', 1), updated_at: nowIso }))
    .where('id', '=', id)
    .execute();
}
