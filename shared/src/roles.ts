/**
 * The kinds of user (PRODUCT.md, "Who uses it"); one English name each, Chinese in the locale.
 * `supervisor` is the supervision office (督查室), which verifies closings (decision 013).
 */
export const ROLES = ['admin', 'leader', 'officer', 'department', 'enterprise', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  admin: { zh: '管理员', en: 'Administrator' },
  leader: { zh: '领导', en: 'Leader' },
  officer: { zh: '招商专员', en: 'Officer' },
  department: { zh: '部门', en: 'Department' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  supervisor: { zh: '督查室', en: 'Supervision office' },
} as const satisfies Record<Role, { zh: string; en: string }>;
