import type { Role } from './roles';

/**
 * Action names, shared by server (authorisation) and web (what to show). A route names exactly one;
 * record-level scope (own firm, own department) is checked again in each area's policy.
 */
export const PERMISSIONS = {
  'audit.read': ['admin'],
  'user.manage': ['admin'],
  'department.read': ['admin', 'leader', 'officer', 'department'],
  'token.manage-own': ['admin', 'leader', 'officer', 'department', 'enterprise'],
  'system.backup': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).includes(role),
  );
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
