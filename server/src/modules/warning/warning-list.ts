import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { compareWarnings, type WarningPage, warningsData } from './warning.task';
import { supervisionWarnings } from './warning-supervision';

/**
 * Every kind of warning: the projects' (warningsData) and the supervision office's (overdue tasks
 * and problem items). Each part returns its first `limit` in the list's order and its counts, so the
 * merged first `limit` is the first `limit` of the whole list.
 */
export async function allWarnings(
  db: Kysely<Database>,
  s: Parameters<typeof warningsData>[1],
): Promise<WarningPage> {
  const projects = await warningsData(db, s);
  const supervision = await supervisionWarnings(db, { ...s, scoped: Boolean(s.park || s.chainId) });
  const counts = {
    high: projects.counts.high + supervision.counts.high,
    medium: projects.counts.medium + supervision.counts.medium,
    low: projects.counts.low + supervision.counts.low,
  };
  return {
    items: [...projects.items, ...supervision.items].sort(compareWarnings).slice(0, s.limit),
    total: counts.high + counts.medium + counts.low,
    counts,
  };
}
