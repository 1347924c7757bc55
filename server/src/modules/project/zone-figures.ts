import type { Kysely, Transaction } from 'kysely';
import { cumulativeFigure } from '../../../../shared/src/figures';
import type { Database } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The server side of the figure definitions (shared/src/figures.ts, docs/glossary.md): the
 * project's cumulative figures as every screen shows them. A project's 累计到位资金 / 累计完成投资
 * is the cumulative of its latest dispatch report (by the end of the report's period), else its
 * ledger figure. Round roll-ups sum the same per-project cumulatives (round-rollup.ts), so the
 * project page, the list and the latest round agree.
 */
export interface ProjectCumulatives {
  fundsInPlace: number | null;
  completedInvestment: number | null;
  /** The end of the dispatch period the figures are as of; null when they are the ledger's. */
  asOf: string | null;
  /** True when 累计到位资金 is the dispatch report's (false: the ledger's, or unknown). */
  fundsReported: boolean;
}

const reportedCumulativeRows = preparedQuery((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('round_report')
    .innerJoin('round', 'round.id', 'round_report.round_id')
    .select([
      'round_report.project_id as project_id',
      'round_report.funds_cumulative as funds',
      'round_report.investment_cumulative as investment',
      'round.period_end as period_end',
    ])
    .where('round_report.project_id', 'in', p.ids)
    .orderBy('round.period_end')
    .orderBy('round_report.submitted_at'),
);

/** The latest dispatch report's cumulatives per project, in chunks of 500 ids. */
export async function latestReportedCumulatives(
  db: Q,
  projectIds: readonly string[],
): Promise<Map<string, { funds: number | null; investment: number | null; asOf: string }>> {
  const out = new Map<string, { funds: number | null; investment: number | null; asOf: string }>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const rows = await reportedCumulativeRows(db, { ids: projectIds.slice(i, i + 500) });
    // Oldest first: the last row per project is its latest report.
    for (const r of rows) {
      out.set(r.project_id, {
        funds: r.funds === null ? null : Number(r.funds),
        investment: r.investment === null ? null : Number(r.investment),
        asOf: r.period_end,
      });
    }
  }
  return out;
}

/** 累计到位资金 and 累计完成投资 of each project (see the module comment). */
export async function projectCumulatives(
  db: Q,
  projects: ReadonlyArray<{ id: string; funds_in_place: number | string | null }>,
): Promise<Map<string, ProjectCumulatives>> {
  const latest = await latestReportedCumulatives(
    db,
    projects.map((p) => p.id),
  );
  return new Map(
    projects.map((p) => {
      const l = latest.get(p.id);
      const ledger = p.funds_in_place === null ? null : Number(p.funds_in_place);
      return [
        p.id,
        {
          fundsInPlace: cumulativeFigure(l?.funds ?? null, ledger),
          completedInvestment: l?.investment ?? null,
          asOf: l && (l.funds !== null || l.investment !== null) ? l.asOf : null,
          fundsReported: (l?.funds ?? null) !== null,
        },
      ];
    }),
  );
}
