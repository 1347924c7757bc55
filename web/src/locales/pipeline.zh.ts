/**
 * UI strings of the pipeline as an officer lives in it (issue 16): filling a stage's missing fields
 * in the stage dialog, the firm relation graph, the kanban's paging. Spread into `zh.ts`;
 * `pipeline.en.ts` must give every key.
 */
export const pipelineZh = {
  'stageFill.title': '补填本次推进所需信息',
  'stageFill.hint': '以下信息与阶段推进一并保存：同一次提交，全部成功或全部不变，并记入操作日志。',
  'audit.actionName.create': '新建',
  'audit.actionName.update': '修改',
  'audit.actionName.revoke': '撤销',
  'audit.actionName.login.success': '登录成功',
  'audit.actionName.login.failed': '登录失败',
  'audit.actionName.login.locked': '账号锁定',
  'audit.actionName.logout': '退出登录',
  'audit.actionName.password.change': '修改密码',
  'audit.actionName.password.change.failed': '修改密码失败',
  'audit.actionName.password.reset': '重置密码',
  'kanban.scrollForMore': '向下滚动加载更多（还有 {count} 个）',
} as const;
