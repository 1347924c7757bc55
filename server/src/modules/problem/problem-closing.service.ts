import { PROBLEM_CLOSE_STATUS_LABELS, type ProblemCloseStatus } from '../../../../shared/src/closing';
import type { EvidenceLink } from '../../../../shared/src/contract/task';
import type { ProblemItemTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { listAttachmentMeta } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { notify, usersOfDepartment, usersWithRole } from '../notify/notify.service';
import { assertClosingConditions, assertEvidenceLink } from '../task/closing-evidence';
import { assertProblemListVisible, mayProposeItem, mayVerifyItem } from './problem.policy';
import * as repo from './problem.repository';
import { getProblemList } from './problem.service';

/**
 * 逐条销号 with a check (issue 15, decision 013): the responsible unit proposes an item's closing
 * with evidence (text plus a file or a linked record), and the supervision office (督查室) verifies
 * it — only then is the item closed — or returns it with a reason for the unit to try again.
 */

async function loadItem(ctx: ServiceContext, listId: string, itemId: string) {
  const actor = requireActor(ctx);
  await assertProblemListVisible(ctx.db.kysely, actor, listId);
  const item = await repo.findItem(ctx.db.kysely, listId, itemId);
  if (!item) throw errors.notFound('problem item');
  return { actor, item };
}

function refuseStatus(status: string, verb: { zh: string; en: string }): never {
  const l = PROBLEM_CLOSE_STATUS_LABELS[status as ProblemCloseStatus] ?? { zh: status, en: status };
  throw errors.badRequest('ITEM_MOVE_REFUSED', {
    zh: `该问题当前为“${l.zh}”，不能${verb.zh}`,
    en: `The item is "${l.en}"; it cannot be ${verb.en}`,
  });
}

async function evidenceFacts(ctx: ServiceContext, itemId: string, link: EvidenceLink | null) {
  const files = await listAttachmentMeta(ctx.db.kysely, 'problem_item', [itemId]);
  return {
    milestonesTotal: 0,
    milestonesDone: 0,
    progress: null,
    needsProgress: false,
    attachments: files.length,
    linkedRecord: link !== null,
  };
}

function linkOfItem(item: ProblemItemTable): EvidenceLink | null {
  return item.evidence_entity && item.evidence_entity_id
    ? { entity: item.evidence_entity as EvidenceLink['entity'], id: item.evidence_entity_id }
    : null;
}

async function save(
  ctx: ServiceContext,
  item: ProblemItemTable,
  version: number,
  action: 'propose' | 'verify' | 'return',
  patch: Partial<ProblemItemTable>,
  tell: { users: (trx: Parameters<typeof notify>[0]) => Promise<string[]>; title: string },
) {
  const nowIso = ctx.clock.now().toISOString();
  const full = { ...patch, updated_at: nowIso };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateItemVersioned(trx, item.id, version, full))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'problem_item',
      entityId: item.id,
      action,
      before: { ...item },
      after: { ...item, ...full, version: version + 1 },
    });
    await notify(trx, nowIso, await tell.users(trx), {
      kind: `problem.${action}`,
      title: tell.title,
      entity: 'problem_list',
      entityId: item.list_id,
      dedupeKey: `problem_item:${item.id}:${action}:${version}`,
    });
  });
}

/** 申请销号: the unit says the item is rectified, on which day, and shows its evidence. */
export async function proposeProblemItem(
  ctx: ServiceContext,
  listId: string,
  itemId: string,
  input: {
    evidence: string;
    rectifiedDate?: string | undefined;
    evidenceLink?: EvidenceLink | null | undefined;
    version: number;
  },
) {
  const { actor, item } = await loadItem(ctx, listId, itemId);
  if (!mayProposeItem(actor, item)) throw errors.forbidden();
  if (item.close_status !== 'open' && item.close_status !== 'returned') {
    refuseStatus(item.close_status, { zh: '申请销号', en: 'proposed for closing' });
  }
  const day = today(ctx);
  const rectifiedDate = input.rectifiedDate ?? day;
  if (rectifiedDate > day) {
    throw errors.validation([
      {
        path: 'rectifiedDate',
        message: { zh: '整改完成日期不能晚于今天', en: 'The rectification date cannot be in the future' },
      },
    ]);
  }
  const link = input.evidenceLink ?? linkOfItem(item);
  await assertEvidenceLink(ctx.db.kysely, link);
  assertClosingConditions(await evidenceFacts(ctx, itemId, link));
  await save(
    ctx,
    item,
    input.version,
    'propose',
    {
      close_status: 'proposed',
      evidence: input.evidence,
      rectified_date: rectifiedDate,
      evidence_entity: link?.entity ?? null,
      evidence_entity_id: link?.id ?? null,
      proposed_at: ctx.clock.now().toISOString(),
      proposed_by_name: actor.displayName,
    },
    {
      users: (trx) => usersWithRole(trx, ['supervisor']),
      title: `【待核验】问题整改申请销号：${item.problem}`,
    },
  );
  return getProblemList(ctx, listId);
}

/** 核验销号 or 退回: the 督查室 (or a leader) outside the unit decides on a proposal. */
export async function decideProblemItem(
  ctx: ServiceContext,
  listId: string,
  itemId: string,
  input: { decision: 'verify' | 'return'; reason?: string | null | undefined; version: number },
) {
  const { actor, item } = await loadItem(ctx, listId, itemId);
  if (!mayVerifyItem(actor, item)) throw errors.forbidden();
  if (item.close_status !== 'proposed') {
    refuseStatus(item.close_status, {
      zh: input.decision === 'verify' ? '核验销号' : '退回',
      en: input.decision === 'verify' ? 'verified' : 'returned',
    });
  }
  const nowIso = ctx.clock.now().toISOString();
  if (input.decision === 'return') {
    if (!input.reason?.trim()) {
      throw errors.validation([
        { path: 'reason', message: { zh: '退回需要填写原因', en: 'Returning needs a reason' } },
      ]);
    }
    await save(
      ctx,
      item,
      input.version,
      'return',
      {
        close_status: 'returned',
        return_reason: input.reason,
        returned_at: nowIso,
        returned_by_name: actor.displayName,
      },
      {
        users: (trx) => usersOfDepartment(trx, item.department_id),
        title: `【退回】问题销号申请被退回：${item.problem}（${input.reason}）`,
      },
    );
    return getProblemList(ctx, listId);
  }
  // The evidence may have been taken away since the proposal: check it again before closing.
  assertClosingConditions(await evidenceFacts(ctx, itemId, linkOfItem(item)));
  await save(
    ctx,
    item,
    input.version,
    'verify',
    {
      close_status: 'verified',
      closed_date: item.rectified_date ?? today(ctx),
      closed_by_name: actor.displayName,
      verified_at: nowIso,
    },
    {
      users: (trx) => usersOfDepartment(trx, item.department_id),
      title: `【已销号】问题整改已核验：${item.problem}`,
    },
  );
  return getProblemList(ctx, listId);
}
