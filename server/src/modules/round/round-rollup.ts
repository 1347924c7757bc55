/**
 * Roll-ups of a dispatch round's figures per park, chain, officer and for the zone (调度汇总):
 * pure functions over one row per project of the round, used by the round detail and by the
 * dispatch report (.docx/.xlsx), so both show the same sums.
 */

export interface RollupInput {
  park: string | null;
  chain: string | null;
  officer: string | null;
  totalInvestment: number;
  reported: boolean;
  late: boolean;
  investmentPeriod: number;
  /** Whether the period's investment counts in the statistics (入统). */
  investmentInStats: boolean;
  fundsPeriod: number;
  exportsPeriod: number;
  outputPeriod: number | null;
  taxPeriod: number | null;
  /**
   * Cumulative investment / funds to date: the figure the report states, else the running figure
   * from the records (earlier reports plus this period; see shared/src/round-figures.ts).
   */
  investmentCumulative: number;
  fundsCumulative: number;
}

export interface Rollup {
  key: string;
  projects: number;
  reported: number;
  late: number;
  totalInvestment: number;
  investmentPeriod: number;
  /** The part of investmentPeriod counted in the statistics (入统). */
  investmentInStats: number;
  fundsPeriod: number;
  exportsPeriod: number;
  outputPeriod: number;
  taxPeriod: number;
  investmentCumulative: number;
  fundsCumulative: number;
}

/** Names of the groups without a park / chain / officer, as printed in the report tables. */
export const UNGROUPED = { park: '未定园区', chain: '未归链', officer: '未分配专员' } as const;

function empty(key: string): Rollup {
  return {
    key,
    projects: 0,
    reported: 0,
    late: 0,
    totalInvestment: 0,
    investmentPeriod: 0,
    investmentInStats: 0,
    fundsPeriod: 0,
    exportsPeriod: 0,
    outputPeriod: 0,
    taxPeriod: 0,
    investmentCumulative: 0,
    fundsCumulative: 0,
  };
}

function add(g: Rollup, r: RollupInput): void {
  g.projects += 1;
  g.reported += r.reported ? 1 : 0;
  g.late += r.late ? 1 : 0;
  g.totalInvestment += r.totalInvestment;
  g.investmentPeriod += r.investmentPeriod;
  g.investmentInStats += r.investmentInStats ? r.investmentPeriod : 0;
  g.fundsPeriod += r.fundsPeriod;
  g.exportsPeriod += r.exportsPeriod;
  g.outputPeriod += r.outputPeriod ?? 0;
  g.taxPeriod += r.taxPeriod ?? 0;
  g.investmentCumulative += r.investmentCumulative;
  g.fundsCumulative += r.fundsCumulative;
}

/** Groups by `keyOf`, largest total investment first (ties by name, so the order is stable). */
export function rollUp<T extends RollupInput>(rows: readonly T[], keyOf: (r: T) => string): Rollup[] {
  const m = new Map<string, Rollup>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = m.get(key) ?? empty(key);
    add(g, r);
    m.set(key, g);
  }
  return [...m.values()].sort(
    (a, b) => b.totalInvestment - a.totalInvestment || a.key.localeCompare(b.key, 'zh-CN'),
  );
}

/** The zone's total: every project of the round in one group. */
export function zoneRollup(rows: readonly RollupInput[], key: string): Rollup {
  const g = empty(key);
  for (const r of rows) add(g, r);
  return g;
}

/** The four roll-ups a round shows: zone, per park, per chain, per officer. */
export function roundRollups(rows: readonly RollupInput[], zoneName: string) {
  return {
    zone: zoneRollup(rows, zoneName),
    byPark: rollUp(rows, (r) => r.park ?? UNGROUPED.park),
    byChain: rollUp(rows, (r) => r.chain ?? UNGROUPED.chain),
    byOfficer: rollUp(rows, (r) => r.officer ?? UNGROUPED.officer),
  };
}
