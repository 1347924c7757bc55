import { type Kysely, sql, type Transaction } from 'kysely';
import type { DialectName } from '../../db/connect';
import type { Database } from '../../db/database';
import { estimateRows } from '../../db/row-estimate';
import { linkSubtreeIds } from '../record-link/record-link';
import { chainLinkIds } from '../scope/project-scope';
import type { ProjectScope } from './project.policy';
import { filteredProjects, type ProjectListFilter } from './project.repository';

// The project list's total (issue 19): exact when small or when the roll-ups hold it, estimated and
// flagged when a filter matches more than the list counts for every page.

type Q = Kysely<Database> | Transaction<Database>;

/** `exact`: count every match (the xlsx export caps its rows by it); else exact up to `exactUpTo`. */
export type ListTotalMode = 'exact' | { exactUpTo: number };

export interface ListTotal {
  total: number;
  /** True when more than `exactUpTo` matched and `total` is an estimate. */
  totalIsEstimate: boolean;
}

/** The list filters that `project_rollup` is keyed by (stage, park, chain links: a chain or a link's subtree). */
const ROLLUP_FILTERS = new Set([
  'stage',
  'park',
  'chainId',
  'linkId',
  'linkIds',
  'sort',
  'limit',
  'offset',
  'after',
]);

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
    q = q.where('project_rollup.link_id', 'in', chainLinkIds(db, chainId));
  }
  if (f.linkIds)
    q =
      f.linkIds.length > 0
        ? q.where('project_rollup.link_id', 'in', f.linkIds)
        : q.where(sql<boolean>`1 = 0`);
  else if (f.linkId) q = q.where('project_rollup.link_id', 'in', linkSubtreeIds(db, f.linkId));
  return q;
}

/**
 * How many projects the list's filters match. From the roll-up when it holds the answer (exact, any
 * size); else counted, but with `exactUpTo` only up to that many (`select count(*) from (select 1 …
 * limit cap + 1)`): past the cap the answer is an estimate (db/row-estimate.ts), never below the cap
 * + 1 rows already seen, rounded to two significant figures so it does not pretend to precision.
 */
export async function projectListTotal(
  db: Q,
  dialect: DialectName,
  f: ProjectListFilter,
  scope: ProjectScope,
  today: string,
  mode: ListTotalMode,
): Promise<ListTotal> {
  const rollup = rollupTotal(db, f, scope);
  if (rollup) return { total: Number((await rollup.executeTakeFirst())?.n ?? 0), totalIsEstimate: false };
  const q = filteredProjects(db, dialect, f, scope, today);
  if (mode === 'exact') {
    const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return { total: Number(row?.n ?? 0), totalIsEstimate: false };
  }
  const cap = mode.exactUpTo;
  const capped = await db
    .selectFrom(
      q
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const n = Number(capped?.n ?? 0);
  if (n <= cap) return { total: n, totalIsEstimate: false };
  const estimate = await estimateRows(db, dialect, 'project', (sample) => (sample ? q.where(sample) : q));
  return { total: Math.max(cap + 1, twoFigures(estimate)), totalIsEstimate: true };
}

/** 123 456 → 120 000: an estimate shown with the precision it has. */
function twoFigures(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
