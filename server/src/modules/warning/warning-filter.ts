import { type RawBuilder, sql } from 'kysely';
import type { Severity, WarningKind } from '../../../../shared/src/dispatch';
import type { Cutoffs } from './warning-cutoffs';

/**
 * The warnings page's own filters (issue 15), beyond the cockpit's park/chain scope: one kind, one
 * severity, the projects of one officer (专员). Each kind's SQL applies them, so counts and pages
 * are of the filtered list, not a filtered page of the whole.
 */
export interface WarningFilter {
  kind?: WarningKind | undefined;
  severity?: Severity | undefined;
  officerId?: string | undefined;
}

/** Whether a kind is listed at all under the filter. */
export function wantsKind(f: WarningFilter, kind: WarningKind): boolean {
  return f.kind === undefined || f.kind === kind;
}

/** `cond(level)`: the row is a warning at least that severe (the kinds' cutoff conditions). */
export type LevelCond = (level: Severity) => RawBuilder<boolean>;

const ALL = sql<boolean>`1 = 1`;
const NONE = sql<boolean>`1 = 0`;

/** `date <= cutoff` of a level, for a kind with one set of cutoffs (milestones, requests). */
export function dateCond(column: string, cut: Cutoffs): LevelCond {
  return (level) => {
    const c = cut[level];
    return c === null ? NONE : sql<boolean>`${sql.ref(column)} <= ${c}`;
  };
}

/** The severity rank (0 high, 1 medium, 2 low) of a row that is a warning, in SQL. */
export function rankCase(cond: LevelCond): RawBuilder<number> {
  return sql<number>`case when ${cond('high')} then 0 when ${cond('medium')} then 1 else 2 end`;
}

/**
 * A WHERE term that lets a kind's rows through only when the filter lists it: a constant false
 * term, which both databases settle before reading a row.
 */
export function kindOnly(f: WarningFilter, kind: WarningKind): RawBuilder<boolean> {
  return wantsKind(f, kind) ? ALL : NONE;
}

/**
 * The row is exactly of the filter's severity (at least it and not the next more severe), or
 * always true without a severity filter.
 */
export function severityOnly(f: WarningFilter, cond: LevelCond): RawBuilder<boolean> {
  switch (f.severity) {
    case undefined:
      return ALL;
    case 'high':
      return cond('high');
    case 'medium':
      return sql<boolean>`(${cond('medium')} and not (${cond('high')}))`;
    case 'low':
      return sql<boolean>`(${cond('low')} and not (${cond('medium')}))`;
  }
}
