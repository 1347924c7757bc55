import type { Bilingual } from './i18n-message';

/**
 * Where a project's KPI value comes from (issue 14, "estimated vs reported"; docs/glossary.md
 * "Provenance"). A figure typed by an officer at signing, estimated from news, reported by the firm
 * in a dispatch round or confirmed by an officer are different things to a leader; every screen
 * that shows the figure says which it is.
 * - promised 承诺: the signing figures an officer enters on the project form or an import;
 * - estimated 估算: read from news by intake (or carried from a news lead at signing);
 * - reported 填报: the firm's dispatch report (or the officer's ledger entry of funds in place);
 * - verified 核实: an officer confirmed the value (against the statistics, a contract, a visit).
 */
export const FIGURE_SOURCES = ['promised', 'estimated', 'reported', 'verified'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export const FIGURE_SOURCE_LABELS: Record<FigureSource, Bilingual> = {
  promised: { zh: '承诺', en: 'Promised' },
  estimated: { zh: '估算', en: 'Estimated' },
  reported: { zh: '填报', en: 'Reported' },
  verified: { zh: '核实', en: 'Verified' },
};

/** The write path that recorded a value (shown in the tooltip: "填报 · 调度报送 · 2024-08-15"). */
export const FIGURE_ORIGINS = [
  'project_form',
  'lead_sign',
  'import',
  'intake',
  'round_report',
  'verify',
  'demo',
  'backfill',
] as const;
export type FigureOrigin = (typeof FIGURE_ORIGINS)[number];

export const FIGURE_ORIGIN_LABELS: Record<FigureOrigin, Bilingual> = {
  project_form: { zh: '项目表单录入', en: 'Project form' },
  lead_sign: { zh: '线索签约转入', en: 'Signed from a lead' },
  import: { zh: 'Excel导入', en: 'Excel import' },
  intake: { zh: '新闻采集', en: 'News intake' },
  round_report: { zh: '调度报送', en: 'Dispatch report' },
  verify: { zh: '专员核实', en: 'Officer verification' },
  demo: { zh: '演示数据', en: 'Demo data' },
  backfill: { zh: '升级时按录入方式推定', en: 'Inferred on upgrade' },
};

/**
 * The project KPIs whose provenance is kept. The first seven are columns of the project (the form,
 * imports and intake write them); the two cumulatives come from dispatch reports (zone-figures.ts).
 */
export const SOURCED_PROJECT_FIGURES = [
  'totalInvestment',
  'fixedAssetInvestment',
  'fundsInPlace',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'expectedExports',
  'completedInvestmentCumulative',
  'fundsInPlaceCumulative',
] as const;
export type SourcedProjectFigure = (typeof SOURCED_PROJECT_FIGURES)[number];

/** The figures a dispatch report writes (its cumulatives), as opposed to the project's own columns. */
export const REPORTED_PROJECT_FIGURES = [
  'completedInvestmentCumulative',
  'fundsInPlaceCumulative',
] as const satisfies readonly SourcedProjectFigure[];

/**
 * The source an officer's own entry gives a figure: signing figures are promises; the ledger's funds
 * in place are money that arrived, recorded from the firm's word, so they count as reported.
 */
export function officerEntrySource(figure: SourcedProjectFigure): FigureSource {
  return figure === 'fundsInPlace' ? 'reported' : 'promised';
}

/** Counts of a set of figures by source, for an aggregate ("含估算 3 项"); `unmarked`: no record. */
export type FigureSourceCounts = Record<FigureSource | 'unmarked', number>;

export function emptySourceCounts(): FigureSourceCounts {
  return { promised: 0, estimated: 0, reported: 0, verified: 0, unmarked: 0 };
}
