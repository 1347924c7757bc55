import { periodOf } from '../../../../shared/src/dates';
import { TASK_LIMITS } from '../../../../shared/src/task-status';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type AttachmentUpload, storeAttachment } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { mayEditTask, mayReport } from './task.policy';
import * as repo from './task.repository';
import { getTaskDetail, loadTask } from './task.service';

/**
 * The roadmap (路线图: dated milestones) and progress reports of a task. Milestones are edited by
 * whoever may write tasks; a unit on the task marks them done and reports progress per period.
 */

function assertOpen(row: repo.TaskRow) {
  if (row.status === 'closed') {
    throw errors.badRequest('TASK_CLOSED', { zh: '任务已销号，不能修改', en: 'The task is closed' });
  }
}

export async function addMilestone(
  ctx: ServiceContext,
  taskId: string,
  input: { name: string; plannedDate: string },
) {
  const actor = requireActor(ctx);
  const task = await loadTask(ctx, taskId);
  assertOpen(task);
  if (!mayEditTask(actor)) throw errors.forbidden();
  const existing = await repo.listMilestones(ctx.db.kysely, taskId);
  if (existing.length >= TASK_LIMITS.maxMilestones) {
    throw errors.badRequest('TOO_MANY_MILESTONES', {
      zh: `路线图最多 ${TASK_LIMITS.maxMilestones} 个节点`,
      en: `At most ${TASK_LIMITS.maxMilestones} milestones`,
    });
  }
  const nowIso = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    task_id: taskId,
    position: (existing.at(-1)?.position ?? 0) + 1,
    name: input.name,
    planned_date: input.plannedDate,
    done_date: null,
    note: null,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertMilestones(trx, [row]);
    await writeAudit(trx, ctx, { entity: 'task_milestone', entityId: row.id, action: 'create', after: row });
  });
  return getTaskDetail(ctx, taskId);
}

/** Marks a milestone done (or not), moves its date or renames it; units on the task may mark it done. */
export async function updateMilestone(
  ctx: ServiceContext,
  taskId: string,
  milestoneId: string,
  input: {
    version: number;
    name?: string | undefined;
    plannedDate?: string | undefined;
    doneDate?: string | null | undefined;
    note?: string | null | undefined;
  },
) {
  const actor = requireActor(ctx);
  const task = await loadTask(ctx, taskId);
  assertOpen(task);
  const units = (await repo.listUnits(ctx.db.kysely, [taskId])).map((u) => u.department_id);
  const editsPlan = input.name !== undefined || input.plannedDate !== undefined;
  if (editsPlan ? !mayEditTask(actor) : !(mayEditTask(actor) || mayReport(actor, units)))
    throw errors.forbidden();
  const before = await ctx.db.kysely
    .selectFrom('task_milestone')
    .selectAll()
    .where('id', '=', milestoneId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  if (!before) throw errors.notFound('milestone');
  if (input.doneDate && input.doneDate > today(ctx)) {
    throw errors.validation([
      {
        path: 'doneDate',
        message: { zh: '完成日期不能晚于今天', en: 'The done date cannot be in the future' },
      },
    ]);
  }
  const patch = {
    name: input.name ?? before.name,
    planned_date: input.plannedDate ?? before.planned_date,
    done_date: input.doneDate !== undefined ? input.doneDate : before.done_date,
    note: input.note !== undefined ? input.note : before.note,
    version: input.version + 1,
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('task_milestone')
      .set(patch)
      .where('id', '=', milestoneId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'task_milestone',
      entityId: milestoneId,
      action: 'update',
      before,
      after: { ...before, ...patch },
    });
  });
  return getTaskDetail(ctx, taskId);
}

/**
 * A unit's progress report for a period (default: this month); a second report for the same unit
 * and period replaces the first, so the list reads one line per unit and period.
 */
export async function reportProgress(
  ctx: ServiceContext,
  taskId: string,
  input: { periodKey?: string | undefined; content: string; percent?: number | null | undefined },
) {
  const actor = requireActor(ctx);
  const task = await loadTask(ctx, taskId);
  assertOpen(task);
  const units = (await repo.listUnits(ctx.db.kysely, [taskId])).map((u) => u.department_id);
  if (!mayReport(actor, units)) throw errors.forbidden();
  const nowIso = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    task_id: taskId,
    department_id:
      actor.departmentId && units.includes(actor.departmentId) ? actor.departmentId : task.lead_department_id,
    period_key: input.periodKey ?? periodOf('month', ctx.clock.now()).key,
    content: input.content,
    percent: input.percent ?? null,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.upsertReport(trx, row);
    await trx.updateTable('task').set({ updated_at: nowIso }).where('id', '=', taskId).execute();
    await writeAudit(trx, ctx, { entity: 'task_report', entityId: taskId, action: 'report', after: row });
  });
  return getTaskDetail(ctx, taskId);
}

/** Evidence files (photos, signed documents) on a task, from its units or its managers. */
export async function attachToTask(ctx: ServiceContext, taskId: string, upload: AttachmentUpload) {
  const actor = requireActor(ctx);
  const task = await loadTask(ctx, taskId);
  assertOpen(task);
  const units = (await repo.listUnits(ctx.db.kysely, [taskId])).map((u) => u.department_id);
  if (!mayReport(actor, units) && !mayEditTask(actor)) throw errors.forbidden();
  return ctx.db.kysely.transaction().execute((trx) => storeAttachment(trx, ctx, 'task', taskId, upload));
}

/**
 * The roadmaps of tasks the caller has already listed (their scope applied there), by task id, in
 * node order: for the campaign's 任务书.
 */
export async function roadmapsOfTasks(ctx: ServiceContext, taskIds: string[]) {
  requireActor(ctx);
  const rows = await repo.listMilestonesOfTasks(ctx.db.kysely, taskIds);
  const out = new Map<string, typeof rows>();
  for (const m of rows) out.set(m.task_id, [...(out.get(m.task_id) ?? []), m]);
  return out;
}
