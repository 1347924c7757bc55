import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { DialectName } from '../../db/connect';
import type { Database } from '../../db/database';
import { orderNullsLow } from '../../db/dialect-sql';
import { parseSort } from '../../lib/list-query';
import type { ProjectScope } from './project.policy';
import {
  filteredProjects,
  type ProjectKey,
  type ProjectListFilter,
  type ProjectSort,
} from './project.repository';

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

/** The list filters that `project_rollup` is keyed by (stage, park, chain links). */
const ROLLUP_FILTERS = new Set(['stage', 'park', 'chainId', 'sort', 'limit', 'offset', 'after']);

/**
 * The exact total from the cockpit's roll-up (migration 20261206_0019: projects per park, link and
 * stage, kept by triggers) when the list filters by nothing else — the lists a cockpit figure opens.
 * At 1M projects, counting the active ones walks ~1M index entries; this sums a few hundred rows.
 * Null when another filter (search, officer, late…) or an enterprise's scope is set.
 */
function rollupTotal(db: Q, f: ProjectListFilter, scope: ProjectScope) {
  if (scope.kind !== 'all' || f.park === '') return null;
  const set = Object.entries(f).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (set.some(([k]) => !ROLLUP_FILTERS.has(k))) return null;
  let q = db
    .selectFrom('project_rollup')
    .select(sql<number>`coalesce(sum(project_rollup.projects), 0)`.as('n'));
  if (f.stage && f.stage.length > 0) q = q.where('project_rollup.stage', 'in', f.stage);
  if (f.park) q = q.where('project_rollup.park', '=', f.park);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('project_rollup.link_id', 'in', (eb) =>
      eb.selectFrom('chain_link').select('chain_link.id').where('chain_link.chain_id', '=', chainId),
    );
  }
  return q;
}

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
 * One page of the list (ids in order) and the total. With `after` (sorts by a plain column only)
 * the page starts after that row and `offset` is not used. `last` is the key of the page's last
 * row when the page is full and the sort has one: where the next page starts.
 */
export async function listProjectIds(
  db: Q,
  dialect: DialectName,
  f: ProjectListFilter,
  scope: ProjectScope,
  today: string,
): Promise<{ ids: string[]; total: number; last: ProjectKey | null }> {
  const q = filteredProjects(db, dialect, f, scope, today);
  const total = rollupTotal(db, f, scope) ?? q.select((eb) => eb.fn.countAll<number>().as('n'));
  const totalRow = await total.executeTakeFirst();
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
  const rows =
    f.after && keyColumn
      ? await rowsAfter(page, keyColumn, direction, f.after, f.limit)
      : await page.limit(f.limit).offset(f.offset).execute();
  const tail = rows.at(-1);
  const last = keyColumn && tail && rows.length === f.limit ? { value: tail.sort_value, id: tail.id } : null;
  return { ids: rows.map((r) => r.id), total: Number(totalRow?.n ?? 0), last };
}
