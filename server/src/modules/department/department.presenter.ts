import type { Department } from '../../../../shared/src/contract/account';
import { headIsActive } from './department.policy';
import type { DepartmentRow } from './department.repository';

export function presentDepartment(d: DepartmentRow): Department {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    nameEn: d.name_en,
    headName: d.head_name,
    headUserId: d.head_user_id,
    headUserName: d.head_user_name,
    headActive: headIsActive(d),
    version: Number(d.version),
  };
}

/** The audit trail's view of a department's head. */
export function auditableHead(d: DepartmentRow, headUserId: string | null, headUserName: string | null) {
  return { name: d.name, head_user_id: headUserId, head_user_name: headUserName, head_name: d.head_name };
}
