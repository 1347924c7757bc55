import { closingGaps, type ProblemCloseStatus } from '../../../../shared/src/closing';
import type { ListResult } from '../../../../shared/src/contract/list';
import type {
  ProblemItemBody,
  ProblemList,
  ProblemListDetail,
} from '../../../../shared/src/contract/problem';
import {
  type ProblemSource,
  problemItemState,
  summariseProblemItems,
} from '../../../../shared/src/task-status';
import type { ProblemItemTable, ProblemListTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type AttachmentUpload, listAttachmentMeta, storeAttachment } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { departmentsExist } from '../department/department.service';
import { notify, usersOfDepartment } from '../notify/notify.service';
import { evidenceLinkView } from '../task/closing-evidence';
import { assertProblemListVisible, mayProposeItem, mayVerifyItem } from './problem.policy';
import * as repo from './problem.repository';

function presentList(row: ProblemListTable, items: repo.ProblemItemRow[], day: string): ProblemList {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    source: row.source as ProblemSource,
    sourceTitle: row.source_title,
    issuedDate: row.issued_date,
    summary: {
      ...summariseProblemItems(
        items.map((i) => ({ deadline: i.deadline, closedDate: i.closed_date })),
        day,
      ),
      proposed: items.filter((i) => i.close_status === 'proposed').length,
      returned: items.filter((i) => i.close_status === 'returned').length,
    },
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function listProblemListRecords(
  ctx: ServiceContext,
  f: { q?: string | undefined; limit: number; offset: number },
): Promise<ListResult<ProblemList>> {
  const actor = requireActor(ctx);
  const departmentId = actor.role === 'department' ? (actor.departmentId ?? '-') : undefined;
  const { rows, total } = await repo.listProblemLists(ctx.db.kysely, { ...f, departmentId });
  const items = await repo.listItems(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  const day = today(ctx);
  return {
    items: rows.map((r) =>
      presentList(
        r,
        items.filter((i) => i.list_id === r.id),
        day,
      ),
    ),
    total,
  };
}

export async function getProblemList(ctx: ServiceContext, id: string): Promise<ProblemListDetail> {
  const actor = requireActor(ctx);
  await assertProblemListVisible(ctx.db.kysely, actor, id);
  const row = await repo.findProblemList(ctx.db.kysely, id);
  if (!row) throw errors.notFound('problem list');
  const items = await repo.listItems(ctx.db.kysely, [id]);
  const files = await listAttachmentMeta(
    ctx.db.kysely,
    'problem_item',
    items.map((i) => i.id),
  );
  const day = today(ctx);
  const links = await Promise.all(
    items.map((i) => evidenceLinkView(ctx.db.kysely, i.evidence_entity, i.evidence_entity_id)),
  );
  return {
    ...presentList(row, items, day),
    items: items.map((i, n) => ({
      id: i.id,
      position: i.position,
      problem: i.problem,
      measure: i.measure,
      departmentId: i.department_id,
      departmentName: i.department_name,
      deadline: i.deadline,
      closedDate: i.closed_date,
      evidence: i.evidence,
      closedByName: i.closed_by_name,
      state: problemItemState({ deadline: i.deadline, closedDate: i.closed_date }, day),
      closeStatus: i.close_status as ProblemCloseStatus,
      rectifiedDate: i.rectified_date,
      proposedAt: i.proposed_at,
      proposedByName: i.proposed_by_name,
      verifiedAt: i.verified_at,
      returnReason: i.return_reason,
      returnedAt: i.returned_at,
      returnedByName: i.returned_by_name,
      evidenceLink: links[n] ?? null,
      closingGaps: closingGaps({
        milestonesTotal: 0,
        milestonesDone: 0,
        progress: null,
        needsProgress: false,
        attachments: files.filter((f) => f.entityId === i.id).length,
        linkedRecord: !!i.evidence_entity_id,
      }),
      canPropose: (i.close_status === 'open' || i.close_status === 'returned') && mayProposeItem(actor, i),
      canVerify: i.close_status === 'proposed' && mayVerifyItem(actor, i),
      attachments: files.filter((f) => f.entityId === i.id).map(({ entityId: _e, ...m }) => m),
      version: i.version,
    })),
  };
}

async function checkDepartments(ctx: ServiceContext, items: ProblemItemBody[]) {
  const ids = [...new Set(items.map((i) => i.departmentId))];
  if (ids.length === 0) return;
  if (!(await departmentsExist(ctx.db.kysely, ids))) {
    throw errors.validation([{ path: 'items', message: { zh: '责任单位不存在', en: 'No such department' } }]);
  }
}

function itemRows(
  listId: string,
  items: ProblemItemBody[],
  start: number,
  nowIso: string,
): ProblemItemTable[] {
  return items.map((i, n) => ({
    id: newId(),
    list_id: listId,
    position: start + n + 1,
    problem: i.problem,
    measure: i.measure,
    department_id: i.departmentId,
    deadline: i.deadline,
    closed_date: null,
    evidence: null,
    closed_by_name: null,
    close_status: 'open',
    rectified_date: null,
    proposed_at: null,
    proposed_by_name: null,
    verified_at: null,
    return_reason: null,
    returned_at: null,
    returned_by_name: null,
    evidence_entity: null,
    evidence_entity_id: null,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  }));
}

async function tellUnits(
  trx: Parameters<typeof notify>[0],
  nowIso: string,
  list: ProblemListTable,
  rows: ProblemItemTable[],
) {
  for (const dept of new Set(rows.map((r) => r.department_id))) {
    await notify(trx, nowIso, await usersOfDepartment(trx, dept), {
      kind: 'problem.assigned',
      title: `【整改】${list.code} ${list.title}：${rows.filter((r) => r.department_id === dept).length} 项问题待整改`,
      entity: 'problem_list',
      entityId: list.id,
      dedupeKey: `problem:${list.id}:${dept}:${rows[0]?.id ?? ''}`,
    });
  }
}

/** A problem list from an inspection or meeting, with its items (问题、整改措施、责任单位、时限). */
export async function createProblemList(
  ctx: ServiceContext,
  input: {
    title: string;
    source: ProblemSource;
    sourceTitle?: string | null | undefined;
    issuedDate: string;
    items: ProblemItemBody[];
  },
) {
  await checkDepartments(ctx, input.items);
  const nowIso = ctx.clock.now().toISOString();
  const row: ProblemListTable = {
    id: newId(),
    code: '',
    title: input.title,
    source: input.source,
    source_title: input.sourceTitle ?? null,
    issued_date: input.issuedDate,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    row.code = await nextCode(trx, 'problem_list', 'WT', input.issuedDate.slice(0, 4), 3);
    await repo.insertList(trx, row);
    const rows = itemRows(row.id, input.items, 0, nowIso);
    await repo.insertItems(trx, rows);
    await writeAudit(trx, ctx, {
      entity: 'problem_list',
      entityId: row.id,
      action: 'create',
      after: { ...row, items: rows.length },
    });
    await tellUnits(trx, nowIso, row, rows);
  });
  return getProblemList(ctx, row.id);
}

export async function addProblemItems(ctx: ServiceContext, listId: string, items: ProblemItemBody[]) {
  const list = await repo.findProblemList(ctx.db.kysely, listId);
  if (!list) throw errors.notFound('problem list');
  await checkDepartments(ctx, items);
  const existing = await repo.listItems(ctx.db.kysely, [listId]);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = itemRows(listId, items, existing.length, nowIso);
    await repo.insertItems(trx, rows);
    await writeAudit(trx, ctx, {
      entity: 'problem_list',
      entityId: listId,
      action: 'items.add',
      after: { items: rows.length },
    });
    await tellUnits(trx, nowIso, list, rows);
  });
  return getProblemList(ctx, listId);
}

export async function attachToProblemItem(
  ctx: ServiceContext,
  listId: string,
  itemId: string,
  upload: AttachmentUpload,
) {
  const actor = requireActor(ctx);
  await assertProblemListVisible(ctx.db.kysely, actor, listId);
  const item = await repo.findItem(ctx.db.kysely, listId, itemId);
  if (!item) throw errors.notFound('problem item');
  if (!mayProposeItem(actor, item)) throw errors.forbidden();
  if (item.close_status === 'verified') {
    throw errors.badRequest('ITEM_CLOSED', { zh: '该问题已核验销号', en: 'This item is already verified' });
  }
  return ctx.db.kysely
    .transaction()
    .execute((trx) => storeAttachment(trx, ctx, 'problem_item', itemId, upload));
}
