import type { RequestFilters } from './use-requests';

/** The filters the address can carry, in the order they are read. */
const TEXT_KEYS = ['q', 'status', 'type', 'departmentId', 'park', 'chainId', 'projectId', 'firmId'] as const;
const BOOL_KEYS = ['unassigned', 'overdue', 'open'] as const;

/**
 * Filters from the address: a cockpit figure links to `/requests?open=true&park=…` and the list
 * must open showing exactly the records behind the figure.
 */
export function requestFiltersFromSearch(params: URLSearchParams): RequestFilters {
  const f: Record<string, string | boolean> = {};
  for (const key of TEXT_KEYS) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  for (const key of BOOL_KEYS) if (params.get(key) === 'true') f[key] = true;
  return f as RequestFilters;
}

/** The filters back into an address query (only the ones set). */
export function requestFiltersToSearch(f: RequestFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false || v === '') continue;
    out[k] = String(v);
  }
  return out;
}
