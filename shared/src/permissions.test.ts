import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf } from './permissions';
import { ROLES } from './roles';

describe('permission table', () => {
  it('gives admin every permission and keeps the audit log for admins only', () => {
    expect(permissionsOf('admin').sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const role of ROLES) expect(can(role, 'audit.read')).toBe(role === 'admin');
  });
  it('lets every role manage its own API tokens', () => {
    for (const role of ROLES) expect(can(role, 'token.manage-own')).toBe(true);
  });
  it('never lets an enterprise user manage users', () => {
    expect(can('enterprise', 'user.manage')).toBe(false);
  });
});
