import type { pipelineZh } from './pipeline.zh';

/** English UI strings of issue 16; typed so a missing key fails the typecheck. */
export const pipelineEn: Record<keyof typeof pipelineZh, string> = {
  'stageFill.title': 'Fill in what this move needs',
  'stageFill.hint': 'Saved with the stage move: one request, all or nothing, kept in the audit log.',
  'audit.actionName.create': 'Create',
  'audit.actionName.update': 'Update',
  'audit.actionName.revoke': 'Revoke',
  'audit.actionName.login.success': 'Login succeeded',
  'audit.actionName.login.failed': 'Login failed',
  'audit.actionName.login.locked': 'Account locked',
  'audit.actionName.logout': 'Logout',
  'audit.actionName.password.change': 'Password changed',
  'audit.actionName.password.change.failed': 'Password change failed',
  'audit.actionName.password.reset': 'Password reset',
  'kanban.scrollForMore': 'Scroll for more ({count} left)',
};
