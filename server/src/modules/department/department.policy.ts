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
