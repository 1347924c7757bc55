import type { Kysely, Transaction } from 'kysely';
import type { PlotStatus } from '../../../../shared/src/park';
import type { Database, PlotTable, SiteReservationTable } from '../../db/database';
import { parseSort } from '../../lib/list-query';

type Q = Kysely<Database> | Transaction<Database>;

export const PLOT_SORTS = ['code', 'areaMu', 'status', 'updatedAt'] as const;
const SORT_COLUMN = { code: 'code', areaMu: 'area_mu', status: 'status', updatedAt: 'updated_at' } as const;

export interface PlotFilter {
  parkId?: string | undefined;
  status?: PlotStatus[] | undefined;
  chainId?: string | undefined;
  minMu?: number | undefined;
  maxMu?: number | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  limit: number;
  offset: number;
}

function filtered(db: Q, f: Omit<PlotFilter, 'limit' | 'offset' | 'sort'>) {
  let q = db.selectFrom('plot');
  if (f.parkId) q = q.where('park_id', '=', f.parkId);
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  if (f.minMu !== undefined) q = q.where('area_mu', '>=', f.minMu);
  if (f.maxMu !== undefined) q = q.where('area_mu', '<=', f.maxMu);
  if (f.q) q = q.where('code', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('park_id', 'in', (eb) =>
      eb.selectFrom('park_chain').select('park_id').where('chain_id', '=', chainId),
    );
  }
  return q;
}

/** One page of plot ids in the requested order, and the total. */
export async function listPlotIds(db: Q, f: PlotFilter): Promise<{ ids: string[]; total: number }> {
  const { column, direction } = parseSort(f.sort ?? 'code');
  const sortColumn = SORT_COLUMN[column as keyof typeof SORT_COLUMN] ?? 'code';
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select('id')
      .orderBy(sortColumn, direction)
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count?.n ?? 0) };
}

export interface PlotRow extends PlotTable {
  park_name: string;
  project_name: string | null;
}

/** Plots with their park's and project's names, in the order of `ids`. */
export async function plotsByIds(db: Q, ids: readonly string[]): Promise<PlotRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('plot')
    .innerJoin('park', 'park.id', 'plot.park_id')
    .leftJoin('project', 'project.id', 'plot.project_id')
    .selectAll('plot')
    .select(['park.name as park_name', 'project.name as project_name'])
    .where('plot.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findPlotRow(db: Q, id: string): Promise<PlotTable | undefined> {
  return db.selectFrom('plot').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function investorsOfProjects(
  db: Q,
  projectIds: readonly string[],
): Promise<Array<{ project_id: string; id: string; name: string }>> {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('project_investor')
    .innerJoin('firm', 'firm.id', 'project_investor.firm_id')
    .select(['project_investor.project_id', 'firm.id', 'firm.name'])
    .where('project_investor.project_id', 'in', projectIds)
    .execute();
}

/** The projects a firm invests in (an enterprise user sees only these on plots). */
export async function projectIdsOfFirm(db: Q, firmId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('project_investor')
    .select('project_id')
    .where('firm_id', '=', firmId)
    .execute();
  return new Set(rows.map((r) => r.project_id));
}

export interface ActiveReservationRow extends SiteReservationTable {
  lead_title: string;
}

/** Active reservations (意向) of the given places, with the lead's title. */
export async function activeReservationsOf(
  db: Q,
  placeIds: readonly string[],
): Promise<Map<string, ActiveReservationRow>> {
  if (placeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('site_reservation')
    .innerJoin('lead', 'lead.id', 'site_reservation.lead_id')
    .selectAll('site_reservation')
    .select('lead.title as lead_title')
    .where('site_reservation.place_id', 'in', placeIds)
    .where('site_reservation.status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.place_id, r]));
}

export async function insertPlots(db: Q, rows: readonly PlotTable[]): Promise<void> {
  // Chunks keep SQLite under its bound-parameter limit (27 columns a row).
  for (let i = 0; i < rows.length; i += 30) {
    await db
      .insertInto('plot')
      .values(rows.slice(i, i + 30))
      .execute();
  }
}

export async function updatePlotVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<PlotTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('plot')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Which of `codes` a park already has (an import must not duplicate a plot number). */
export async function existingCodes(db: Q, parkId: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('plot')
      .select('code')
      .where('park_id', '=', parkId)
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function projectOfficer(
  db: Q,
  projectId: string,
): Promise<{ id: string; officer_id: string | null } | undefined> {
  return db.selectFrom('project').select(['id', 'officer_id']).where('id', '=', projectId).executeTakeFirst();
}

/** Records the park a project sits in when it is put on a plot (the project's park becomes a reference). */
export async function setProjectPark(db: Q, projectId: string, parkId: string): Promise<void> {
  await db.updateTable('project').set({ park_id: parkId }).where('id', '=', projectId).execute();
}
