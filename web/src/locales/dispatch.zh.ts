/**
 * UI strings of dispatch, assessment, cockpit and reports (issue 6): 调度, 考核, 驾驶舱, 预警, 报告.
 * Spread into `zh.ts`; `dispatch.en.ts` must give every key.
 */
export const dispatchZh = {
  'nav.cockpit': '驾驶舱',
  'nav.warnings': '预警',
  'nav.rounds': '项目调度',
  'nav.targets': '目标考核',
  'module.cockpit.desc':
    '领导驾驶舱：项目漏斗、签约与到位资金对比目标、滞后项目、要素保障、产业链覆盖、调度报送率；点击图表直达明细。',
  'module.warning.desc':
    '需要领导关注的事项：节点逾期、阶段停滞超标准、要素超期、调度未报送，按严重程度排序。',
  'module.round.desc':
    '按周/月发起项目调度，企业或专员填报投资完成、进展、照片和问题；未报送提醒，生成调度报告。',
  'module.target.desc':
    '园区、园区载体、专员团队、产业链的年度目标，实际值由记录自动计算，完成率、时间进度与排名。',

  'cockpit.title': '驾驶舱',
  'cockpit.year': '年度',
  'cockpit.park': '园区',
  'cockpit.chain': '产业链',
  'cockpit.all': '全部',
  'cockpit.wallScreen': '大屏模式',
  'cockpit.projects': '在建在库项目',
  'cockpit.investment': '总投资',
  'cockpit.started': '已开工（含以后阶段）',
  'cockpit.producing': '已投产',
  'cockpit.funnel': '项目推进漏斗（达到该阶段的项目数）',
  'cockpit.monthly': '签约投资与到位资金（累计）对比目标',
  'cockpit.signedCum': '签约投资累计',
  'cockpit.fundsCum': '到位资金累计',
  'cockpit.signedTarget': '签约目标进度',
  'cockpit.fundsTarget': '到位目标进度',
  'cockpit.signedMonth': '当月签约投资',
  'cockpit.late': '滞后项目',
  'cockpit.lateCount': '{n} 个项目有逾期节点',
  'cockpit.daysLate': '逾期天数',
  'cockpit.requests': '要素保障（按部门）',
  'cockpit.open': '未办结',
  'cockpit.overdue': '超期',
  'cockpit.chains': '产业链环节覆盖',
  'cockpit.coverage': '覆盖率',
  'cockpit.top': '投资额前十项目',
  'cockpit.round': '最近一轮调度报送率',
  'cockpit.noRound': '还没有调度轮次',
  'cockpit.reported': '已报 {reported} / 应报 {expected}，迟报 {late}',
  'cockpit.warnings': '预警',
  'cockpit.warningsAll': '查看全部预警',
  'cockpit.unitWan': '万元',
  'cockpit.clickHint': '点击图表可查看对应明细',

  'warning.title': '预警',
  'warning.severity': '级别',
  'warning.severity.high': '严重',
  'warning.severity.medium': '较重',
  'warning.severity.low': '一般',
  'warning.kind': '类型',
  'warning.kind.milestone_late': '节点逾期',
  'warning.kind.stage_stuck': '阶段停滞',
  'warning.kind.request_overdue': '要素超期',
  'warning.kind.round_missing': '调度未报',
  'warning.project': '项目',
  'warning.reason': '原因',
  'warning.days': '天数',
  'warning.empty': '没有预警',

  'screen.title': '聊城经济技术开发区 · 项目调度大屏',
  'screen.updated': '更新于 {time}（每 60 秒自动刷新）',

  'report.dispatchDocx': '调度报告（Word）',
  'report.dispatchXlsx': '调度报告（Excel）',
  'report.dossier': '一项目一档（Word）',
} as const;
