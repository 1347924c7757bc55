import type { Kysely, Transaction } from 'kysely';
import { can } from '../../../../shared/src/permissions';
import type { TaskActorKind } from '../../../../shared/src/task-status';
import type { Database, TaskTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may see and act on which supervised tasks (督办):
 * - department: only tasks its unit leads or cooperates on (others are a 404);
 * - officer, leader, admin: all.
 * Reporting progress is for the units on the task; proposing to close is for the lead unit;
 * closing (销号) is for a holder of `supervision.verify` (the 督查室, a leader, an administrator)
 * whose own unit does not lead the task — nobody closes a task their own unit leads (decision 013).
 */
export type TaskScope = { kind: 'all' } | { kind: 'department'; departmentId: string };

export function taskScopeOf(actor: Actor): TaskScope {
  if (actor.role === 'department') return { kind: 'department', departmentId: actor.departmentId ?? '-' };
  return { kind: 'all' };
}

export async function assertTaskVisible(db: Q, actor: Actor, taskId: string): Promise<void> {
  if (actor.role === 'enterprise') throw errors.notFound('task');
  const scope = taskScopeOf(actor);
  if (scope.kind === 'all') return;
  const unit = await db
    .selectFrom('task_unit')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('department_id', '=', scope.departmentId)
    .executeTakeFirst();
  if (!unit) throw errors.notFound('task');
}

export function taskActorKinds(actor: Actor, task: Pick<TaskTable, 'lead_department_id'>): TaskActorKind[] {
  const kinds: TaskActorKind[] = [];
  const inLeadUnit = !!actor.departmentId && actor.departmentId === task.lead_department_id;
  const works = actor.role === 'admin' || actor.role === 'officer' || actor.role === 'department';
  if (inLeadUnit && works) kinds.push('lead_unit');
  if (can(actor.role, 'supervision.verify') && !inLeadUnit) kinds.push('closer');
  return kinds;
}

/** Progress reports come from the units on the task (or an administrator on their behalf). */
export function mayReport(actor: Actor, unitIds: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'department' && actor.role !== 'officer') return false;
  return !!actor.departmentId && unitIds.includes(actor.departmentId);
}

/** Editing the task itself (units, deadline, roadmap) is for whoever may write tasks. */
export function mayEditTask(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'officer' || actor.role === 'leader';
}
