/**
 * UI strings of issue 15 (figures a leader can trust, closings a 督查室 can trust): the warnings'
 * filters and new kinds, list filters shown from the address. Spread into `zh.ts`.
 */
export const closingZh = {
  'warning.kind.task_overdue': '任务超期',
  'warning.kind.problem_overdue': '整改超期',
  'warning.filter.kind': '全部类型',
  'warning.filter.severity': '全部级别',
  'warning.filter.park': '全部园区',
  'warning.filter.chain': '全部产业链',
  'warning.filter.officer': '全部专员',
  'warning.filter.projectsOnly': '按园区、产业链或专员筛选时只列项目的预警（督办任务和问题清单不属于项目）',
  'listFilter.label': '当前筛选',
  'listFilter.signed': '签约日期',
  'listFilter.clearAll': '清除筛选',
} as const;
