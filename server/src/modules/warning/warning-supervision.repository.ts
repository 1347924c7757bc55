import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { Cutoffs } from './warning-cutoffs';
import { dateCond, rankCase, severityOnly, type WarningFilter } from './warning-filter';

/**
 * The reads of the supervision warnings (warning-supervision.ts): overdue supervised tasks and
 * overdue problem-list items, each counted by severity rank and listed first-`limit`.
 */
type Db = Kysely<Database>;

/** Problem items still the unit's to close: not verified, and not waiting for the 督查室. */
const PROBLEM_OPEN = ['open', 'returned'];

type Overdue = WarningFilter & { today: string };

/** Supervised tasks in progress past their deadline, with their lead unit. */
function overdueTasks(db: Db, s: Overdue, cut: Cutoffs) {
  return db
    .selectFrom('task')
    .leftJoin('department', 'department.id', 'task.lead_department_id')
    .where('task.status', '=', 'in_progress')
    .where('task.deadline', '<', s.today)
    .where(severityOnly(s, dateCond('task.deadline', cut)));
}

export function overdueTaskCounts(db: Db, s: Overdue, cut: Cutoffs) {
  return overdueTasks(db, s, cut)
    .select([rankCase(dateCond('task.deadline', cut)).as('r'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(sql`1`)
    .execute();
}

export function firstOverdueTasks(db: Db, s: Overdue, cut: Cutoffs, limit: number) {
  return overdueTasks(db, s, cut)
    .select(['task.id as id', 'task.title as title', 'task.deadline as deadline', 'department.name as dept'])
    .orderBy('task.deadline')
    .orderBy('task.id')
    .limit(limit)
    .execute();
}

/** Problem-list items not closed by their deadline, with their list and unit. */
function overdueProblems(db: Db, s: Overdue, cut: Cutoffs) {
  return db
    .selectFrom('problem_item')
    .innerJoin('problem_list', 'problem_list.id', 'problem_item.list_id')
    .leftJoin('department', 'department.id', 'problem_item.department_id')
    .where('problem_item.close_status', 'in', PROBLEM_OPEN)
    .where('problem_item.deadline', '<', s.today)
    .where(severityOnly(s, dateCond('problem_item.deadline', cut)));
}

export function overdueProblemCounts(db: Db, s: Overdue, cut: Cutoffs) {
  return overdueProblems(db, s, cut)
    .select([
      rankCase(dateCond('problem_item.deadline', cut)).as('r'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(sql`1`)
    .execute();
}

export function firstOverdueProblems(db: Db, s: Overdue, cut: Cutoffs, limit: number) {
  return overdueProblems(db, s, cut)
    .select([
      'problem_item.id as id',
      'problem_item.problem as problem',
      'problem_item.deadline as deadline',
      'problem_list.id as listId',
      'problem_list.title as listTitle',
      'department.name as dept',
    ])
    .orderBy('problem_item.deadline')
    .orderBy('problem_item.id')
    .limit(limit)
    .execute();
}
