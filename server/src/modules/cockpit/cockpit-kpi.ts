import type { Kysely } from 'kysely';
import {
  emptySourceCounts,
  FIGURE_SOURCES,
  type FigureSourceCounts,
} from '../../../../shared/src/figure-source';
import type { Database } from '../../db/database';
import { figureSourcesOf } from '../project/figure-source';
import { projectCumulatives } from '../project/zone-figures';
import { type CockpitScope, investmentSourceCounts, reportingProjects } from './cockpit.repository';

/**
 * The leader's switch (issue 14): the active projects' promised figure (签约总投资) beside the
 * actual one (累计完成投资, 累计到位资金 — the same per-project cumulatives as the project page,
 * zone-figures.ts), each with the provenance of what it adds up ("含估算 3 项").
 */
export async function promisedAndActual(
  db: Kysely<Database>,
  s: CockpitScope,
  active: { investment: number; valued: number; funds: number },
) {
  const [bySource, reporting] = await Promise.all([investmentSourceCounts(db, s), reportingProjects(db, s)]);
  const promisedSources = emptySourceCounts();
  for (const r of bySource) {
    if ((FIGURE_SOURCES as readonly string[]).includes(r.source)) {
      promisedSources[r.source as keyof FigureSourceCounts] += r.n;
    }
  }
  promisedSources.unmarked = active.valued - FIGURE_SOURCES.reduce((n, k) => n + promisedSources[k], 0);

  const cumulatives = await projectCumulatives(db, reporting);
  const sources = await figureSourcesOf(db, reporting, cumulatives);
  const actualSources = emptySourceCounts();
  let completed = 0;
  let completedKnown = 0;
  // Ledger funds of the projects that have not reported: all active funds (the roll-up) less the
  // reporting projects' ledger funds, which are read anyway.
  let funds = active.funds - reporting.reduce((n, p) => n + Number(p.funds_in_place ?? 0), 0);
  for (const p of reporting) {
    const c = cumulatives.get(p.id);
    if (c?.completedInvestment !== null && c?.completedInvestment !== undefined) {
      completed += c.completedInvestment;
      completedKnown += 1;
      actualSources[sources.get(p.id)?.completedInvestmentCumulative?.source ?? 'unmarked'] += 1;
    }
    funds += c?.fundsInPlace ?? 0;
  }
  return {
    promised: { investment: active.investment, projects: active.valued, sources: promisedSources },
    actual: {
      // Unknown is —, never 0 (docs/glossary.md): null when no report states a cumulative.
      completedInvestment: completedKnown > 0 ? completed : null,
      fundsInPlace: funds,
      reportingProjects: reporting.length,
      sources: actualSources,
    },
  };
}
