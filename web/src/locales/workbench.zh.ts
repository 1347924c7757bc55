/**
 * UI strings of the workbench (工作台) and the phone layout (issue 17).
 * Spread into `zh.ts`; `workbench.en.ts` must give every key.
 */
export const workbenchZh = {
  'workbench.title': '我的工作台',
  'workbench.all': '全部',
  'workbench.roundsToFile': '待填报调度',
  'workbench.myLeads': '我的线索',
  'workbench.myProjects': '我的项目',
  'workbench.reportedOf': '已报 {reported}/{expected}',
  'phone.prevPage': '上一页',
  'phone.nextPage': '下一页',
  'phone.pageOf': '第 {current}/{pages} 页',
} as const;
