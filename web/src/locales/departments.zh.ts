/** UI strings of the 部门与负责人 page (the menu entry stays in `zh.ts`); loaded with the page (`departments.messages.ts`). */
export const departmentsZh = {
  'departments.code': '编号',
  'departments.name': '部门',
  'departments.head': '负责人',
  'departments.headAccount': '账号',
  'departments.headInactive': '账号已停用或已调离本部门',
  'departments.headImported': '导入文本，未关联账号',
  'departments.noHead': '未设置',
  'departments.importedWas': '（导入文本：{name}）',
  'departments.escalation': '第一级升级送达',
  'departments.toHead': '负责人本人及本部门用户',
  'departments.fallback': '本部门用户和系统管理员（无可用的负责人账号）',
  'departments.setHead': '设置负责人',
  'departments.pickTitle': '设置“{name}”的负责人',
  'departments.pickLabel': '负责人账号',
  'departments.pickPlaceholder': '选择本部门用户或领导',
  'departments.pickHint':
    '可选本部门的部门用户或开发区领导。超期事项的第一级升级送达此人；清空则不指定，升级仍送达本部门用户和系统管理员。导入的负责人文本保留不变。',
  'departments.noCandidates': '本部门还没有部门用户，可先在“用户管理”中添加。',
  'departments.role.department': '部门用户',
  'departments.role.leader': '领导',
  'departments.saved': '负责人已更新',
} as const;
