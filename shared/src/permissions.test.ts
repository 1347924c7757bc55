import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf } from './permissions';
import { ROLES } from './roles';

describe('permission table', () => {
  it('gives admin every permission and keeps the audit log for admins only', () => {
    expect(permissionsOf('admin').sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const role of ROLES) expect(can(role, 'audit.read')).toBe(role === 'admin');
  });
  it('lets every zone role manage its own API tokens, and not an enterprise user', () => {
    for (const role of ROLES) expect(can(role, 'token.manage-own')).toBe(role !== 'enterprise');
  });
  it('never lets an enterprise user manage users', () => {
    expect(can('enterprise', 'user.manage')).toBe(false);
  });
});

describe('closing (销号) is verified outside the unit', () => {
  it('gives the supervision office the verify permission and nothing to write', () => {
    expect(can('supervisor', 'supervision.verify')).toBe(true);
    expect(can('leader', 'supervision.verify')).toBe(true);
    expect(can('department', 'supervision.verify')).toBe(false);
    expect(can('officer', 'supervision.verify')).toBe(false);
    expect(permissionsOf('supervisor').filter((p) => /write|create|assign|\.manage$/.test(p))).toEqual([]);
  });
});
