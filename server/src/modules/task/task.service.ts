import { closingGaps } from '../../../../shared/src/closing';
import type { EvidenceLink } from '../../../../shared/src/contract/task';
import { escalationOf } from '../../../../shared/src/escalation';
import {
  canMoveTask,
  type PilotLevel,
  type TaskSource,
  type TaskType,
} from '../../../../shared/src/task-status';
import type { TaskTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { listAttachmentMeta } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { departmentsExist } from '../department/department.service';
import { recordEscalation } from '../notify/escalation.service';
import { notify, usersOfDepartment, usersWithRole } from '../notify/notify.service';
import { listEscalations } from '../request/request.service';
import { assertClosingConditions, assertEvidenceLink, evidenceLinkView } from './closing-evidence';
import { assertTaskVisible, mayEditTask, mayReport, taskActorKinds, taskScopeOf } from './task.policy';
import {
  auditableTask,
  presentMilestone,
  presentTask,
  type TaskDetailDto,
  type TaskDto,
} from './task.presenter';
import * as repo from './task.repository';

// A programme (计划) lists its tasks with the task list's own query.
export { findTaskById, listTasks } from './task.repository';

import { taskEscalationSubject } from './task-escalation';

export async function loadTask(ctx: ServiceContext, id: string): Promise<repo.TaskRow> {
  const actor = requireActor(ctx);
  await assertTaskVisible(ctx.db.kysely, actor, id);
  const row = await repo.findTaskById(ctx.db.kysely, id);
  if (!row) throw errors.notFound('task');
  return row;
}

/** What the task shows towards closing: roadmap, latest percentage, files and a linked record. */
async function closingFactsOf(ctx: ServiceContext, row: repo.TaskRow, link: EvidenceLink | null) {
  const [stats, files] = await Promise.all([
    repo.taskStats(ctx.db.kysely, [row.id], today(ctx)),
    listAttachmentMeta(ctx.db.kysely, 'task', [row.id]),
  ]);
  const s = stats.get(row.id);
  return {
    milestonesTotal: s?.milestonesTotal ?? 0,
    milestonesDone: s?.milestonesDone ?? 0,
    progress: s?.progress ?? null,
    needsProgress: true,
    attachments: files.length,
    linkedRecord: link !== null,
  };
}

function linkOfRow(row: repo.TaskRow): EvidenceLink | null {
  return row.evidence_entity && row.evidence_entity_id
    ? { entity: row.evidence_entity as EvidenceLink['entity'], id: row.evidence_entity_id }
    : null;
}

export async function presentTaskRows(ctx: ServiceContext, rows: repo.TaskRow[]): Promise<TaskDto[]> {
  const ids = rows.map((r) => r.id);
  const [units, stats] = await Promise.all([
    repo.listUnits(ctx.db.kysely, ids),
    repo.taskStats(ctx.db.kysely, ids, today(ctx)),
  ]);
  const now = ctx.clock.now();
  return rows.map((r) =>
    presentTask(
      r,
      units.filter((u) => u.task_id === r.id),
      stats.get(r.id),
      now,
    ),
  );
}

export async function listTaskRecords(ctx: ServiceContext, filter: repo.TaskListFilter) {
  const actor = requireActor(ctx);
  const { rows, total } = await repo.listTasks(ctx.db.kysely, taskScopeOf(actor), filter, today(ctx));
  return { items: await presentTaskRows(ctx, rows), total };
}

export async function getTaskDetail(ctx: ServiceContext, id: string): Promise<TaskDetailDto> {
  const actor = requireActor(ctx);
  const row = await loadTask(ctx, id);
  const now = ctx.clock.now();
  const esc = escalationOf({ running: row.status === 'in_progress', deadline: row.deadline }, now);
  if (esc.level !== 'none')
    await recordEscalation(ctx.db.kysely, now.toISOString(), taskEscalationSubject(row, esc.level));
  const db = ctx.db.kysely;
  const [[dto], milestones, reports, escalations, files, units, evidenceLink] = await Promise.all([
    presentTaskRows(ctx, [row]),
    repo.listMilestones(db, id),
    repo.listReports(db, id),
    listEscalations(db, 'task', id),
    listAttachmentMeta(db, 'task', [id]),
    repo.listUnits(db, [id]),
    evidenceLinkView(db, row.evidence_entity, row.evidence_entity_id),
  ]);
  const day = today(ctx);
  const kinds = taskActorKinds(actor, row);
  return {
    ...(dto as TaskDto),
    milestones: milestones.map((m) => presentMilestone(m, day, row.status === 'closed')),
    reports: reports.map((r) => ({
      id: r.id,
      periodKey: r.period_key,
      departmentName: r.department_name,
      content: r.content,
      percent: r.percent === null ? null : Number(r.percent),
      actorName: r.actor_name,
      updatedAt: r.updated_at,
    })),
    escalations: escalations.map((e) => ({
      level: e.level,
      target: e.target,
      deadline: e.deadline,
      at: e.at,
    })),
    attachments: files.map(({ entityId: _e, ...m }) => m),
    evidenceLink,
    closingGaps: closingGaps(await closingFactsOf(ctx, row, linkOfRow(row))),
    can: {
      edit: mayEditTask(actor) && row.status !== 'closed',
      report:
        mayReport(
          actor,
          units.map((u) => u.department_id),
        ) && row.status !== 'closed',
      propose: row.status === 'in_progress' && kinds.includes('lead_unit'),
      close: row.status === 'proposed' && kinds.includes('closer'),
    },
  };
}

export interface TaskInput {
  type: TaskType;
  title: string;
  description?: string | null | undefined;
  source: TaskSource;
  sourceTitle?: string | null | undefined;
  campaignId?: string | null | undefined;
  campaignActionId?: string | null | undefined;
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[] | undefined;
  leaderName?: string | null | undefined;
  deadline?: string | null | undefined;
  pilotLevel?: PilotLevel | null | undefined;
  outcome?: string | null | undefined;
  region?: string | null | undefined;
  projectId?: string | null | undefined;
  milestones?: Array<{ name: string; plannedDate: string }> | undefined;
}

/** A task's project must exist: 400 on field `projectId` otherwise. */
async function checkProject(ctx: ServiceContext, projectId: string | null | undefined) {
  if (!projectId) return;
  const found = await ctx.db.kysely
    .selectFrom('project')
    .select('id')
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!found) {
    throw errors.validation([
      { path: 'projectId', message: { zh: '所选项目不存在', en: 'No such project' } },
    ]);
  }
}

async function checkUnits(ctx: ServiceContext, ids: string[]) {
  if (!(await departmentsExist(ctx.db.kysely, ids))) {
    throw errors.validation([
      { path: 'leadDepartmentId', message: { zh: '单位不存在', en: 'No such department' } },
    ]);
  }
}

/** Creates a task with its units and roadmap; the units hear of it in their inbox. */
export async function createTask(ctx: ServiceContext, input: TaskInput): Promise<TaskDto> {
  const actor = requireActor(ctx);
  const coop = input.cooperatingDepartmentIds ?? [];
  await checkUnits(ctx, [input.leadDepartmentId, ...coop]);
  await checkProject(ctx, input.projectId);
  const nowIso = ctx.clock.now().toISOString();
  const row: TaskTable = {
    id: newId(),
    code: '',
    type: input.type,
    title: input.title,
    description: input.description ?? null,
    source: input.source,
    source_title: input.sourceTitle ?? null,
    campaign_id: input.campaignId ?? null,
    campaign_action_id: input.campaignActionId ?? null,
    lead_department_id: input.leadDepartmentId,
    leader_name: input.leaderName ?? null,
    deadline: input.deadline ?? null,
    status: 'in_progress',
    pilot_level: input.pilotLevel ?? null,
    outcome: input.outcome ?? null,
    region: input.region ?? null,
    evidence: null,
    evidence_entity: null,
    evidence_entity_id: null,
    project_id: input.projectId ?? null,
    proposed_at: null,
    proposed_by_name: null,
    closed_at: null,
    closed_by_name: null,
    close_note: null,
    return_reason: null,
    created_by_id: actor.userId,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    row.code = await nextCode(trx, 'task', 'DB', today(ctx).slice(0, 4));
    await repo.insertTask(trx, row);
    await repo.replaceUnits(trx, row.id, input.leadDepartmentId, coop);
    await repo.insertMilestones(
      trx,
      (input.milestones ?? []).map((m, i) => ({
        id: newId(),
        task_id: row.id,
        position: i + 1,
        name: m.name,
        planned_date: m.plannedDate,
        done_date: null,
        note: null,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    );
    await writeAudit(trx, ctx, {
      entity: 'task',
      entityId: row.id,
      action: 'create',
      after: auditableTask(row),
    });
    const users = (
      await Promise.all([input.leadDepartmentId, ...coop].map((d) => usersOfDepartment(trx, d)))
    ).flat();
    await notify(trx, nowIso, users, {
      kind: 'task.assigned',
      title: `【督办】${row.code} ${row.title}${row.deadline ? `（期限 ${row.deadline}）` : ''}`,
      entity: 'task',
      entityId: row.id,
      dedupeKey: `task:${row.id}:created`,
    });
  });
  const [dto] = await presentTaskRows(ctx, [await loadTask(ctx, row.id)]);
  return dto as TaskDto;
}

/** Edits the task (not its status); units are replaced when given. */
export async function updateTask(
  ctx: ServiceContext,
  id: string,
  input: Partial<Omit<TaskInput, 'type' | 'milestones'>> & { version: number },
): Promise<TaskDto> {
  const actor = requireActor(ctx);
  const before = await loadTask(ctx, id);
  if (!mayEditTask(actor)) throw errors.forbidden();
  if (before.status === 'closed') {
    throw errors.badRequest('TASK_CLOSED', { zh: '任务已销号，不能修改', en: 'The task is closed' });
  }
  const lead = input.leadDepartmentId ?? before.lead_department_id;
  await checkProject(ctx, input.projectId);
  if (input.cooperatingDepartmentIds || input.leadDepartmentId) {
    await checkUnits(ctx, [lead, ...(input.cooperatingDepartmentIds ?? [])]);
  }
  const patch: Partial<TaskTable> = { updated_at: ctx.clock.now().toISOString(), lead_department_id: lead };
  if (input.title !== undefined) patch.title = input.title;
  if (input.description !== undefined) patch.description = input.description;
  if (input.source !== undefined) patch.source = input.source;
  if (input.sourceTitle !== undefined) patch.source_title = input.sourceTitle;
  if (input.leaderName !== undefined) patch.leader_name = input.leaderName;
  if (input.deadline !== undefined) patch.deadline = input.deadline;
  if (input.pilotLevel !== undefined) patch.pilot_level = input.pilotLevel;
  if (input.outcome !== undefined) patch.outcome = input.outcome;
  if (input.region !== undefined) patch.region = input.region;
  if (input.projectId !== undefined) patch.project_id = input.projectId;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateTaskVersioned(trx, id, input.version, patch))) throw errors.stale();
    if (input.cooperatingDepartmentIds || input.leadDepartmentId) {
      const units = await repo.listUnits(trx, [id]);
      const coop =
        input.cooperatingDepartmentIds ??
        units.filter((u) => u.role === 'cooperating').map((u) => u.department_id);
      await repo.replaceUnits(trx, id, lead, coop);
    }
    await writeAudit(trx, ctx, {
      entity: 'task',
      entityId: id,
      action: 'update',
      before: auditableTask(before),
      after: auditableTask({ ...before, ...patch, version: input.version + 1 }),
    });
  });
  const [dto] = await presentTaskRows(ctx, [await loadTask(ctx, id)]);
  return dto as TaskDto;
}

/**
 * 申请销号: the lead unit proposes closing with evidence; the 督查室 and leaders hear of it. The
 * closing conditions (every node done, 100%, a file or a linked record) are checked here already,
 * so a proposal never asks a checker to look at unfinished work.
 */
export async function proposeTask(
  ctx: ServiceContext,
  id: string,
  input: { evidence: string; evidenceLink?: EvidenceLink | null | undefined; version: number },
) {
  const actor = requireActor(ctx);
  const before = await loadTask(ctx, id);
  const check = canMoveTask(before.status as 'in_progress', 'proposed', {
    as: taskActorKinds(actor, before),
    evidence: input.evidence,
  });
  if (!check.ok) throw errors.badRequest('TASK_MOVE_REFUSED', check.message, [], { refusal: check.code });
  const link = input.evidenceLink ?? linkOfRow(before);
  await assertEvidenceLink(ctx.db.kysely, link);
  assertClosingConditions(await closingFactsOf(ctx, before, link));
  const nowIso = ctx.clock.now().toISOString();
  const patch = {
    status: 'proposed',
    evidence: input.evidence,
    evidence_entity: link?.entity ?? null,
    evidence_entity_id: link?.id ?? null,
    proposed_at: nowIso,
    proposed_by_name: actor.displayName,
    return_reason: null,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateTaskVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'task',
      entityId: id,
      action: 'propose',
      before: auditableTask(before),
      after: auditableTask({ ...before, ...patch, version: input.version + 1 }),
    });
    await notify(trx, nowIso, await usersWithRole(trx, ['leader', 'supervisor']), {
      kind: 'task.proposed',
      title: `【申请销号】${before.code} ${before.title}`,
      body: input.evidence,
      entity: 'task',
      entityId: id,
      dedupeKey: `task:${id}:proposed:${input.version}`,
    });
  });
  return getTaskDetail(ctx, id);
}

/**
 * 销号 or send back: the 督查室 or a leader (anyone with `supervision.verify` outside the lead unit)
 * decides on a proposal. Closing re-checks the conditions: the roadmap may have grown since.
 */
export async function decideTask(
  ctx: ServiceContext,
  id: string,
  input: { decision: 'close' | 'return'; note?: string | null | undefined; version: number },
) {
  const actor = requireActor(ctx);
  const before = await loadTask(ctx, id);
  const to = input.decision === 'close' ? 'closed' : 'in_progress';
  const check = canMoveTask(before.status as 'proposed', to, {
    as: taskActorKinds(actor, before),
    reason: input.note,
  });
  if (!check.ok) throw errors.badRequest('TASK_MOVE_REFUSED', check.message, [], { refusal: check.code });
  if (to === 'closed') assertClosingConditions(await closingFactsOf(ctx, before, linkOfRow(before)));
  const nowIso = ctx.clock.now().toISOString();
  const patch: Partial<TaskTable> =
    to === 'closed'
      ? {
          status: 'closed',
          closed_at: nowIso,
          closed_by_name: actor.displayName,
          close_note: input.note ?? null,
          updated_at: nowIso,
        }
      : { status: 'in_progress', return_reason: input.note ?? null, updated_at: nowIso };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateTaskVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'task',
      entityId: id,
      action: to === 'closed' ? 'close' : 'return',
      before: auditableTask(before),
      after: auditableTask({ ...before, ...patch, version: input.version + 1 }),
    });
    await notify(trx, nowIso, await usersOfDepartment(trx, before.lead_department_id), {
      kind: 'task.decided',
      title: `${before.code} ${before.title}：${to === 'closed' ? '已销号' : `退回（${input.note ?? ''}）`}`,
      entity: 'task',
      entityId: id,
      dedupeKey: `task:${id}:${to}:${input.version}`,
    });
  });
  return getTaskDetail(ctx, id);
}
