/**
 * UI strings of project parties and figure provenance (issue 14: 项目公司, 承诺/估算/填报/核实).
 * Spread into `zh.ts`; `kpi.en.ts` must give every key.
 */
export const kpiZh = {
  'kpi.company': '项目公司',
  'kpi.companyHint': '签约的项目公司（常为新设公司），不同于投资方和最初接洽的企业',
  'kpi.role.investor': '投资',
  'kpi.role.company': '项目公司',
  'kpi.role.approached': '曾接洽',
  'kpi.firmProjects': '相关项目',
  'kpi.sourceTip': '{source}：{origin}',
  'kpi.sourceBy': '{actor}，{at}',
  'kpi.share': '含{source} {n} 项',
  'kpi.verify': '核实数字',
  'kpi.verifyConfirm': '确认以下数字已核实（对照统计、合同或现场）？核实后显示为“核实”，直至数字被改写。',
  'kpi.verified': '已核实',
  'kpi.mode.promised': '承诺',
  'kpi.mode.actual': '实际',
  'kpi.promisedInvestment': '签约总投资（承诺）',
  'kpi.actualCompleted': '累计完成投资（实际）',
  'kpi.actualFunds': '累计到位资金（实际）',
  'kpi.reportingProjects': '已报送调度的项目 {n} 个',
} as const;
