import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** At most this many items per inbox section: an inbox is read, not exported. */
const CAP = 50;

export interface RawItem {
  kind: 'request' | 'task' | 'problem_item';
  id: string;
  code: string;
  title: string;
  status: string;
  deadline: string | null;
  /** For problem items: the list the item belongs to (the page to open). */
  parentId: string | null;
}

function requestItems(db: Q) {
  return db
    .selectFrom('factor_request')
    .innerJoin('firm', 'firm.id', 'factor_request.firm_id')
    .select([
      'factor_request.id',
      'factor_request.code',
      'factor_request.title',
      'factor_request.status',
      'factor_request.deadline',
      'firm.name as firm_name',
    ]);
}

const asRequest = (r: {
  id: string;
  code: string;
  title: string;
  status: string;
  deadline: string | null;
  firm_name: string;
}): RawItem => ({
  kind: 'request',
  id: r.id,
  code: r.code,
  title: `${r.firm_name}：${r.title}`,
  status: r.status,
  deadline: r.deadline,
  parentId: null,
});

/** Requests held by a department (to accept or being worked). */
export async function requestsOfDepartment(db: Q, departmentId: string): Promise<RawItem[]> {
  const rows = await requestItems(db)
    .where('factor_request.department_id', '=', departmentId)
    .where('factor_request.status', 'in', ['assigned', 'accepted', 'in_progress', 'reopened'])
    .orderBy('factor_request.deadline')
    .limit(CAP)
    .execute();
  return rows.map(asRequest);
}

/** Requests waiting for a coordinator: new (to assign) or declined by a department (to reassign). */
export async function requestsToAssign(db: Q): Promise<RawItem[]> {
  const rows = await requestItems(db)
    .where('factor_request.status', 'in', ['submitted', 'rejected'])
    .orderBy('factor_request.created_at')
    .limit(CAP)
    .execute();
  return rows.map(asRequest);
}

/** Resolved requests the requester should confirm: a firm's, or the ones an officer raised. */
export async function requestsToConfirm(
  db: Q,
  by: { firmId?: string; raisedById?: string },
): Promise<RawItem[]> {
  let q = requestItems(db).where('factor_request.status', '=', 'resolved');
  if (by.firmId) q = q.where('factor_request.firm_id', '=', by.firmId);
  if (by.raisedById) q = q.where('factor_request.raised_by_id', '=', by.raisedById);
  const rows = await q.orderBy('factor_request.resolved_at').limit(CAP).execute();
  return rows.map(asRequest);
}

/** Running requests past their deadline, zone-wide (the leader's and admin's overdue list). */
export async function overdueRequests(db: Q, today: string): Promise<RawItem[]> {
  const rows = await requestItems(db)
    .where('factor_request.status', 'in', ['assigned', 'accepted', 'in_progress', 'reopened'])
    .where('factor_request.deadline', '<', today)
    .orderBy('factor_request.deadline')
    .limit(CAP)
    .execute();
  return rows.map(asRequest);
}

const taskCols = ['task.id', 'task.code', 'task.title', 'task.status', 'task.deadline'] as const;
const asTask = (r: {
  id: string;
  code: string;
  title: string;
  status: string;
  deadline: string | null;
}): RawItem => ({
  kind: 'task',
  ...r,
  parentId: null,
});

/** Running tasks a department is on (lead or cooperating). */
export async function tasksOfDepartment(db: Q, departmentId: string): Promise<RawItem[]> {
  const rows = await db
    .selectFrom('task')
    .innerJoin('task_unit', 'task_unit.task_id', 'task.id')
    .select(taskCols)
    .where('task_unit.department_id', '=', departmentId)
    .where('task.status', '=', 'in_progress')
    .orderBy('task.deadline')
    .limit(CAP)
    .execute();
  return rows.map(asTask);
}

/** Tasks proposed for closing that this closer may decide (not those of their own unit). */
export async function tasksToClose(db: Q, exceptLeadDepartmentId: string | null): Promise<RawItem[]> {
  let q = db.selectFrom('task').select(taskCols).where('task.status', '=', 'proposed');
  if (exceptLeadDepartmentId) q = q.where('task.lead_department_id', '!=', exceptLeadDepartmentId);
  const rows = await q.orderBy('task.proposed_at').limit(CAP).execute();
  return rows.map(asTask);
}

export async function overdueTasks(db: Q, today: string): Promise<RawItem[]> {
  const rows = await db
    .selectFrom('task')
    .select(taskCols)
    .where('task.status', '=', 'in_progress')
    .where('task.deadline', '<', today)
    .orderBy('task.deadline')
    .limit(CAP)
    .execute();
  return rows.map(asTask);
}

const problemCols = [
  'problem_item.id',
  'problem_list.code',
  'problem_item.position',
  'problem_item.problem',
  'problem_item.deadline',
  'problem_item.list_id',
  'problem_item.close_status',
] as const;

function asProblemItem(r: {
  id: string;
  code: string;
  position: number;
  problem: string;
  deadline: string;
  list_id: string;
  close_status: string;
}): RawItem {
  return {
    kind: 'problem_item',
    id: r.id,
    code: `${r.code}-${r.position}`,
    title: r.problem,
    status: r.close_status,
    deadline: r.deadline,
    parentId: r.list_id,
  };
}

/** Problem items a department must rectify (open, returned, or proposed and awaiting the check). */
export async function problemItemsOfDepartment(db: Q, departmentId: string): Promise<RawItem[]> {
  const rows = await db
    .selectFrom('problem_item')
    .innerJoin('problem_list', 'problem_list.id', 'problem_item.list_id')
    .select(problemCols)
    .where('problem_item.department_id', '=', departmentId)
    .where('problem_item.closed_date', 'is', null)
    .orderBy('problem_item.deadline')
    .limit(CAP)
    .execute();
  return rows.map(asProblemItem);
}

/** The 督查室's queue: problem items whose closing was proposed, oldest proposal first. */
export async function problemItemsToVerify(db: Q, exceptDepartmentId: string | null): Promise<RawItem[]> {
  let q = db
    .selectFrom('problem_item')
    .innerJoin('problem_list', 'problem_list.id', 'problem_item.list_id')
    .select(problemCols)
    .where('problem_item.close_status', '=', 'proposed');
  if (exceptDepartmentId) q = q.where('problem_item.department_id', '!=', exceptDepartmentId);
  const rows = await q.orderBy('problem_item.proposed_at').limit(CAP).execute();
  return rows.map(asProblemItem);
}

export function listNotifications(db: Q, userId: string, limit: number) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Q, userId: string, nowIso: string, id?: string): Promise<number> {
  let q = db
    .updateTable('notification')
    .set({ read_at: nowIso })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
