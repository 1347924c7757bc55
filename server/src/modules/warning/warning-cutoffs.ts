import { addDays } from '../../../../shared/src/dates';
import {
  type Severity,
  severityOrder,
  type WarningKind,
  warningSeverity,
} from '../../../../shared/src/dispatch';

/**
 * The shared severity rule (warningSeverity) turned into date cutoffs, so SQL can count and order
 * warnings by severity without building each one: a thing dated on or before `cutoff[sev]` is a
 * warning at least that severe. Severity only grows with the days late, so the first day of each
 * severity is found by bisection over the rule itself — the SQL can never disagree with it.
 */
export type Cutoffs = Record<Severity, string | null>;

const MAX_DAYS = 1_000_000;

/** Smallest whole d in [lo, MAX_DAYS] with ok(d), for ok monotonic in d; null when none. */
function firstDay(lo: number, ok: (d: number) => boolean): number | null {
  if (!ok(MAX_DAYS)) return null;
  let a = lo;
  let b = MAX_DAYS;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/**
 * Cutoff dates of one kind of warning on `today`. `minDays` is the first day that is a warning at
 * all (1 for a date in the past; norm + 1 for a stage stay, which warns only past its norm).
 */
export function severityCutoffs(kind: WarningKind, today: string, minDays: number, norm?: number): Cutoffs {
  const at = (sev: Severity) => {
    const d = firstDay(minDays, (x) => severityOrder(warningSeverity(kind, x, norm)) <= severityOrder(sev));
    return d === null ? null : addDays(today, -d);
  };
  return { high: at('high'), medium: at('medium'), low: at('low') };
}

/** The cutoffs of each stage under the zone's norms (a stage warns from norm + 1 days). */
export function stuckCutoffs(norms: Record<string, number>, today: string) {
  return Object.entries(norms).map(([stage, norm]) => ({
    stage,
    cut: severityCutoffs('stage_stuck', today, Math.floor(norm) + 1, norm) as Cutoffs,
  }));
}

/** Each stage with its cutoffs (stuckCutoffs). */
export type StageCutoffs = ReturnType<typeof stuckCutoffs>;
