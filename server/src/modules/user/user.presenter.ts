import { z } from 'zod';
import { ROLES, type Role } from '../../../../shared/src/roles';
import type { UserRow } from './user.repository';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  firmId: z.string().nullable(),
  firmName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type UserDto = z.infer<typeof userSchema>;

/** Rows (snake_case, with the hash) never leave the service: this is what the API shows. */
export function presentUser(row: UserRow, firmName: string | null = null): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    firmId: row.firm_id,
    firmName,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    version: row.version,
  };
}

/** The audit trail's view of a user: everything but the hash. */
export function auditableUser(row: UserRow | Omit<UserRow, 'department_name'>): Record<string, unknown> {
  const { password_hash: _hash, ...rest } = row;
  return rest;
}
