import type { Transaction } from 'kysely';
import { addDays } from '../../../../shared/src/dates';
import {
  canMoveRequest,
  REQUEST_DEFAULT_DAYS,
  type RequestStatus,
  type RequestType,
} from '../../../../shared/src/request-status';
import type { Database, FactorRequestTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type AttachmentUpload, storeAttachment } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { findDepartmentName } from '../department/department.service';
import { notify, usersOfDepartment, usersOfFirm } from '../notify/notify.service';
import { requestActorKinds } from './request.policy';
import {
  auditableRequest,
  presentRequest,
  type RequestDetailDto,
  type RequestDto,
} from './request.presenter';
import * as repo from './request.repository';
import { event, getRequestDetail, load } from './request.service';

/**
 * The work on a factor request: assignment, status moves by the status machine, progress notes
 * and attachments. Each change writes its event, audit row and notifications in one transaction.
 */

type Trx = Transaction<Database>;

/**
 * Assigns (or reassigns) the request to a department with a deadline: the type's default days
 * from today unless given. Reassigning work a department already holds needs a reason.
 */
export async function assignRequest(
  ctx: ServiceContext,
  id: string,
  input: {
    departmentId: string;
    deadline?: string | null | undefined;
    reason?: string | null | undefined;
    version: number;
  },
): Promise<RequestDto> {
  const actor = requireActor(ctx);
  const before = await load(ctx, id);
  const check = canMoveRequest(before.status as RequestStatus, 'assigned', {
    as: requestActorKinds(actor, before),
    reason: input.reason,
  });
  if (!check.ok) throw errors.badRequest('REQUEST_MOVE_REFUSED', check.message, [], { refusal: check.code });
  const db = ctx.db.kysely;
  const dept = await findDepartmentName(db, input.departmentId);
  if (!dept)
    throw errors.validation([
      { path: 'departmentId', message: { zh: '部门不存在', en: 'No such department' } },
    ]);
  const day = today(ctx);
  const deadline = input.deadline ?? addDays(day, REQUEST_DEFAULT_DAYS[before.type as RequestType] ?? 14);
  if (deadline < day) {
    throw errors.validation([
      { path: 'deadline', message: { zh: '办理期限不能早于今天', en: 'The deadline cannot be in the past' } },
    ]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const patch = {
    status: 'assigned',
    status_reason: input.reason ?? null,
    department_id: dept.id,
    deadline,
    assigned_at: nowIso,
    resolved_at: null,
    updated_at: nowIso,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateRequestVersioned(trx, id, input.version, patch))) throw errors.stale();
    await repo.insertEvent(
      trx,
      event(ctx, id, {
        kind: 'assign',
        from_status: before.status,
        to_status: 'assigned',
        department_id: dept.id,
        deadline,
        note: input.reason ?? null,
      }),
    );
    await writeAudit(trx, ctx, {
      entity: 'factor_request',
      entityId: id,
      action: 'assign',
      before: auditableRequest(before),
      after: auditableRequest({ ...before, ...patch, version: input.version + 1 }),
    });
    await notify(trx, nowIso, await usersOfDepartment(trx, dept.id), {
      kind: 'request.assigned',
      title: `【交办】${before.code} ${before.firm_name}：${before.title}（期限 ${deadline}）`,
      entity: 'factor_request',
      entityId: id,
      dedupeKey: `request:${id}:assign:${input.version}`,
    });
  });
  return presentRequest(await load(ctx, id), ctx.clock.now());
}

/** Moves the request (accept, work, resolve, confirm, reopen, reject) by the status machine. */
export async function moveRequest(
  ctx: ServiceContext,
  id: string,
  input: { to: RequestStatus; reason?: string | null | undefined; version: number },
): Promise<RequestDto> {
  const actor = requireActor(ctx);
  const before = await load(ctx, id);
  if (input.to === 'assigned') {
    throw errors.badRequest('USE_ASSIGN', {
      zh: '交办请使用“交办”操作',
      en: 'Use the assign action to assign',
    });
  }
  const from = before.status as RequestStatus;
  const check = canMoveRequest(from, input.to, {
    as: requestActorKinds(actor, before),
    reason: input.reason,
  });
  if (!check.ok) throw errors.badRequest('REQUEST_MOVE_REFUSED', check.message, [], { refusal: check.code });
  const nowIso = ctx.clock.now().toISOString();
  const reason = input.reason?.trim() || null;
  const patch: Partial<FactorRequestTable> = { status: input.to, updated_at: nowIso };
  if (input.to === 'resolved') {
    patch.resolution = reason;
    patch.resolved_at = nowIso;
  } else if (input.to === 'confirmed') {
    patch.confirmed_at = nowIso;
  } else {
    patch.status_reason = reason;
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateRequestVersioned(trx, id, input.version, patch))) throw errors.stale();
    await repo.insertEvent(
      trx,
      event(ctx, id, { kind: 'status', from_status: from, to_status: input.to, note: reason }),
    );
    await writeAudit(trx, ctx, {
      entity: 'factor_request',
      entityId: id,
      action: `status.${input.to}`,
      before: auditableRequest(before),
      after: auditableRequest({ ...before, ...patch, version: input.version + 1 } as repo.RequestRow),
    });
    await notifyMove(trx, nowIso, before, input.to, input.version);
  });
  return presentRequest(await load(ctx, id), ctx.clock.now());
}

async function notifyMove(
  trx: Trx,
  nowIso: string,
  row: repo.RequestRow,
  to: RequestStatus,
  version: number,
) {
  let users: string[] = [];
  if (to === 'resolved') {
    users = [...(await usersOfFirm(trx, row.firm_id)), ...(row.raised_by_id ? [row.raised_by_id] : [])];
  } else if (to === 'reopened') {
    users = await usersOfDepartment(trx, row.department_id);
  } else if (to === 'rejected' || to === 'confirmed') {
    users = [
      ...(row.project_officer_id ? [row.project_officer_id] : []),
      ...(row.raised_by_id ? [row.raised_by_id] : []),
      ...(to === 'confirmed' ? await usersOfDepartment(trx, row.department_id) : []),
    ];
  } else {
    users = row.raised_by_id ? [row.raised_by_id] : [];
  }
  const label = {
    accepted: '已受理',
    in_progress: '办理中',
    resolved: '已办结，请确认',
    confirmed: '已确认办结',
    reopened: '被退回重办',
    rejected: '已退回',
  } as Record<string, string>;
  await notify(trx, nowIso, users, {
    kind: to === 'resolved' ? 'request.resolved' : 'request.moved',
    title: `${row.code} ${row.title}：${label[to] ?? to}`,
    entity: 'factor_request',
    entityId: row.id,
    dedupeKey: `request:${row.id}:${to}:${version}`,
  });
}

/**
 * A progress note (办理进展) or a leader's comment (批示). The department's first note on an
 * accepted request moves it to in progress, recorded like any move.
 */
export async function addRequestNote(
  ctx: ServiceContext,
  id: string,
  note: string,
): Promise<RequestDetailDto> {
  const actor = requireActor(ctx);
  const before = await load(ctx, id);
  const nowIso = ctx.clock.now().toISOString();
  const startsWork = before.status === 'accepted' && requestActorKinds(actor, before).includes('department');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertEvent(trx, event(ctx, id, { kind: 'note', note }));
    if (startsWork) {
      await repo.updateRequestVersioned(trx, id, before.version, {
        status: 'in_progress',
        updated_at: nowIso,
      });
      await repo.insertEvent(
        trx,
        event(ctx, id, { kind: 'status', from_status: 'accepted', to_status: 'in_progress' }),
      );
    } else {
      await trx.updateTable('factor_request').set({ updated_at: nowIso }).where('id', '=', id).execute();
    }
    await writeAudit(trx, ctx, { entity: 'factor_request', entityId: id, action: 'note', after: { note } });
  });
  return getRequestDetail(ctx, id);
}

/** Attaches a photo or PDF; the requester, the department or a coordinator may. */
export async function attachToRequest(ctx: ServiceContext, id: string, upload: AttachmentUpload) {
  const actor = requireActor(ctx);
  const row = await load(ctx, id);
  if (requestActorKinds(actor, row).length === 0 || row.status === 'confirmed') throw errors.forbidden();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const meta = await storeAttachment(trx, ctx, 'factor_request', id, upload);
    await repo.insertEvent(trx, event(ctx, id, { kind: 'attachment', note: meta.fileName }));
    return meta;
  });
}
