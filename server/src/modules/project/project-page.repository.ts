import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { DialectName } from '../../db/connect';
import type { Database } from '../../db/database';
import { orderNullsLow } from '../../db/dialect-sql';
import { preparedQuery } from '../../db/prepared-query';
import { unionAllOf } from '../../db/union-all';
import { parseSort } from '../../lib/list-query';
import { linkSubtreeIds } from '../record-link/record-link';
import type { ProjectScope } from './project.policy';
import {
  filteredProjects,
  type ProjectKey,
  type ProjectListFilter,
  type ProjectSort,
} from './project.repository';
import { type ListTotal, type ListTotalMode, projectListTotal } from './project-list-total';

// One page of the project list (项目库): its total, its order and where it starts — by offset or,
// for the sorts by a plain column, after a row's key (keyset paging, issue 19).

type Q = Kysely<Database> | Transaction<Database>;

const SORT_COLUMNS: Record<ProjectSort, string> = {
  totalInvestment: 'project.total_investment',
  name: 'project.name',
  code: 'project.code',
  stage: 'stage_order',
  stageDate: 'project.stage_date',
  park: 'project.park',
  priority: 'priority_order',
  landMu: 'project.land_mu',
  expectedOutput: 'project.expected_output',
  expectedTax: 'project.expected_tax',
  expectedJobs: 'project.expected_jobs',
  fundsInPlace: 'project.funds_in_place',
  createdAt: 'project.created_at',
  updatedAt: 'project.updated_at',
};

const STAGE_ORDER = sql.raw(
  `case project.stage ${PROJECT_STAGES.map((s, i) => `when '${s.key}' then ${i + 1}`).join(' ')} else 99 end`,
);
const PRIORITY_ORDER = sql.raw(
  `case project.priority when 'provincial' then 1 when 'municipal' then 2 when 'district' then 3 else null end`,
);

type PageQuery = SelectQueryBuilder<Database, 'project', { id: string; sort_value: string | number | null }>;

/**
 * The `limit` rows after `key` in the order `col direction, id direction` with NULLs lowest
 * (orderNullsLow). The non-NULL part is one row-value range, `(col, id) < (value, id)`, which both
 * databases seek in the sort index (filter columns, sort column, id) instead of stepping over every
 * earlier row as an offset does; the NULL group is read apart (an `or col is null` in the same
 * statement made SQLite walk the stage's index from its top and PostgreSQL sort a bitmap scan).
 */
async function rowsAfter(
  page: PageQuery,
  col: string,
  direction: 'asc' | 'desc',
  key: ProjectKey,
  limit: number,
) {
  const ref = sql.ref(col);
  const id = sql.ref('project.id');
  const before = direction === 'desc' ? sql.raw('<') : sql.raw('>');
  if (key.value !== null) {
    const rows = await page
      .where(sql<boolean>`(${ref}, ${id}) ${before} (${key.value}, ${key.id})`)
      .limit(limit)
      .execute();
    // Descending, the NULLs come after every value; ascending, they came before the key.
    if (direction === 'asc' || rows.length === limit) return rows;
    const nulls = await page
      .where(sql<boolean>`${ref} is null`)
      .limit(limit - rows.length)
      .execute();
    return [...rows, ...nulls];
  }
  const rows = await page
    .where(sql<boolean>`${ref} is null and ${id} ${before} ${key.id}`)
    .limit(limit)
    .execute();
  if (direction === 'desc' || rows.length === limit) return rows;
  const values = await page
    .where(sql<boolean>`${ref} is not null`)
    .limit(limit - rows.length)
    .execute();
  return [...rows, ...values];
}

/** The sort of the list as SQL; `keyColumn` is null for the computed orders (stage, priority). */
function listOrder(dialect: DialectName, sort: string | undefined) {
  const { column, direction } = parseSort(sort ?? '-totalInvestment');
  const col = SORT_COLUMNS[column as ProjectSort] ?? 'project.total_investment';
  if (col === 'stage_order') {
    return { keyColumn: null, direction, order: sql`${STAGE_ORDER} ${sql.raw(direction)}` };
  }
  if (col === 'priority_order') {
    const order =
      dialect === 'postgres'
        ? sql`${PRIORITY_ORDER} ${sql.raw(direction)} nulls ${sql.raw(direction === 'asc' ? 'first' : 'last')}`
        : sql`${PRIORITY_ORDER} ${sql.raw(direction)}`;
    return { keyColumn: null, direction, order };
  }
  return { keyColumn: col, direction, order: orderNullsLow(dialect, col, direction) };
}

/**
 * One page of the list (ids in order) and the total (project-list-total.ts). With `after` (sorts by a plain column only)
 * the page starts after that row and `offset` is not used. `last` is the key of the page's last
 * row when the page is full and the sort has one: where the next page starts.
 */
export async function listProjectIds(
  db: Q,
  dialect: DialectName,
  f: ProjectListFilter,
  scope: ProjectScope,
  today: string,
  totalMode: ListTotalMode,
): Promise<ListTotal & { ids: string[]; last: ProjectKey | null }> {
  // A link's subtree is a handful of ids: read first, so that the page's statement names them.
  if (f.linkId && !f.linkIds) {
    const linkIds = (await linkSubtreeIds(db, f.linkId).execute()).map((r) => r.id);
    return listProjectIds(db, dialect, { ...f, linkIds }, scope, today, totalMode);
  }
  const q = filteredProjects(db, dialect, f, scope, today);
  const total = await projectListTotal(db, dialect, f, scope, today, totalMode);
  const { keyColumn, direction, order } = listOrder(dialect, f.sort);
  const page: PageQuery = q
    .select(['project.id'])
    .select(
      keyColumn
        ? sql<string | number | null>`${sql.ref(keyColumn)}`.as('sort_value')
        : sql<null>`null`.as('sort_value'),
    )
    .orderBy(order)
    .orderBy('project.id', direction);
  const merged =
    keyColumn && !f.after
      ? mergedLinkPages(db, dialect, f, scope, today, { keyColumn, direction, order })
      : null;
  const rows =
    f.after && keyColumn
      ? await rowsAfter(page, keyColumn, direction, f.after, f.limit)
      : merged
        ? await merged
        : await page.limit(f.limit).offset(f.offset).execute();
  const tail = rows.at(-1);
  const last = keyColumn && tail && rows.length === f.limit ? { value: tail.sort_value, id: tail.id } : null;
  return { ids: rows.map((r) => r.id), ...total, last };
}

/** Up to this many links below a picked link, each link's page is read apart and the pages merged. */
const MERGE_LINKS_UP_TO = 16;

/**
 * A page of a link's subtree by a plain column: each link's first `offset + limit` rows from its own
 * (link, stage, sort column, id) index range, merged in the same order. One range per link, where
 * `link_id in (…)` with the sort made both planners walk the stage's whole sort index testing each
 * row's link (a top link with four leaves: 12–22 ms a page at 1M projects, against 0.04 ms for one
 * leaf). Null when the filter names one link or more than MERGE_LINKS_UP_TO.
 */
function mergedLinkPages(
  db: Q,
  dialect: DialectName,
  f: ProjectListFilter,
  scope: ProjectScope,
  today: string,
  sort: { keyColumn: string; direction: 'asc' | 'desc'; order: ReturnType<typeof listOrder>['order'] },
) {
  const links = f.linkIds ?? [];
  if (links.length < 2 || links.length > MERGE_LINKS_UP_TO) return null;
  const { keyColumn, direction, order } = sort;
  const perLink = links.map((linkId, i) =>
    db
      .selectFrom(
        filteredProjects(db, dialect, { ...f, linkIds: [linkId] }, scope, today)
          .select(['project.id', sql<string | number | null>`${sql.ref(keyColumn)}`.as('sort_value')])
          .orderBy(order)
          .orderBy('project.id', direction)
          .limit(f.offset + f.limit)
          .as(`l${i}`),
      )
      .selectAll(),
  );
  const all = unionAllOf(perLink);
  if (!all) return null;
  return db
    .selectFrom(all.as('merged'))
    .select(['merged.id', 'merged.sort_value'])
    .orderBy(orderNullsLow(dialect, 'merged.sort_value', direction))
    .orderBy('merged.id', direction)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** A row of the list (项目库): the columns the list shows, and the figures its provenance needs. */
export type ProjectListRow = Awaited<ReturnType<typeof findProjectListRows>>[number];

/**
 * The list's rows for these ids, in the order given: only the columns a list row shows (not the
 * whole project: issue 19), the officer's, chain link's and park's names joined by key, the
 * investors from the row's own `investors_json` (no join over the firms).
 */
export async function findProjectListRows(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await listRowsByIds(db, { ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => !!r);
}

const listRowsByIds = preparedQuery((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('project')
    .leftJoin('app_user as officer', 'officer.id', 'project.officer_id')
    .leftJoin('chain_link as row_link', 'row_link.id', 'project.link_id')
    .leftJoin('chain as row_chain', 'row_chain.id', 'row_link.chain_id')
    .leftJoin('park as row_park', 'row_park.id', 'project.park_id')
    .select([
      'project.id',
      'project.code',
      'project.name',
      'project.investors_json',
      'project.park',
      'project.park_id',
      'row_park.name as park_name',
      'project.land_mu',
      'project.total_investment',
      'project.fixed_asset_investment',
      'project.funds_in_place',
      'project.expected_output',
      'project.expected_tax',
      'project.expected_jobs',
      'project.expected_exports',
      'project.priority',
      'project.officer_id',
      'project.chain_link',
      'project.link_id',
      'project.stage',
      'project.stage_date',
      'project.is_sample',
      'officer.display_name as officer_name',
      'row_link.name as link_name',
      'row_link.chain_id as link_chain_id',
      'row_chain.name as chain_name',
    ])
    .where('project.id', 'in', p.ids),
);
