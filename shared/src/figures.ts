import type { Bilingual } from './i18n-message';

/**
 * One definition per money figure (issue 15): what each figure a leader reads means and where it
 * comes from. The glossary (docs/glossary.md), the `?` tooltips in the web and the server's figure
 * functions (server/src/modules/project/zone-figures.ts) all follow these entries; amounts are
 * integer yuan.
 */
export const FIGURE_KEYS = [
  'totalInvestment',
  'fixedAssetInvestment',
  'completedInvestmentPeriod',
  'completedInvestmentCumulative',
  'investmentInStats',
  'fundsInPlacePeriod',
  'fundsInPlaceYear',
  'fundsInPlaceCumulative',
  'fundsInPlaceLedger',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_DEFINITIONS: Record<FigureKey, { label: Bilingual; definition: Bilingual }> = {
  totalInvestment: {
    label: { zh: '总投资', en: 'Total investment' },
    definition: {
      zh: '项目计划总投资（签约或备案口径），录入在项目档案上，不随调度变化。',
      en: 'The planned total investment of the project (as signed or filed), kept on the project record.',
    },
  },
  fixedAssetInvestment: {
    label: { zh: '固定资产投资', en: 'Fixed-asset investment' },
    definition: {
      zh: '总投资中计划用于土建、设备等固定资产的部分，录入在项目档案上。',
      en: 'The planned part of total investment in buildings and equipment, kept on the project record.',
    },
  },
  completedInvestmentPeriod: {
    label: { zh: '本期完成投资', en: 'Investment completed this period' },
    definition: {
      zh: '企业在一个调度周期内报送的完成投资额（调度报送的本期数）。',
      en: 'The investment a project reports as completed in one dispatch period.',
    },
  },
  completedInvestmentCumulative: {
    label: { zh: '累计完成投资', en: 'Cumulative investment completed' },
    definition: {
      zh: '截至最近一期调度的累计完成投资：以报送的累计数为准，未报累计数的按此前累计加本期推算。',
      en: 'Completed investment to the latest dispatch period: the stated cumulative, else the earlier cumulative plus this period.',
    },
  },
  investmentInStats: {
    label: { zh: '入统投资', en: 'Investment in the statistics' },
    definition: {
      zh: '本期完成投资中已纳入固定资产投资统计（入统）的部分；固定资产投资目标只按入统数考核。',
      en: 'The part of completed investment counted in the fixed-asset statistics; the fixed-asset target counts only this.',
    },
  },
  fundsInPlacePeriod: {
    label: { zh: '本期到位资金', en: 'Funds in place this period' },
    definition: {
      zh: '一个调度周期内新到位的资金（调度报送的本期数）。',
      en: 'Funds that arrived in one dispatch period, as reported.',
    },
  },
  fundsInPlaceYear: {
    label: { zh: '本年到位资金', en: 'Funds in place this year' },
    definition: {
      zh: '本年内各期调度报送的本期到位资金之和（按调度周期的截止日期计入月份）；目标考核和驾驶舱使用此数。',
      en: 'The sum of the periods’ funds in place reported this year (by the month the dispatch period ends); targets and the cockpit use it.',
    },
  },
  fundsInPlaceCumulative: {
    label: { zh: '累计到位资金', en: 'Cumulative funds in place' },
    definition: {
      zh: '截至最近一期调度的累计到位资金（以报送的累计数为准）；尚未参加调度的项目取项目档案上的台账数。',
      en: 'Funds in place to the latest dispatch period (the stated cumulative); a project not yet in any dispatch shows its ledger figure.',
    },
  },
  fundsInPlaceLedger: {
    label: { zh: '台账到位资金', en: 'Funds in place (ledger)' },
    definition: {
      zh: '项目档案上登记的到位资金，用于调度开始之前；参加调度后以调度的累计到位资金为准。',
      en: 'The funds in place recorded on the project before dispatch rounds; once the project reports, the dispatch cumulative applies.',
    },
  },
};

/**
 * 累计到位资金 / 累计完成投资 of one project: the latest dispatch cumulative when the project has
 * reported, else its ledger figure (null when neither is known — shown as —, never 0).
 */
export function cumulativeFigure(latestReported: number | null, ledger: number | null): number | null {
  return latestReported ?? ledger;
}
