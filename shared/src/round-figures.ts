/**
 * Cumulative figures of a dispatch report (累计完成投资, 累计到位资金), shared by the server (which
 * checks what was filed) and the report form (which pre-fills the figure). A project's running
 * cumulative is built from its earlier reports, oldest first: a report that states its cumulative
 * resets the running figure to it (the firm knows investment made before the zone's first round);
 * a report that does not adds its period's amount. Amounts are integer yuan.
 */

export interface PriorFigures {
  period: number;
  cumulative: number | null;
}

/** The running cumulative after `prior` (oldest first); 0 without earlier reports. */
export function cumulativeBefore(prior: readonly PriorFigures[]): number {
  let running = 0;
  for (const r of prior) running = r.cumulative ?? running + r.period;
  return running;
}

/** The cumulative a report should state: the running figure before it plus its own period. */
export function expectedCumulative(before: number, period: number): number {
  return before + period;
}

/**
 * True when a stated cumulative disagrees with the records: it is a warning, not a refusal — the
 * stated figure may be right (a correction of an earlier period, investment outside the rounds).
 */
export function cumulativeDisagrees(stated: number | null | undefined, expected: number): boolean {
  return stated !== null && stated !== undefined && stated !== expected;
}
