import type { UserAccount } from '../../../../shared/src/contract/account';
import type { Role } from '../../../../shared/src/roles';
import type { UserRow } from './user.repository';

// The contract (shared/src/contract/account.ts); the schema re-exported for the auth routes.
export { userSchema } from '../../../../shared/src/contract/account';
export type UserDto = UserAccount;

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
