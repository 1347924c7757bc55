import type { Kysely, Transaction } from 'kysely';
import type { FigureProvenance, FigureSources } from '../../../../shared/src/contract/project';
import {
  type FigureOrigin,
  type FigureSource,
  SOURCED_PROJECT_FIGURES,
  type SourcedProjectFigure,
} from '../../../../shared/src/figure-source';
import type { Database, ProjectFigureSourceTable, ProjectTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import * as repo from './figure-source.repository';
import { type ProjectCumulatives, projectCumulatives } from './zone-figures';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Provenance of a project's KPI values (issue 14; shared/src/figure-source.ts; docs/glossary.md):
 * every path that writes a value records where it came from here, in its own transaction; the
 * presenter reads it back beside the value. A row speaks only for the value it was written with.
 */

/** The project columns whose provenance is kept, by API name. */
export const SOURCED_COLUMNS = {
  totalInvestment: 'total_investment',
  fixedAssetInvestment: 'fixed_asset_investment',
  fundsInPlace: 'funds_in_place',
  expectedOutput: 'expected_output',
  expectedTax: 'expected_tax',
  expectedJobs: 'expected_jobs',
  expectedExports: 'expected_exports',
} as const satisfies Partial<Record<SourcedProjectFigure, keyof ProjectTable>>;
export type SourcedColumnFigure = keyof typeof SOURCED_COLUMNS;

export type FigureValues = Partial<Record<SourcedProjectFigure, number | null>>;

/** The sourced column values present in a project input or patch (API names; undefined = untouched). */
export function sourcedValuesOf(input: object): FigureValues {
  const out: FigureValues = {};
  for (const key of Object.keys(SOURCED_COLUMNS) as SourcedColumnFigure[]) {
    const v = (input as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = v === null || v === '' ? null : Number(v);
  }
  return out;
}

/**
 * Records where the given values come from: `source` for each figure (or a function of it), the
 * write path `origin`, the actor and the time. A null value clears the figure's record.
 */
export async function recordFigureSources(
  db: Q,
  ctx: ServiceContext,
  projectId: string,
  values: FigureValues,
  source: FigureSource | ((figure: SourcedProjectFigure) => FigureSource),
  origin: FigureOrigin,
): Promise<void> {
  const actor = ctx.actor;
  const at = ctx.clock.now().toISOString();
  const figures = Object.keys(values) as SourcedProjectFigure[];
  const rows: ProjectFigureSourceTable[] = [];
  for (const figure of figures) {
    const value = values[figure];
    if (value === null || value === undefined) continue;
    rows.push({
      project_id: projectId,
      figure,
      source: typeof source === 'function' ? source(figure) : source,
      origin,
      value,
      actor_id: actor?.userId ?? null,
      actor_name: actor?.displayName ?? null,
      at,
    });
  }
  await repo.writeFigureSourceRows(db, projectId, figures, rows);
}

const sameValue = (a: number, b: number | null) => b !== null && Math.abs(a - b) < 0.5;

function provenanceOf(row: ProjectFigureSourceTable): FigureProvenance {
  return {
    source: row.source as FigureProvenance['source'],
    origin: row.origin as FigureProvenance['origin'],
    at: row.at,
    actorName: row.actor_name,
  };
}

const REPORTED: FigureProvenance = { source: 'reported', origin: 'round_report', at: null, actorName: null };

/** The current value of every sourced figure of one project: its columns and its cumulatives. */
export function currentFigureValues(
  row: Pick<ProjectTable, (typeof SOURCED_COLUMNS)[SourcedColumnFigure]>,
  cumulatives: ProjectCumulatives | undefined,
): Record<SourcedProjectFigure, number | null> {
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    totalInvestment: num(row.total_investment),
    fixedAssetInvestment: num(row.fixed_asset_investment),
    fundsInPlace: num(row.funds_in_place),
    expectedOutput: num(row.expected_output),
    expectedTax: num(row.expected_tax),
    expectedJobs: num(row.expected_jobs),
    expectedExports: num(row.expected_exports),
    completedInvestmentCumulative: cumulatives?.completedInvestment ?? null,
    fundsInPlaceCumulative: cumulatives ? cumulatives.fundsInPlace : num(row.funds_in_place),
  };
}

/**
 * The provenance of every sourced figure of these projects. A recorded row counts while the value
 * is still the one it was written with; a dispatch cumulative without a matching record is the
 * report's (reported); 累计到位资金 that falls back to the ledger takes the ledger's provenance.
 * With `figures`, only their records are read (the others come out null): the list shows four
 * figures, not nine.
 */
export async function figureSourcesOf(
  db: Q,
  projects: ReadonlyArray<{ id: string } & Pick<ProjectTable, (typeof SOURCED_COLUMNS)[SourcedColumnFigure]>>,
  cumulatives: ReadonlyMap<string, ProjectCumulatives>,
  figures?: readonly SourcedProjectFigure[],
): Promise<Map<string, FigureSources>> {
  const rows = await repo.figureSourceRows(
    db,
    projects.map((p) => p.id),
    figures,
  );
  const byProject = new Map<string, Map<string, ProjectFigureSourceTable>>();
  for (const r of rows) {
    const m = byProject.get(r.project_id) ?? new Map<string, ProjectFigureSourceTable>();
    m.set(r.figure, r);
    byProject.set(r.project_id, m);
  }
  const out = new Map<string, FigureSources>();
  for (const p of projects) {
    const recorded = byProject.get(p.id);
    const cum = cumulatives.get(p.id);
    const values = currentFigureValues(p, cum);
    const of = (figure: SourcedProjectFigure): FigureProvenance | null => {
      const value = values[figure];
      if (value === null) return null;
      const r = recorded?.get(figure);
      return r && sameValue(r.value, value) ? provenanceOf(r) : null;
    };
    const sources = Object.fromEntries(SOURCED_PROJECT_FIGURES.map((f) => [f, of(f)])) as FigureSources;
    if (values.completedInvestmentCumulative !== null && !sources.completedInvestmentCumulative) {
      sources.completedInvestmentCumulative = REPORTED;
    }
    if (values.fundsInPlaceCumulative !== null && !sources.fundsInPlaceCumulative) {
      sources.fundsInPlaceCumulative = cum?.fundsReported ? REPORTED : sources.fundsInPlace;
    }
    out.set(p.id, sources);
  }
  return out;
}

/**
 * After a dispatch report is written: records its cumulatives as reported (填报). A figure whose
 * recorded value is unchanged keeps its record, so a verified figure stays verified when an older
 * period's report is revised.
 */
export async function recordReportedFigures(db: Q, ctx: ServiceContext, projectId: string): Promise<void> {
  const project = await repo.projectLedgerFunds(db, projectId);
  if (!project) return;
  const cum = (await projectCumulatives(db, [project])).get(projectId);
  if (!cum) return;
  const recorded = new Map((await repo.figureSourceRows(db, [projectId])).map((r) => [r.figure, r]));
  const values: FigureValues = {};
  const put = (figure: SourcedProjectFigure, value: number | null) => {
    const r = recorded.get(figure);
    if (value !== null && !(r && sameValue(r.value, value))) values[figure] = value;
  };
  put('completedInvestmentCumulative', cum.completedInvestment);
  if (cum.fundsReported) put('fundsInPlaceCumulative', cum.fundsInPlace);
  await recordFigureSources(db, ctx, projectId, values, 'reported', 'round_report');
}
