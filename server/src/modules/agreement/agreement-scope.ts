import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The projects a department (部门) is assigned to, in the assignments the zone already makes: a
 * factor request (要素保障) about the project in its queue, or a supervised task (督办) about the
 * project that its unit leads or cooperates on — open or closed, since its work on the project
 * stays its own. A department sees the agreements, figures and compliance of these projects only.
 */
export function departmentProjectIds(db: Q, departmentId: string) {
  return db
    .selectFrom('factor_request')
    .select('factor_request.project_id as id')
    .where('factor_request.department_id', '=', departmentId)
    .where('factor_request.project_id', 'is not', null)
    .union(
      db
        .selectFrom('task')
        .innerJoin('task_unit', 'task_unit.task_id', 'task.id')
        .select('task.project_id as id')
        .where('task_unit.department_id', '=', departmentId)
        .where('task.project_id', 'is not', null),
    )
    .$narrowType<{ id: string }>();
}

/** Whether a department is assigned to the project (see departmentProjectIds). */
export async function departmentAssigned(db: Q, departmentId: string, projectId: string): Promise<boolean> {
  const hit = await db
    .selectFrom(departmentProjectIds(db, departmentId).as('assigned'))
    .select('assigned.id')
    .where('assigned.id', '=', projectId)
    .executeTakeFirst();
  return hit !== undefined;
}
