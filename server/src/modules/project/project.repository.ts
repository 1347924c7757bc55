import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { DialectName } from '../../db/connect';
import type {
  Database,
  LinkFields,
  ProjectInvestorTable,
  ProjectPartyFields,
  ProjectStageEventTable,
  ProjectTable,
} from '../../db/database';
import { orderNullsLow, searchCondition } from '../../db/dialect-sql';
import { preparedQuery } from '../../db/prepared-query';
import { linkSubtreeIds } from '../record-link/record-link';
import { chainLinkIds } from '../scope/project-scope';
import type { ProjectScope } from './project.policy';

type Q = Kysely<Database> | Transaction<Database>;

/** `park_id`: the park the project sits in (issue 18), set when it is put on a plot. */
export type ProjectRow = Omit<ProjectTable, 'search_text'> &
  LinkFields &
  ProjectPartyFields & {
    park_id: string | null;
    officer_name: string | null;
    /** The list's copy of the investors (migration 20261206_0030): `[{firmId, firmName, sharePct}]`. */
    investors_json: string;
    link_name: string | null;
    link_chain_id: string | null;
    chain_name: string | null;
    park_name: string | null;
    company_name: string | null;
  };

export const PROJECT_SORTS = [
  'totalInvestment',
  'name',
  'code',
  'stage',
  'stageDate',
  'park',
  'priority',
  'landMu',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'fundsInPlace',
  'createdAt',
  'updatedAt',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/**
 * Filters of the project list, kanban and (later) the xlsx export: one shape, one implementation.
 * All present filters must hold (AND); `stage` is a set (any of).
 */
export interface ProjectListFilter {
  q?: string | undefined;
  stage?: string[] | undefined;
  chainLink?: string | undefined;
  park?: string | undefined;
  priority?: string | undefined;
  officerId?: string | undefined;
  firmId?: string | undefined;
  late?: boolean | undefined;
  minInvestment?: number | undefined;
  maxInvestment?: number | undefined;
  isSample?: boolean | undefined;
  /** Industrial chain (issue 4): projects on any link of this chain. */
  chainId?: string | undefined;
  /** A chain link: projects on it or on any link beneath it (as the chain map counts them). */
  linkId?: string | undefined;
  /**
   * `linkId`'s subtree already read (listProjectIds does): the ids themselves in the statement let
   * the planner walk (link, stage, investment) for a leaf link rather than the whole stage's.
   */
  linkIds?: readonly string[] | undefined;
  /** Signing date (the project's first stage event) within [signedFrom, signedTo] (cockpit click-through). */
  signedFrom?: string | undefined;
  signedTo?: string | undefined;
  sort?: string | undefined;
  limit: number;
  offset: number;
  /** Keyset paging: the page starts after this row of the same sort (see `listProjectIds`). */
  after?: ProjectKey | undefined;
}

/** A row's place in a sort by a plain column: the column's value and the id that breaks ties. */
export interface ProjectKey {
  value: string | number | null;
  id: string;
}

/** The WHERE part of the project list, shared by list, count, kanban and export. */
export function filteredProjects(
  db: Q,
  dialect: DialectName,
  f: Omit<ProjectListFilter, 'sort' | 'limit' | 'offset'>,
  scope: ProjectScope,
  today: string,
): SelectQueryBuilder<Database, 'project', object> {
  let q = db.selectFrom('project');
  if (scope.kind === 'firm') {
    // An enterprise sees the projects its firm invests in or signs for (项目公司).
    q = q.where((eb) =>
      eb.or([
        eb('project.company_firm_id', '=', scope.firmId ?? ''),
        eb.exists(
          eb
            .selectFrom('project_investor as si')
            .select('si.project_id')
            .whereRef('si.project_id', '=', 'project.id')
            .where('si.firm_id', '=', scope.firmId ?? ''),
        ),
      ]),
    );
  }
  const search = searchCondition(dialect, 'project', f.q);
  if (search) q = q.where(search);
  if (f.stage && f.stage.length > 0) q = q.where('project.stage', 'in', f.stage);
  if (f.chainLink) q = q.where('project.chain_link', '=', f.chainLink);
  if (f.park) q = q.where('project.park', '=', f.park);
  if (f.priority) q = q.where('project.priority', '=', f.priority);
  if (f.officerId) q = q.where('project.officer_id', '=', f.officerId);
  if (f.minInvestment !== undefined) q = q.where('project.total_investment', '>=', f.minInvestment);
  if (f.maxInvestment !== undefined) q = q.where('project.total_investment', '<=', f.maxInvestment);
  if (f.isSample !== undefined) q = q.where('project.is_sample', '=', f.isSample ? 1 : 0);
  if (f.firmId) {
    const firmId = f.firmId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_investor as fi')
          .select('fi.project_id')
          .whereRef('fi.project_id', '=', 'project.id')
          .where('fi.firm_id', '=', firmId),
      ),
    );
  }
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('project.link_id', 'in', chainLinkIds(db, chainId));
  }
  if (f.linkIds)
    q = f.linkIds.length > 0 ? q.where('project.link_id', 'in', f.linkIds) : q.where(sql<boolean>`1 = 0`);
  else if (f.linkId) q = q.where('project.link_id', 'in', linkSubtreeIds(db, f.linkId));
  if (f.signedFrom || f.signedTo) {
    const from = f.signedFrom ?? '0000-01-01';
    const to = f.signedTo ?? '9999-12-31';
    q = q.where('project.id', 'in', (eb) =>
      eb
        .selectFrom('project_stage_event as se')
        .select('se.project_id')
        .groupBy('se.project_id')
        .having((h) => h.fn.min('se.date'), '>=', from)
        .having((h) => h.fn.min('se.date'), '<=', to),
    );
  }
  if (f.late !== undefined) {
    // Driven from the open-milestone index: late projects are few, so this is a short id list.
    q = q.where((eb) => {
      const lateIds = eb
        .selectFrom('milestone as lm')
        .select('lm.project_id')
        .where('lm.actual_date', 'is', null)
        .where('lm.planned_date', '<', today);
      return f.late ? eb('project.id', 'in', lateIds) : eb('project.id', 'not in', lateIds);
    });
  }
  return q;
}

/** The project columns a presented project needs: all but `search_text` (the search's own copy). */
const PROJECT_COLUMNS = [
  'id',
  'code',
  'name',
  'park',
  'land_mu',
  'total_investment',
  'fixed_asset_investment',
  'funds_in_place',
  'capacity_quantity',
  'capacity_unit',
  'capacity_product',
  'expected_output',
  'expected_tax',
  'expected_jobs',
  'expected_exports',
  'priority',
  'officer_id',
  'leader_name',
  'contact_name',
  'contact_phone',
  'chain_link',
  'lead_id',
  'start_date',
  'stage',
  'stage_date',
  'paused_from_stage',
  'stage_reason',
  'is_sample',
  'version',
  'created_at',
  'updated_at',
  'link_id',
  'company_firm_id',
  'park_id',
  'investors_json',
] as const satisfies ReadonlyArray<keyof Database['project']>;

/**
 * Project rows with the names a page shows — officer, chain link and chain, park, 项目公司 — joined
 * in the one statement that reads the rows (issue 19: these were four more statements per page), and
 * the investors from the row's own `investors_json`. Always read by primary key (`id in` a page, or
 * one id), so each join is a key probe per row on both databases.
 */
function projectRows(db: Q) {
  return db
    .selectFrom('project')
    .leftJoin('app_user as officer', 'officer.id', 'project.officer_id')
    .leftJoin('chain_link as row_link', 'row_link.id', 'project.link_id')
    .leftJoin('chain as row_chain', 'row_chain.id', 'row_link.chain_id')
    .leftJoin('park as row_park', 'row_park.id', 'project.park_id')
    .leftJoin('firm as company', 'company.id', 'project.company_firm_id')
    .select(PROJECT_COLUMNS.map((c) => `project.${c}` as const))
    .select([
      'officer.display_name as officer_name',
      'row_link.name as link_name',
      'row_link.chain_id as link_chain_id',
      'row_chain.name as chain_name',
      'row_park.name as park_name',
      'company.name as company_name',
    ]);
}

const projectRowsByIds = preparedQuery((db, p: { ids: readonly string[] }) =>
  projectRows(db).where('project.id', 'in', p.ids),
);

/** Full rows for these ids, in the order given. */
export async function findProjectsByIds(db: Q, ids: readonly string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  const rows = await projectRowsByIds(db, { ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ProjectRow => !!r);
}

export function findProjectById(db: Q, id: string): Promise<ProjectRow | undefined> {
  return projectRows(db).where('project.id', '=', id).executeTakeFirst();
}

export type InvestorRow = ProjectInvestorTable & { firm_name: string };

export function investorsOf(db: Q, projectIds: readonly string[]): Promise<InvestorRow[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_investor')
    .innerJoin('firm', 'firm.id', 'project_investor.firm_id')
    .selectAll('project_investor')
    .select('firm.name as firm_name')
    .where('project_investor.project_id', 'in', projectIds)
    .orderBy('project_investor.position')
    .execute();
}

const lateMilestoneStats = preparedQuery((db, p: { ids: readonly string[]; today: string }) =>
  db
    .selectFrom('milestone')
    .select((eb) => ['project_id', eb.fn.countAll<number>().as('n'), eb.fn.min('planned_date').as('oldest')])
    .where('project_id', 'in', p.ids)
    .where('actual_date', 'is', null)
    .where('planned_date', '<', p.today)
    .groupBy('project_id'),
);

/** Open milestones past their planned date, per project: how many and the oldest planned date. */
export async function lateStatsOf(
  db: Q,
  projectIds: readonly string[],
  today: string,
): Promise<Map<string, { count: number; oldest: string }>> {
  if (projectIds.length === 0) return new Map();
  const rows = await lateMilestoneStats(db, { ids: projectIds, today });
  return new Map(rows.map((r) => [r.project_id, { count: Number(r.n), oldest: String(r.oldest) }]));
}

export async function insertProject(db: Q, row: ProjectTable & Partial<LinkFields>): Promise<void> {
  await db.insertInto('project').values(row).execute();
}

export async function updateProjectVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<ProjectTable & LinkFields & ProjectPartyFields>,
): Promise<boolean> {
  const res = await db
    .updateTable('project')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceInvestors(
  db: Q,
  projectId: string,
  investors: ReadonlyArray<{ firmId: string; sharePct: number | null }>,
): Promise<void> {
  await db.deleteFrom('project_investor').where('project_id', '=', projectId).execute();
  if (investors.length === 0) return;
  await db
    .insertInto('project_investor')
    .values(
      investors.map((i, position) => ({
        project_id: projectId,
        firm_id: i.firmId,
        share_pct: i.sharePct,
        position,
      })),
    )
    .execute();
}

export async function insertStageEvent(db: Q, row: ProjectStageEventTable): Promise<void> {
  await db.insertInto('project_stage_event').values(row).execute();
}

export function stageEventsOf(db: Q, projectId: string) {
  return db
    .selectFrom('project_stage_event')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('at', 'desc')
    .execute();
}

/** Kanban column heads: count and investment per stage under the list's filters. */
export function stageTotals(
  db: Q,
  dialect: DialectName,
  f: ProjectListFilter,
  scope: ProjectScope,
  today: string,
) {
  return filteredProjects(db, dialect, f, scope, today)
    .select((eb) => [
      'project.stage',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('project.total_investment').as('investment'),
    ])
    .groupBy('project.stage')
    .execute();
}

export interface KanbanCardRow {
  id: string;
  code: string;
  name: string;
  stage: string;
  total_investment: number | null;
  priority: string | null;
  is_sample: number;
}

/**
 * The first `perColumn` projects of each of these stages under the list's filters, in the list's
 * `-totalInvestment` order (NULLs last, then id), so a column's next page from the list (offset
 * `perColumn`) continues exactly where these stop. One short query per stage, each walking the
 * (stage, total_investment) index: a window over every project numbered them all (3× slower).
 */
export async function kanbanCardRows(
  db: Q,
  dialect: DialectName,
  f: Omit<ProjectListFilter, 'sort' | 'limit' | 'offset'>,
  scope: ProjectScope,
  today: string,
  stages: readonly string[],
  perColumn: number,
): Promise<KanbanCardRow[]> {
  const columns = await Promise.all(
    stages.map((stage) =>
      filteredProjects(db, dialect, { ...f, stage: [stage] }, scope, today)
        .select([
          'project.id',
          'project.code',
          'project.name',
          'project.stage',
          'project.total_investment',
          'project.priority',
          'project.is_sample',
        ])
        .orderBy(orderNullsLow(dialect, 'project.total_investment', 'desc'))
        .orderBy('project.id', 'desc')
        .limit(perColumn)
        .execute(),
    ),
  );
  return columns.flat();
}
