import { todayInShanghai } from '../../../../shared/src/dates';
import { escalationOf } from '../../../../shared/src/escalation';
import {
  isWorkingStatus,
  REQUEST_TYPE_LABELS,
  type RequestStatus,
  type RequestType,
  requestMovesFor,
} from '../../../../shared/src/request-status';
import type { FactorRequestTable } from '../../db/database';
import type { ReadRunner } from '../../db/read-pool';
import { newId } from '../../lib/ids';
import { nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { listAttachmentMeta } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { departmentNameMap } from '../department/department.service';
import { type EscalationSource, recordEscalation } from '../notify/escalation.service';
import { notify, usersWithRole } from '../notify/notify.service';
import { assertRequestVisible, requestActorKinds, requestScopeOf } from './request.policy';
import {
  auditableRequest,
  presentRequest,
  presentTimeline,
  type RequestDetailDto,
  type RequestDto,
} from './request.presenter';
import type { requestReadTasks } from './request.read-tasks';
import * as repo from './request.repository';

// Escalations (催办升级) are stored with the request ones; a task's detail lists its own the same way.
export { listEscalations } from './request.repository';

/** The request if the actor may see it (404 otherwise: a guessed id is not confirmed). */
export async function load(ctx: ServiceContext, id: string): Promise<repo.RequestRow> {
  const actor = requireActor(ctx);
  const row = await repo.findRequestById(ctx.db.kysely, id);
  if (!row) throw errors.notFound('request');
  assertRequestVisible(actor, row);
  return row;
}

/** The list (and, with the department scope, the department's queue): overdue first, then by deadline. */
export async function listRequestRecords(ctx: ServiceContext, filter: repo.RequestListFilter) {
  const actor = requireActor(ctx);
  const { rows, total } = await repo.listRequests(ctx.db.kysely, requestScopeOf(actor), filter, today(ctx));
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentRequest(r, now)), total };
}

/**
 * A department's queue. A department user always gets its own; an officer or admin names the
 * department (the leader overview links here).
 */
export async function departmentQueue(
  ctx: ServiceContext,
  q: { departmentId?: string | undefined; all?: boolean | undefined; limit: number; offset: number },
) {
  const actor = requireActor(ctx);
  const departmentId = actor.role === 'department' ? (actor.departmentId ?? '-') : q.departmentId;
  if (!departmentId) {
    throw errors.validation([
      { path: 'departmentId', message: { zh: '请选择部门', en: 'Choose a department' } },
    ]);
  }
  return listRequestRecords(ctx, {
    departmentId,
    status: q.all ? undefined : ['assigned', 'accepted', 'in_progress', 'reopened'],
    limit: q.limit,
    offset: q.offset,
  });
}

/** Records the escalation steps the request has reached (a read recomputes them too). */
async function syncEscalation(ctx: ServiceContext, row: repo.RequestRow): Promise<void> {
  const now = ctx.clock.now();
  const esc = escalationOf(
    { running: isWorkingStatus(row.status as RequestStatus), deadline: row.deadline },
    now,
  );
  if (esc.level === 'none' || !row.deadline) return;
  await recordEscalation(ctx.db.kysely, now.toISOString(), escalationSubject(row, esc.level));
}

/** Running requests past their deadline, for the escalation sweep (notify). */
export const requestEscalations: EscalationSource = {
  async overdueSubjects(db, now) {
    const rows = await repo.listOverdueWorking(db, todayInShanghai(now));
    return rows.map((row) =>
      escalationSubject(row, escalationOf({ running: true, deadline: row.deadline }, now).level),
    );
  },
};

function escalationSubject(row: repo.RequestRow, level: 'none' | 'head' | 'leader') {
  return {
    entity: 'factor_request' as const,
    entityId: row.id,
    deadline: row.deadline ?? '',
    level,
    departmentId: row.department_id,
    headTarget: `${row.department_name ?? ''}负责人${row.department_head ? ` ${row.department_head}` : ''}`,
    leaderTarget: `包保领导${row.project_leader_name ? ` ${row.project_leader_name}` : ''}`,
    alsoNotify: row.project_officer_id ? [row.project_officer_id] : [],
    title: `${row.code} ${row.firm_name}：${row.title}`,
    kind: 'request.escalated' as const,
  };
}

export async function getRequestDetail(ctx: ServiceContext, id: string): Promise<RequestDetailDto> {
  const actor = requireActor(ctx);
  let row = await load(ctx, id);
  await syncEscalation(ctx, row);
  row = (await repo.findRequestById(ctx.db.kysely, id)) ?? row;
  const db = ctx.db.kysely;
  const [events, escalations, files, departments] = await Promise.all([
    repo.listEvents(db, id),
    repo.listEscalations(db, 'factor_request', id),
    listAttachmentMeta(db, 'factor_request', [id]),
    departmentNameMap(db),
  ]);
  const kinds = requestActorKinds(actor, row);
  const status = row.status as RequestStatus;
  return {
    ...presentRequest(row, ctx.clock.now()),
    events: presentTimeline(events, escalations, departments),
    attachments: files.map(({ entityId: _e, ...m }) => m),
    can: {
      assign: kinds.includes('coordinator') && status !== 'confirmed' && status !== 'resolved',
      moves: requestMovesFor(status, kinds),
      note: true,
      attach: kinds.length > 0 && status !== 'confirmed',
    },
  };
}

export interface CreateRequestInput {
  projectId?: string | null | undefined;
  firmId?: string | null | undefined;
  type: RequestType;
  title: string;
  description?: string | null | undefined;
  neededBy?: string | null | undefined;
}

/**
 * Raises a request. An enterprise raises it for its own firm (and one of its firm's projects); an
 * officer or admin names the project (its first investor is the firm) or the firm.
 */
export async function createRequest(ctx: ServiceContext, input: CreateRequestInput): Promise<RequestDto> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  if (actor.role === 'enterprise' && input.firmId && input.firmId !== actor.firmId) {
    throw errors.validation([
      {
        path: 'firmId',
        message: { zh: '只能为本企业提出需求', en: 'You can raise requests for your own firm only' },
      },
    ]);
  }
  let firmId = actor.role === 'enterprise' ? actor.firmId : (input.firmId ?? null);
  let officerId: string | null = null;
  if (input.projectId) {
    const project = await db
      .selectFrom('project')
      .select(['id', 'officer_id'])
      .where('id', '=', input.projectId)
      .executeTakeFirst();
    const investors = await db
      .selectFrom('project_investor')
      .select('firm_id')
      .where('project_id', '=', input.projectId)
      .orderBy('position')
      .execute();
    const ids = investors.map((i) => i.firm_id);
    if (!project || (actor.role === 'enterprise' && (!firmId || !ids.includes(firmId)))) {
      throw errors.validation([{ path: 'projectId', message: { zh: '项目不存在', en: 'No such project' } }]);
    }
    officerId = project.officer_id;
    if (!firmId) firmId = ids[0] ?? null;
    if (firmId && !ids.includes(firmId)) {
      throw errors.validation([
        {
          path: 'firmId',
          message: { zh: '该企业不是此项目的投资方', en: 'That firm does not invest in the project' },
        },
      ]);
    }
  }
  if (!firmId || !(await db.selectFrom('firm').select('id').where('id', '=', firmId).executeTakeFirst())) {
    throw errors.validation([
      { path: 'firmId', message: { zh: '请选择提出需求的企业或项目', en: 'Choose the firm or the project' } },
    ]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const row: FactorRequestTable = {
    id: newId(),
    code: '',
    project_id: input.projectId ?? null,
    firm_id: firmId,
    type: input.type,
    title: input.title,
    description: input.description ?? null,
    needed_by: input.neededBy ?? null,
    status: 'submitted',
    status_reason: null,
    department_id: null,
    deadline: null,
    resolution: null,
    assigned_at: null,
    resolved_at: null,
    confirmed_at: null,
    raised_by_id: actor.userId,
    raised_by_name: actor.displayName,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await db.transaction().execute(async (trx) => {
    row.code = await nextCode(trx, 'factor_request', 'YS', today(ctx).slice(0, 4));
    await repo.insertRequest(trx, row);
    await repo.insertEvent(
      trx,
      event(ctx, row.id, { kind: 'status', to_status: 'submitted', note: input.description ?? null }),
    );
    await writeAudit(trx, ctx, {
      entity: 'factor_request',
      entityId: row.id,
      action: 'create',
      after: auditableRequest(row),
    });
    const coordinators = officerId ? [officerId] : await usersWithRole(trx, ['officer']);
    await notify(
      trx,
      nowIso,
      coordinators.filter((u) => u !== actor.userId),
      {
        kind: 'request.submitted',
        title: `【新要素需求】${row.code} ${REQUEST_TYPE_LABELS[input.type].zh}：${row.title}`,
        entity: 'factor_request',
        entityId: row.id,
        dedupeKey: `request:${row.id}:submitted`,
      },
    );
  });
  return presentRequest(await load(ctx, row.id), ctx.clock.now());
}

export function event(
  ctx: ServiceContext,
  requestId: string,
  e: Partial<{
    kind: string;
    from_status: string | null;
    to_status: string | null;
    department_id: string | null;
    deadline: string | null;
    note: string | null;
  }>,
) {
  return {
    id: newId(),
    request_id: requestId,
    kind: e.kind ?? 'note',
    from_status: e.from_status ?? null,
    to_status: e.to_status ?? null,
    department_id: e.department_id ?? null,
    deadline: e.deadline ?? null,
    note: e.note ?? null,
    actor_id: ctx.actor?.userId ?? null,
    actor_name: ctx.actor?.displayName ?? null,
    at: ctx.clock.now().toISOString(),
  };
}

/** The leader's overview, off the event loop (read task `request.overview`). */
export async function requestOverviewFor(ctx: ServiceContext, reads: ReadRunner<typeof requestReadTasks>) {
  requireActor(ctx);
  return reads.run('request.overview', { today: today(ctx) });
}
