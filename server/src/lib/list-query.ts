import { z } from 'zod';

/** Paging limits: 200 rows is the most a person reads on one page; exports stream separately. */
export const PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

export const pagingQuery = {
  limit: z.coerce.number().int().min(1).max(PAGE.maxLimit).default(PAGE.defaultLimit),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

/** The list answer's shape is the contract's (shared/src/contract/list.ts). */
export { listResponse } from '../../../shared/src/contract/list';

/** `sort=-at` means descending by `at`; only the listed columns may be sorted on. */
export function sortParam<const K extends readonly [string, ...string[]]>(keys: K, fallback: string) {
  const allowed = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z.enum(allowed).default(fallback);
}

export function parseSort(sort: string): { column: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { column: sort.slice(1), direction: 'desc' }
    : { column: sort, direction: 'asc' };
}
