/**
 * Chinese labels of the fields a timeline edit names (`<entity>.<apiField>`, see
 * project/milestone.service.ts changedFields) for documents that leave the system: the .docx dossier
 * cannot use the web's locale files. Capacity is one fact to a reader, so its three parts share a label.
 */
const LABELS: Record<string, string> = {
  'project.name': '项目名称',
  'project.code': '项目编号',
  'project.park': '所在园区',
  'project.landMu': '用地（亩）',
  'project.totalInvestment': '总投资',
  'project.fixedAssetInvestment': '固定资产投资',
  'project.fundsInPlace': '到位资金',
  'project.capacityQuantity': '产能',
  'project.capacityUnit': '产能',
  'project.capacityProduct': '产能',
  'project.expectedOutput': '预计年产值',
  'project.expectedTax': '预计年税收',
  'project.expectedJobs': '预计就业',
  'project.expectedExports': '预计出口',
  'project.priority': '优先级',
  'project.officerId': '责任专员',
  'project.leaderName': '包保领导',
  'project.contactName': '联系人',
  'project.contactPhone': '联系电话',
  'project.chainLink': '产业链（导入原文）',
  'project.linkId': '产业链环节',
  'project.startDate': '开工日期',
  'project.stage': '阶段',
  'project.stageDate': '阶段日期',
  'project.pausedFromStage': '阶段',
  'project.stageReason': '原因',
  'project.leadId': '来源线索',
  'project.investors': '投资方',
  'milestone.name': '节点名称',
  'milestone.plannedDate': '计划完成',
  'milestone.actualDate': '实际完成',
  'milestone.ownerName': '责任人',
};

/** "修改了：用地（亩）、总投资" — or the detail the item already carries. */
export function timelineDetailZh(item: { detail: string | null; fields: readonly string[] }): string {
  if (item.fields.length === 0) return item.detail ?? '';
  const names = [...new Set(item.fields.map((f) => LABELS[f] ?? f))];
  return `修改了：${names.join('、')}`;
}
