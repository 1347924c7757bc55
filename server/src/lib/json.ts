/** A JSON array stored in a text column; anything else (null, bad JSON, an object) reads as empty. */
export function parseJsonArray<T>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/**
 * A route's answer written as JSON without parsing it through its zod response schema first: for a
 * hot list whose presenter is typed to the contract (issue 19: zod re-building 50 rows, and the
 * garbage it leaves, was ~10 % of a project-list request). The schema still documents the route
 * (OpenAPI); the route's API test checks its answer against it.
 */
export function presentedJson() {
  return (data: unknown) => JSON.stringify(data);
}
