import type { pipelineZh } from './pipeline.zh';

/** English UI strings of issue 16; typed so a missing key fails the typecheck. */
export const pipelineEn: Record<keyof typeof pipelineZh, string> = {
  'stageFill.title': 'Fill in what this move needs',
  'stageFill.hint': 'Saved with the stage move: one request, all or nothing, kept in the audit log.',
};
