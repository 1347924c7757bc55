import type { SelectQueryBuilder } from 'kysely';

/**
 * `a union all b union all …` of several reads of the same shape — each typically one index range
 * with its own order and limit, wrapped as a subquery — or null when there are none. The callers
 * merge the firsts of each range (per stage, per link) instead of one read that sorts them all.
 */
export function unionAllOf<DB, TB extends keyof DB, O>(
  parts: ReadonlyArray<SelectQueryBuilder<DB, TB, O>>,
): SelectQueryBuilder<DB, TB, O> | null {
  const [head, ...rest] = parts;
  return head ? rest.reduce((q, next) => q.unionAll(next), head) : null;
}
