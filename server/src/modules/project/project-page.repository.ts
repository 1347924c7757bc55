import { type Kysely, sql, type Transaction } from 'kysely';
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

/**
 * Rows after `key` in the order `col direction, id direction` with NULLs lowest (orderNullsLow):
 * a row-value comparison, which both databases answer from the sort index (filter columns, sort
 * column, id) as a range instead of stepping over every earlier row as an offset does.
 */
function afterKey(col: string, direction: 'asc' | 'desc', key: ProjectKey) {
  const ref = sql.ref(col);
  const id = sql.ref('project.id');
  if (direction === 'desc') {
    return key.value === null
      ? sql<boolean>`(${ref} is null and ${id} < ${key.id})`
      : sql<boolean>`((${ref}, ${id}) < (${key.value}, ${key.id}) or ${ref} is null)`;
  }
  return key.value === null
    ? sql<boolean>`((${ref} is null and ${id} > ${key.id}) or ${ref} is not null)`
    : sql<boolean>`((${ref}, ${id}) > (${key.value}, ${key.id}))`;
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
  let page = q
    .select(['project.id'])
    .select(
      keyColumn
        ? sql<string | number | null>`${sql.ref(keyColumn)}`.as('sort_value')
        : sql<null>`null`.as('sort_value'),
    )
    .orderBy(order)
    .orderBy('project.id', direction)
    .limit(f.limit);
  if (f.after && keyColumn) page = page.where(afterKey(keyColumn, direction, f.after));
  else page = page.offset(f.offset);
  const rows = await page.execute();
  const tail = rows.at(-1);
  const last = keyColumn && tail && rows.length === f.limit ? { value: tail.sort_value, id: tail.id } : null;
  return { ids: rows.map((r) => r.id), total: Number(totalRow?.n ?? 0), last };
}
