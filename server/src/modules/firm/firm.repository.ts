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
      // Projects it signs for (项目公司) without also investing in them: counted once.
      eb
        .selectFrom('project as cp')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cp.company_firm_id', '=', 'firm.id')
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom('project_investor as ci')
                .select('ci.project_id')
                .whereRef('ci.project_id', '=', 'cp.id')
                .whereRef('ci.firm_id', '=', 'firm.id'),
            ),
          ),
        )
        .as('company_count'),
      eb
        .selectFrom('lead')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('lead.target_firm_id', '=', 'firm.id')
        .as('lead_count'),
    ]);
}

function normaliseCounts(
  row: FirmTable & LinkFields & { project_count: unknown; company_count?: unknown; lead_count: unknown },
): FirmRow {
  const { company_count, ...rest } = row;
  return {
    ...rest,
    project_count: Number(row.project_count ?? 0) + Number(company_count ?? 0),
    lead_count: Number(row.lead_count ?? 0),
  };
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

export type FirmProjectRole = 'investor' | 'company' | 'approached';

/**
 * The projects a firm stands to, each with how: it invests in them (project_investor), signs for
 * them (项目公司, project.company_firm_id) or was approached for them (the target of the lead the
 * project was signed from). `withApproached: false` leaves the leads out (an enterprise user's view).
 */
export async function projectsOfFirm(db: Q, firmId: string, withApproached: boolean) {
  const cols = ['project.id', 'project.name', 'project.stage', 'project.created_at'] as const;
  const [invested, signed, approached] = await Promise.all([
    db
      .selectFrom('project_investor')
      .innerJoin('project', 'project.id', 'project_investor.project_id')
      .select(cols)
      .where('project_investor.firm_id', '=', firmId)
      .limit(200)
      .execute(),
    db.selectFrom('project').select(cols).where('project.company_firm_id', '=', firmId).limit(200).execute(),
    withApproached
      ? db
          .selectFrom('lead')
          .innerJoin('project', 'project.id', 'lead.project_id')
          .select(cols)
          .where('lead.target_firm_id', '=', firmId)
          .limit(200)
          .execute()
      : Promise.resolve([]),
  ]);
  const byId = new Map<
    string,
    { id: string; name: string; stage: string; createdAt: string; roles: FirmProjectRole[] }
  >();
  const add = (rows: typeof invested, role: FirmProjectRole) => {
    for (const r of rows) {
      const p = byId.get(r.id) ?? {
        id: r.id,
        name: r.name,
        stage: r.stage,
        createdAt: r.created_at,
        roles: [],
      };
      if (!p.roles.includes(role)) p.roles.push(role);
      byId.set(r.id, p);
    }
  };
  add(invested, 'investor');
  add(signed, 'company');
  add(approached, 'approached');
  return [...byId.values()]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(({ createdAt: _c, ...p }) => p);
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
