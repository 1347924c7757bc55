import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { compareWarnings, type WarningPage, warningsData } from './warning.task';
import { commitmentWarnings } from './warning-commitment';
import { supervisionWarnings } from './warning-supervision';

/**
 * Every kind of warning: the projects' (warningsData), the supervision office's (overdue tasks
 * and problem items) and the agreements' (commitments behind). Each part returns its first `limit` in the list's order and its counts, so the
 * merged first `limit` is the first `limit` of the whole list.
 */
export async function allWarnings(
  db: Kysely<Database>,
  s: Parameters<typeof warningsData>[1],
): Promise<WarningPage & { compliance: { year: number; behind: number; agreementsBehind: number } }> {
  const projects = await warningsData(db, s);
  const supervision = await supervisionWarnings(db, { ...s, scoped: Boolean(s.park || s.chainId) });
  const commitments = await commitmentWarnings(db, s);
  const parts = [projects, supervision, commitments];
  const sum = (sev: keyof WarningPage['counts']) => parts.reduce((n, p) => n + p.counts[sev], 0);
  const counts = { high: sum('high'), medium: sum('medium'), low: sum('low') };
  return {
    items: parts
      .flatMap((p) => p.items)
      .sort(compareWarnings)
      .slice(0, s.limit),
    total: counts.high + counts.medium + counts.low,
    counts,
    // The cockpit's 履约 figure comes from the same computation (compliance is not run twice).
    compliance: commitments.summary,
  };
}
