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
  'activeProjects',
  'startedProjects',
  'roundReportRate',
  'openRequests',
  'overdueRequests',
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
  // Counts on the cockpit (issue 15: a tooltip on every figure), each the total of the list it opens.
  activeProjects: {
    label: { zh: '在建在库项目', en: 'Active projects' },
    definition: {
      zh: '处于签约至达产各阶段的项目数（不含已终止等无推进顺序的阶段）；点击打开同样筛选的项目库。',
      en: 'Projects in a stage from signing to full capacity (not ended ones); opens the project list with the same filter.',
    },
  },
  startedProjects: {
    label: { zh: '已开工（含以后阶段）', en: 'Started (or later)' },
    definition: {
      zh: '阶段达到开工及以后（主体完工、竣工验收、设备调试、投产、达产）的项目数。',
      en: 'Projects whose stage is 开工 or any later stage (up to full capacity).',
    },
  },
  roundReportRate: {
    label: { zh: '最近一轮调度报送率', en: 'Latest round reported' },
    definition: {
      zh: '最近一轮调度中已报送的项目数 ÷ 应报送的项目数。',
      en: 'Projects that reported in the latest dispatch round ÷ projects expected to report.',
    },
  },
  openRequests: {
    label: { zh: '未办结要素需求', en: 'Open factor requests' },
    definition: {
      zh: '状态不是“已确认”的要素保障需求数（企业确认办结前都算未办结）。',
      en: 'Factor requests not yet confirmed by the firm.',
    },
  },
  overdueRequests: {
    label: { zh: '超期要素需求', en: 'Overdue factor requests' },
    definition: {
      zh: '部门办理中（已交办、已受理、办理中、重新打开）且办理期限已过的要素保障需求数（按北京时间）。',
      en: 'Factor requests a department holds (assigned, accepted, in progress, reopened) past their deadline (Asia/Shanghai).',
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
