import { todayInShanghai } from '../../../../shared/src/dates';
import { type EscalationLevel, escalationOf } from '../../../../shared/src/escalation';
import type { EscalationSource, EscalationSubject } from '../notify/escalation.service';
import * as repo from './task.repository';

/** Running tasks past their deadline, for the escalation sweep (notify). */
export const taskEscalations: EscalationSource = {
  async overdueSubjects(db, now) {
    const rows = await repo.listOverdueRunningTasks(db, todayInShanghai(now));
    return rows.map((row) =>
      taskEscalationSubject(row, escalationOf({ running: true, deadline: row.deadline }, now).level),
    );
  },
};

/** Who a task's escalation goes to: the lead unit's head, then the supervising leader (督办领导). */
export function taskEscalationSubject(row: repo.TaskRow, level: EscalationLevel): EscalationSubject {
  return {
    entity: 'task' as const,
    entityId: row.id,
    deadline: row.deadline ?? '',
    level,
    departmentId: row.lead_department_id,
    headTarget: `${row.lead_department_name ?? ''}负责人${row.lead_department_head ? ` ${row.lead_department_head}` : ''}`,
    leaderTarget: `督办领导${row.leader_name ? ` ${row.leader_name}` : ''}`,
    alsoNotify: [],
    title: `${row.code} ${row.title}`,
    kind: 'task.escalated' as const,
  };
}
