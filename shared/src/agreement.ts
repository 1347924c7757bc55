import type { Bilingual } from './i18n-message';

/**
 * 投资协议 investment agreements, 履约考核 compliance and 亩均效益评价 (issue 14): the enums and
 * defaults both sides need at run time (zod-free, so the web bundle stays small).
 *
 * Units: money in integer yuan (PRODUCT.md); land in 亩; jobs in people; energy in 吨标煤;
 * per-mu figures in yuan per 亩. The web shows money in 万元.
 */

/** What an agreement promises. The last three are deadlines (a date, compared with the project's stages). */
export const COMMITMENT_MEASURES = [
  'totalInvestment',
  'fixedAssetInvestment',
  'investmentIntensity',
  'landMu',
  'output',
  'tax',
  'jobs',
  'taxPerMu',
  'outputPerMu',
  'startBy',
  'completeBy',
  'produceBy',
] as const;
export type CommitmentMeasure = (typeof COMMITMENT_MEASURES)[number];

export const DEADLINE_MEASURES = ['startBy', 'completeBy', 'produceBy'] as const;
export type DeadlineMeasure = (typeof DEADLINE_MEASURES)[number];
export function isDeadline(m: CommitmentMeasure): m is DeadlineMeasure {
  return (DEADLINE_MEASURES as readonly string[]).includes(m);
}

/** The project stage a deadline is met by (its first event at or past this stage). */
export const DEADLINE_STAGE: Record<DeadlineMeasure, string> = {
  startBy: 'started',
  completeBy: 'completed',
  produceBy: 'producing',
};

/** Figures measured after signing (yearly, or monthly where reported). */
export const ACTUAL_MEASURES = [
  'totalInvestment',
  'fixedAssetInvestment',
  'output',
  'sales',
  'tax',
  'jobs',
  'energy',
  'landMu',
  'rdExpense',
] as const;
export type ActualMeasure = (typeof ACTUAL_MEASURES)[number];

/**
 * Where a figure comes from. When two sources give a figure for the same year and measure, both are
 * kept; the one counted is the first in this order (the statistics and tax bureaus' tables are the
 * official record; a news estimate is the weakest).
 */
export const ACTUAL_SOURCES = ['statistics', 'tax', 'firm_report', 'officer', 'news_estimate'] as const;
export type ActualSource = (typeof ACTUAL_SOURCES)[number];

/** Tax figures trust the tax bureau first. */
export function sourceRank(source: ActualSource, measure: string): number {
  if (measure === 'tax' && source === 'tax') return -1;
  return ACTUAL_SOURCES.indexOf(source);
}

/**
 * Two sources disagree when they differ by more than 1 % of the larger: the bureaus' tables are in
 * 万元 with rounding, so smaller differences are the same figure written twice.
 */
export const CONFLICT_TOLERANCE = 0.01;
export function figuresDisagree(a: number, b: number): boolean {
  const big = Math.max(Math.abs(a), Math.abs(b));
  return big > 0 && Math.abs(a - b) > big * CONFLICT_TOLERANCE;
}

/** `Y` is the whole year; `01`–`12` a month. */
export const ACTUAL_PERIODS = [
  'Y',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
] as const;
export type ActualPeriod = (typeof ACTUAL_PERIODS)[number];

export const COMPLIANCE_STATUSES = ['met', 'behind', 'not_due', 'no_data'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/**
 * What the zone did about a commitment: 约谈 (interview), 暂缓兑现奖励, 追回已兑现扶持资金 (subsidy
 * recovered), 调整地价, 同意延期 (an extension also amends the commitment's due date), 发函提醒.
 */
export const CONSEQUENCE_KINDS = [
  'interview',
  'reward_withheld',
  'subsidy_recovered',
  'land_price_adjusted',
  'extension_granted',
  'notice_sent',
] as const;
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

/**
 * How serious a commitment behind is, as a warning (预警): a deadline by the days it is late
 * (≥ 180 high, ≥ 30 medium); a figure by the share of the promise missing (≥ 30 % high, ≥ 10 %
 * medium) — a tenth short of the tax promised is already what the zone's rules call a breach.
 */
export function commitmentBehindSeverity(i: {
  measure: CommitmentMeasure;
  committed: number | null;
  gap: number | null;
}): 'high' | 'medium' | 'low' {
  const gap = i.gap ?? 0;
  if (isDeadline(i.measure)) return gap >= 180 ? 'high' : gap >= 30 ? 'medium' : 'low';
  const share = i.committed && i.committed > 0 ? gap / i.committed : 1;
  return share >= 0.3 ? 'high' : share >= 0.1 ? 'medium' : 'low';
}

export const MU_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type MuClass = (typeof MU_CLASSES)[number];

/** The indicators of the 亩均效益 evaluation (decision 015). */
export const MU_INDICATORS = ['taxPerMu', 'outputPerMu', 'outputPerEnergy', 'rdShare'] as const;
export type MuIndicator = (typeof MU_INDICATORS)[number];

export interface MuConfig {
  /** Points per indicator; they add up to 100. */
  weights: Record<MuIndicator, number>;
  /** An indicator scores at most `cap` times its weight, so one outstanding figure cannot carry a firm. */
  cap: number;
  /** Lowest total score of each class (D is everything below C). */
  thresholds: { A: number; B: number; C: number };
  /** Firms above this size are evaluated: land in use ≥ minLandMu 亩 or yearly output ≥ minOutput yuan. */
  minLandMu: number;
  minOutput: number;
}

/**
 * Defaults (decision 015): the indicator set and the A–D classes of Zhejiang's 亩均论英雄 reform
 * (浙政发〔2018〕5号), tax per mu weighted highest; a zone sets its own.
 */
export const DEFAULT_MU_CONFIG: MuConfig = {
  weights: { taxPerMu: 50, outputPerMu: 30, outputPerEnergy: 10, rdShare: 10 },
  cap: 1.5,
  thresholds: { A: 110, B: 80, C: 50 },
  minLandMu: 3,
  minOutput: 20_000_000,
};

export const AGREEMENT_LIMITS = {
  /** No agreement has more promises than this; stops junk early. */
  maxCommitments: 40,
  /**
   * Rows in one page of compliance or of a 亩均 ranking. A zone has ~40k commitments and ~50k rated
   * firms: answered whole that was 17 MB, serialised on the event loop; 50 is a screen, 200 a print.
   */
  defaultPageSize: 50,
  maxPageSize: 200,
} as const;

export const MEASURE_LABELS: Record<CommitmentMeasure | ActualMeasure, Bilingual> = {
  totalInvestment: { zh: '总投资', en: 'Total investment' },
  fixedAssetInvestment: { zh: '固定资产投资', en: 'Fixed-asset investment' },
  investmentIntensity: { zh: '投资强度', en: 'Investment intensity' },
  landMu: { zh: '用地', en: 'Land' },
  output: { zh: '产值', en: 'Output' },
  sales: { zh: '销售收入', en: 'Sales' },
  tax: { zh: '税收', en: 'Tax' },
  jobs: { zh: '用工', en: 'Jobs' },
  energy: { zh: '能耗', en: 'Energy use' },
  rdExpense: { zh: '研发费用', en: 'R&D expense' },
  taxPerMu: { zh: '亩均税收', en: 'Tax per mu' },
  outputPerMu: { zh: '亩均产值', en: 'Output per mu' },
  startBy: { zh: '开工期限', en: 'Start by' },
  completeBy: { zh: '竣工期限', en: 'Complete by' },
  produceBy: { zh: '投产期限', en: 'Produce by' },
};

/** How a measure's value is written: money in yuan, 亩, people, 吨标煤, a date. */
export type MeasureUnit = 'yuan' | 'yuanPerMu' | 'mu' | 'people' | 'tce' | 'date';
export const MEASURE_UNIT: Record<CommitmentMeasure | ActualMeasure, MeasureUnit> = {
  totalInvestment: 'yuan',
  fixedAssetInvestment: 'yuan',
  investmentIntensity: 'yuanPerMu',
  landMu: 'mu',
  output: 'yuan',
  sales: 'yuan',
  tax: 'yuan',
  jobs: 'people',
  energy: 'tce',
  rdExpense: 'yuan',
  taxPerMu: 'yuanPerMu',
  outputPerMu: 'yuanPerMu',
  startBy: 'date',
  completeBy: 'date',
  produceBy: 'date',
};

export const SOURCE_LABELS: Record<ActualSource, Bilingual> = {
  statistics: { zh: '统计局', en: 'Statistics bureau' },
  tax: { zh: '税务局', en: 'Tax bureau' },
  firm_report: { zh: '企业填报', en: 'Firm report' },
  officer: { zh: '专员录入', en: 'Officer' },
  news_estimate: { zh: '新闻估算', en: 'News estimate' },
};
