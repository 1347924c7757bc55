import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, TaskMilestoneTable, TaskReportTable, TaskTable } from '../../db/database';
import type { TaskScope } from './task.policy';

type Q = Kysely<Database> | Transaction<Database>;

export type TaskRow = TaskTable & {
  lead_department_name: string | null;
  lead_department_head: string | null;
  campaign_name: string | null;
  action_name: string | null;
  project_name: string | null;
};

function base(db: Q) {
  return db
    .selectFrom('task')
    .leftJoin('department', 'department.id', 'task.lead_department_id')
    .leftJoin('campaign', 'campaign.id', 'task.campaign_id')
    .leftJoin('campaign_action', 'campaign_action.id', 'task.campaign_action_id')
    .leftJoin('project', 'project.id', 'task.project_id')
    .selectAll('task')
    .select([
      'department.name as lead_department_name',
      'department.head_name as lead_department_head',
      'campaign.name as campaign_name',
      'campaign_action.name as action_name',
      'project.name as project_name',
    ]);
}

export function findTaskById(db: Q, id: string): Promise<TaskRow | undefined> {
  return base(db).where('task.id', '=', id).executeTakeFirst();
}

export interface TaskListFilter {
  q?: string | undefined;
  type?: string | undefined;
  status?: string[] | undefined;
  campaignId?: string | undefined;
  campaignActionId?: string | undefined;
  departmentId?: string | undefined;
  projectId?: string | undefined;
  overdue?: boolean | undefined;
  isSample?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Tasks in scope: overdue running ones first, then by deadline (none last), then by code. */
export async function listTasks(
  db: Q,
  scope: TaskScope,
  f: TaskListFilter,
  today: string,
): Promise<{ rows: TaskRow[]; total: number }> {
  let q = base(db);
  const unitDept = scope.kind === 'department' ? scope.departmentId : f.departmentId;
  if (unitDept) {
    q = q.where(
      'task.id',
      'in',
      db.selectFrom('task_unit').select('task_id').where('department_id', '=', unitDept),
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('task.title', 'like', like), eb('task.code', 'like', like)]));
  }
  if (f.type) q = q.where('task.type', '=', f.type);
  if (f.status && f.status.length > 0) q = q.where('task.status', 'in', f.status);
  if (f.campaignId) q = q.where('task.campaign_id', '=', f.campaignId);
  if (f.projectId) q = q.where('task.project_id', '=', f.projectId);
  if (f.campaignActionId) q = q.where('task.campaign_action_id', '=', f.campaignActionId);
  if (f.isSample !== undefined) q = q.where('task.is_sample', '=', f.isSample ? 1 : 0);
  if (f.overdue) q = q.where('task.status', '=', 'in_progress').where('task.deadline', '<', today);
  const totalRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const overdueFirst = sql<number>`case when ${sql.ref('task.status')} = 'in_progress' and ${sql.ref('task.deadline')} < ${today} then 0 else 1 end`;
  const closedLast = sql<number>`case when ${sql.ref('task.status')} = 'closed' then 1 else 0 end`;
  const noDeadlineLast = sql<number>`case when ${sql.ref('task.deadline')} is null then 1 else 0 end`;
  const rows = await q
    .orderBy(overdueFirst)
    .orderBy(closedLast)
    .orderBy(noDeadlineLast)
    .orderBy('task.deadline')
    .orderBy('task.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export interface TaskStats {
  milestonesTotal: number;
  milestonesDone: number;
  milestonesLate: number;
  progress: number | null;
  lastReportAt: string | null;
}

/** Roadmap counts and the latest reported percentage of each task on a page. */
export async function taskStats(db: Q, ids: string[], today: string): Promise<Map<string, TaskStats>> {
  const out = new Map<string, TaskStats>();
  if (ids.length === 0) return out;
  for (const id of ids) {
    out.set(id, {
      milestonesTotal: 0,
      milestonesDone: 0,
      milestonesLate: 0,
      progress: null,
      lastReportAt: null,
    });
  }
  const ms = await db
    .selectFrom('task_milestone')
    .select(['task_id', 'planned_date', 'done_date'])
    .where('task_id', 'in', ids)
    .execute();
  for (const m of ms) {
    const s = out.get(m.task_id);
    if (!s) continue;
    s.milestonesTotal++;
    if (m.done_date) s.milestonesDone++;
    else if (m.planned_date < today) s.milestonesLate++;
  }
  const reports = await db
    .selectFrom('task_report')
    .select(['task_id', 'percent', 'updated_at'])
    .where('task_id', 'in', ids)
    .orderBy('updated_at')
    .execute();
  for (const r of reports) {
    const s = out.get(r.task_id);
    if (!s) continue;
    s.lastReportAt = r.updated_at;
    if (r.percent !== null) s.progress = Number(r.percent);
  }
  return out;
}

export function listUnits(db: Q, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_unit')
    .innerJoin('department', 'department.id', 'task_unit.department_id')
    .select(['task_unit.task_id', 'task_unit.department_id', 'task_unit.role', 'department.name'])
    .where('task_unit.task_id', 'in', taskIds)
    .orderBy('department.code')
    .execute();
}

/** The roadmaps of many tasks in one query (the campaign's 任务书), in task and node order. */
export function listMilestonesOfTasks(db: Q, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_milestone')
    .selectAll()
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('position')
    .execute();
}

export function listMilestones(db: Q, taskId: string) {
  return db
    .selectFrom('task_milestone')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('position')
    .orderBy('planned_date')
    .execute();
}

export function listReports(db: Q, taskId: string) {
  return db
    .selectFrom('task_report')
    .leftJoin('department', 'department.id', 'task_report.department_id')
    .selectAll('task_report')
    .select('department.name as department_name')
    .where('task_id', '=', taskId)
    .orderBy('period_key', 'desc')
    .orderBy('updated_at', 'desc')
    .execute();
}

export async function insertTask(db: Q, row: TaskTable): Promise<void> {
  await db.insertInto('task').values(row).execute();
}

export async function updateTaskVersioned(db: Q, id: string, version: number, patch: Partial<TaskTable>) {
  const res = await db
    .updateTable('task')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceUnits(db: Q, taskId: string, lead: string, cooperating: readonly string[]) {
  await db.deleteFrom('task_unit').where('task_id', '=', taskId).execute();
  const rows = [
    { task_id: taskId, department_id: lead, role: 'lead' },
    ...[...new Set(cooperating)]
      .filter((d) => d !== lead)
      .map((d) => ({ task_id: taskId, department_id: d, role: 'cooperating' })),
  ];
  await db.insertInto('task_unit').values(rows).execute();
}

export async function insertMilestones(db: Q, rows: TaskMilestoneTable[]) {
  if (rows.length > 0) await db.insertInto('task_milestone').values(rows).execute();
}

export async function upsertReport(db: Q, row: TaskReportTable): Promise<void> {
  const existing = await db
    .selectFrom('task_report')
    .select('id')
    .where('task_id', '=', row.task_id)
    .where('period_key', '=', row.period_key)
    .where((eb) =>
      row.department_id === null
        ? eb('department_id', 'is', null)
        : eb('department_id', '=', row.department_id),
    )
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('task_report')
      .set({
        content: row.content,
        percent: row.percent,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        updated_at: row.updated_at,
      })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db.insertInto('task_report').values(row).execute();
  }
}

export function listOverdueRunningTasks(db: Q, today: string) {
  return base(db).where('task.status', '=', 'in_progress').where('task.deadline', '<', today).execute();
}
