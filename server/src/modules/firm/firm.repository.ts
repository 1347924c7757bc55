import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../../db/connect';
import type { Database, FirmRelationTable, FirmTable, LinkFields } from '../../db/database';
import { orderNullsLow, searchCondition } from '../../db/dialect-sql';
import { parseSort } from '../../lib/list-query';
import { linkSubtreeIds } from '../record-link/record-link';
import type { FirmScope } from './firm.policy';

type Q = Kysely<Database> | Transaction<Database>;

export type FirmRow = FirmTable & LinkFields & { project_count: number; lead_count: number };

export const FIRM_SORTS = ['name', 'registeredCapital', 'updatedAt', 'createdAt', 'region'] as const;
const SORT_COLUMNS: Record<(typeof FIRM_SORTS)[number], string> = {
  name: 'firm.name',
  registeredCapital: 'firm.registered_capital',
  updatedAt: 'firm.updated_at',
  createdAt: 'firm.created_at',
  region: 'firm.region',
};

/** Filters of the firm list; also what an export of the list takes. */
export interface FirmListFilter {
  q?: string | undefined;
  isLocal?: boolean | undefined;
  industryCode?: string | undefined;
  tag?: string | undefined;
  sizeClass?: string | undefined;
  listed?: boolean | undefined;
  isSample?: boolean | undefined;
  /** A chain link: firms on it or on any link beneath it. */
  linkId?: string | undefined;
  sort?: string | undefined;
  limit: number;
  offset: number;
}

function withCounts(db: Q) {
  return db
    .selectFrom('firm')
    .selectAll('firm')
    .select((eb) => [
      eb
        .selectFrom('project_investor')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('project_investor.firm_id', '=', 'firm.id')
        .as('project_count'),
      eb
        .selectFrom('lead')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('lead.target_firm_id', '=', 'firm.id')
        .as('lead_count'),
    ]);
}

function normaliseCounts(
  row: FirmTable & LinkFields & { project_count: unknown; lead_count: unknown },
): FirmRow {
  return { ...row, project_count: Number(row.project_count ?? 0), lead_count: Number(row.lead_count ?? 0) };
}

export async function findFirmById(db: Q, id: string): Promise<FirmRow | undefined> {
  const row = await withCounts(db).where('firm.id', '=', id).executeTakeFirst();
  return row ? normaliseCounts(row) : undefined;
}

export function findFirmsByIds(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as Array<{ id: string; name: string }>);
  return db.selectFrom('firm').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The firm list: filters, Chinese full-text search, sort, page. */
export async function listFirms(
  db: Q,
  dialect: DialectName,
  f: FirmListFilter,
  scope: FirmScope,
): Promise<{ rows: FirmRow[]; total: number }> {
  let q = db.selectFrom('firm');
  if (scope.kind === 'own') q = q.where('firm.id', '=', scope.firmId ?? '');
  const search = searchCondition(dialect, 'firm', f.q);
  if (search) q = q.where(search);
  if (f.isLocal !== undefined) q = q.where('firm.is_local', '=', f.isLocal ? 1 : 0);
  if (f.industryCode) q = q.where('firm.industry_code', 'like', `${f.industryCode.replace(/[%_\\]/g, '')}%`);
  if (f.tag) q = q.where('firm.tags_json', 'like', `%${JSON.stringify(f.tag).replace(/[%_\\]/g, '')}%`);
  if (f.sizeClass) q = q.where('firm.size_class', '=', f.sizeClass);
  if (f.listed !== undefined) {
    q = f.listed ? q.where('firm.listed_code', 'is not', null) : q.where('firm.listed_code', 'is', null);
  }
  if (f.isSample !== undefined) q = q.where('firm.is_sample', '=', f.isSample ? 1 : 0);
  if (f.linkId) q = q.where('firm.link_id', 'in', linkSubtreeIds(db, f.linkId));
  const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const { column, direction } = parseSort(f.sort ?? 'name');
  const col = SORT_COLUMNS[column as keyof typeof SORT_COLUMNS] ?? 'firm.name';
  const ids = await q
    .select('firm.id')
    .orderBy(orderNullsLow(dialect, col, direction))
    .orderBy('firm.id', direction)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const rows = ids.length
    ? await withCounts(db)
        .where(
          'firm.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, normaliseCounts(r)]));
  return {
    rows: ids.map((r) => byId.get(r.id)).filter((r): r is FirmRow => !!r),
    total: Number(totalRow?.n ?? 0),
  };
}

export async function insertFirm(db: Q, row: FirmTable & Partial<LinkFields>): Promise<void> {
  await db.insertInto('firm').values(row).execute();
}

export async function updateFirmVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<FirmTable & LinkFields>,
): Promise<boolean> {
  const res = await db
    .updateTable('firm')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type RelationRow = FirmRelationTable & { from_firm_name: string; to_firm_name: string };

/** Relations where the firm is on either end (the 以商招商 graph around it). */
export function listRelations(db: Q, firmId: string): Promise<RelationRow[]> {
  return db
    .selectFrom('firm_relation')
    .innerJoin('firm as f', 'f.id', 'firm_relation.from_firm_id')
    .innerJoin('firm as t', 't.id', 'firm_relation.to_firm_id')
    .selectAll('firm_relation')
    .select(['f.name as from_firm_name', 't.name as to_firm_name'])
    .where((eb) =>
      eb.or([eb('firm_relation.from_firm_id', '=', firmId), eb('firm_relation.to_firm_id', '=', firmId)]),
    )
    .orderBy('firm_relation.created_at')
    .orderBy('firm_relation.id')
    .execute();
}

export function findRelation(db: Q, id: string) {
  return db.selectFrom('firm_relation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSameRelation(db: Q, from: string, to: string, kind: string) {
  return db
    .selectFrom('firm_relation')
    .select('id')
    .where('from_firm_id', '=', from)
    .where('to_firm_id', '=', to)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function insertRelation(db: Q, row: FirmRelationTable): Promise<void> {
  await db.insertInto('firm_relation').values(row).execute();
}

export async function deleteRelation(db: Q, id: string): Promise<void> {
  await db.deleteFrom('firm_relation').where('id', '=', id).execute();
}

/** Projects the firm invests in; `visibleTo` narrows to those an enterprise user may see. */
export function projectsOfFirm(db: Q, firmId: string) {
  return db
    .selectFrom('project_investor')
    .innerJoin('project', 'project.id', 'project_investor.project_id')
    .select(['project.id', 'project.name', 'project.stage'])
    .where('project_investor.firm_id', '=', firmId)
    .orderBy('project.created_at')
    .limit(200)
    .execute();
}

export function leadsOfFirm(db: Q, firmId: string) {
  return db
    .selectFrom('lead')
    .select(['id', 'title', 'status'])
    .where((eb) => eb.or([eb('target_firm_id', '=', firmId), eb('referrer_firm_id', '=', firmId)]))
    .orderBy('created_at')
    .limit(200)
    .execute();
}

/** Ids of projects and leads whose search text includes this firm's names (to refresh on rename). */
export async function recordsNamingFirm(db: Q, firmId: string) {
  const projects = await db
    .selectFrom('project_investor')
    .select('project_id')
    .where('firm_id', '=', firmId)
    .execute();
  const leads = await db
    .selectFrom('lead')
    .select('id')
    .where((eb) => eb.or([eb('target_firm_id', '=', firmId), eb('referrer_firm_id', '=', firmId)]))
    .execute();
  return { projectIds: projects.map((p) => p.project_id), leadIds: leads.map((l) => l.id) };
}
