/**
 * UI strings of the pipeline as an officer lives in it (issue 16): filling a stage's missing fields
 * in the stage dialog, the firm relation graph, the kanban's paging. Spread into `zh.ts`;
 * `pipeline.en.ts` must give every key.
 */
export const pipelineZh = {
  'stageFill.title': '补填本次推进所需信息',
  'stageFill.hint': '以下信息与阶段推进一并保存：同一次提交，全部成功或全部不变，并记入操作日志。',
} as const;
