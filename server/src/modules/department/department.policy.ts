/**
 * Who may head a department (负责人): an active department user of that very unit, or a leader
 * (领导) of the zone — a director who heads a unit in person. One rule for the admin's pick and for
 * the escalation sweep: a head who was moved out of the unit or disabled since is no longer its
 * head, and the sweep falls back as if none were linked.
 */
export function mayHead(
  user: { role: string | null; department_id: string | null; disabled: number | null },
  departmentId: string,
): boolean {
  if (user.disabled !== 0) return false;
  if (user.role === 'leader') return true;
  return user.role === 'department' && user.department_id === departmentId;
}

/** Whether a department row's linked head user may (still) head it. */
export function headIsActive(d: {
  id: string;
  head_user_id: string | null;
  head_user_role: string | null;
  head_user_department_id: string | null;
  head_user_disabled: number | null;
}): boolean {
  if (!d.head_user_id) return false;
  return mayHead(
    { role: d.head_user_role, department_id: d.head_user_department_id, disabled: d.head_user_disabled },
    d.id,
  );
}
