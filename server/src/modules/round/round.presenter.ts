import type { RoundReportRevisionTable } from '../../db/database';
import { num } from './round.repository';

/** The written part of a report (or of one of its revisions): figures of the period, cumulatives, text. */
export type ReportFigureColumns = Pick<
  RoundReportRevisionTable,
  | 'investment_period'
  | 'investment_in_stats'
  | 'funds_period'
  | 'exports_period'
  | 'output_period'
  | 'tax_period'
  | 'investment_cumulative'
  | 'funds_cumulative'
  | 'narrative'
  | 'problems'
>;

/** Those columns as API fields (PostgreSQL returns bigint as a string: numbers here). */
export function presentReportFigures(r: ReportFigureColumns) {
  return {
    investmentPeriod: Number(r.investment_period),
    investmentInStats: Number(r.investment_in_stats) === 1,
    fundsPeriod: Number(r.funds_period),
    exportsPeriod: Number(r.exports_period),
    outputPeriod: num(r.output_period),
    taxPeriod: num(r.tax_period),
    investmentCumulative: num(r.investment_cumulative),
    fundsCumulative: num(r.funds_cumulative),
    narrative: r.narrative,
    problems: r.problems,
  };
}
