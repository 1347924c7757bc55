import type { Kysely, Transaction } from 'kysely';
import { todayInShanghai } from '../../../../shared/src/dates';
import { canMoveLead, type LeadStatus } from '../../../../shared/src/lead-status';
import type { Database, LeadTable, LinkFields } from '../../db/database';
import { newId } from '../../lib/ids';
import { nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { type AttachmentUpload, listAttachmentMeta, storeAttachment } from '../attachment/attachment.service';
import { writeAudit } from '../audit/audit.writer';
import { getProject, insertProjectRecord } from '../project/project.service';
import { assertLinkExists, inheritLink, linkDisplays } from '../record-link/record-link';
import { assertLeadEditable } from './lead.policy';
import { auditableLead, type LeadDto, presentFollowup, presentLead } from './lead.presenter';
import * as repo from './lead.repository';

// The lead writes that other modules make with their own rules: a lead made from a chain target
// (chain/), bulk updates by the import, and search text refreshed after a firm is renamed (firm/).
export {
  insertLead,
  type LeadListFilter,
  refreshLeadSearchText,
  updateLeadVersioned,
} from './lead.repository';

type Q = Kysely<Database> | Transaction<Database>;

export interface LeadInput {
  title?: string | undefined;
  targetFirmId?: string | null | undefined;
  targetFirmName?: string | null | undefined;
  source?: string | undefined;
  referrerFirmId?: string | null | undefined;
  chainLink?: string | null | undefined;
  linkId?: string | null | undefined;
  estimatedInvestment?: number | null | undefined;
  ownerId?: string | null | undefined;
  nextStep?: string | null | undefined;
  nextStepDate?: string | null | undefined;
}

export function rowFields(input: LeadInput): Partial<LeadTable & LinkFields> {
  const p: Partial<LeadTable & LinkFields> = {};
  if (input.title !== undefined) p.title = input.title;
  if (input.targetFirmId !== undefined) p.target_firm_id = input.targetFirmId;
  if (input.targetFirmName !== undefined) p.target_name = input.targetFirmName || null;
  if (input.source !== undefined) p.source = input.source;
  if (input.referrerFirmId !== undefined) p.referrer_firm_id = input.referrerFirmId;
  if (input.chainLink !== undefined) p.chain_link = input.chainLink || null;
  if (input.linkId !== undefined) p.link_id = input.linkId || null;
  if (input.estimatedInvestment !== undefined) p.estimated_investment = input.estimatedInvestment;
  if (input.ownerId !== undefined) p.owner_id = input.ownerId;
  if (input.nextStep !== undefined) p.next_step = input.nextStep || null;
  if (input.nextStepDate !== undefined) p.next_step_date = input.nextStepDate;
  return p;
}

/** A referral (以商招商) names its referring firm; referenced firms and the owner must exist. */
export async function checkLead(
  db: Q,
  row: Pick<LeadTable, 'source' | 'referrer_firm_id' | 'target_firm_id' | 'owner_id' | 'target_name'>,
) {
  const fields: FieldError[] = [];
  if (row.source === 'referral' && !row.referrer_firm_id) {
    fields.push({
      path: 'referrerFirmId',
      message: { zh: '以商招商线索须填写推荐企业', en: 'A referral lead needs the referring firm' },
    });
  }
  for (const [path, id] of [
    ['targetFirmId', row.target_firm_id],
    ['referrerFirmId', row.referrer_firm_id],
  ] as const) {
    if (id && !(await db.selectFrom('firm').select('id').where('id', '=', id).executeTakeFirst())) {
      fields.push({ path, message: { zh: '企业不存在', en: 'No such firm' } });
    }
  }
  if (row.target_firm_id && row.target_firm_id === row.referrer_firm_id) {
    fields.push({
      path: 'referrerFirmId',
      message: { zh: '推荐企业不能是目标企业本身', en: 'The referrer cannot be the target itself' },
    });
  }
  if (!row.target_firm_id && !row.target_name) {
    fields.push({
      path: 'targetFirmId',
      message: { zh: '请选择目标企业或填写企业名称', en: 'Pick the target firm or type its name' },
    });
  }
  if (row.owner_id) {
    const u = await db
      .selectFrom('app_user')
      .select('role')
      .where('id', '=', row.owner_id)
      .executeTakeFirst();
    if (!u || (u.role !== 'officer' && u.role !== 'admin')) {
      fields.push({
        path: 'ownerId',
        message: { zh: '负责人须为招商专员', en: 'The owner must be an officer' },
      });
    }
  }
  if (fields.length > 0) throw errors.validation(fields);
}

/** The lead list; `mine` narrows to the actor's leads ("my leads", sorted by next-step date). */
export async function listLeadRecords(
  ctx: ServiceContext,
  filter: repo.LeadListFilter & { mine?: boolean | undefined },
) {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const f = filter.mine ? { ...filter, ownerId: actor.userId } : filter;
  const { rows, total } = await repo.listLeads(ctx.db.kysely, ctx.db.dialect, f, day);
  const links = await linkDisplays(
    ctx.db.kysely,
    rows.map((r) => r.link_id),
  );
  return { items: rows.map((r) => presentLead(r, day, links)), total };
}

export async function getLead(ctx: ServiceContext, id: string): Promise<LeadDto> {
  requireActor(ctx);
  const row = await repo.findLeadById(ctx.db.kysely, id);
  if (!row) throw errors.notFound('lead');
  return presentLead(row, today(ctx), await linkDisplays(ctx.db.kysely, [row.link_id]));
}

export async function createLead(
  ctx: ServiceContext,
  input: LeadInput & { title: string; source: string },
): Promise<LeadDto> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const nowIso = ctx.clock.now().toISOString();
  const day = todayInShanghai(ctx.clock.now());
  const id = newId();
  const row: LeadTable & LinkFields = {
    id,
    code: '',
    title: input.title,
    target_firm_id: null,
    target_name: null,
    source: input.source,
    referrer_firm_id: null,
    chain_link: null,
    link_id: null,
    estimated_investment: null,
    owner_id: actor.role === 'officer' ? actor.userId : null,
    status: 'new',
    status_reason: null,
    next_step: null,
    next_step_date: null,
    project_id: null,
    search_text: '',
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...rowFields(input),
  };
  await checkLead(db, row);
  await assertLinkExists(db, input.linkId);
  await db.transaction().execute(async (trx) => {
    row.code = await nextCode(trx, 'lead', 'XS', day.slice(0, 4));
    await repo.insertLead(trx, row);
    await repo.refreshLeadSearchText(trx, [id]);
    await writeAudit(trx, ctx, { entity: 'lead', entityId: id, action: 'create', after: auditableLead(row) });
  });
  return getLead(ctx, id);
}

export async function updateLead(ctx: ServiceContext, id: string, input: LeadInput & { version: number }) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findLeadById(db, id);
  if (!before) throw errors.notFound('lead');
  assertLeadEditable(actor, before);
  const patch = { ...rowFields(input), updated_at: ctx.clock.now().toISOString() };
  await checkLead(db, { ...before, ...patch });
  await assertLinkExists(db, input.linkId);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateLeadVersioned(trx, id, input.version, patch))) throw errors.stale();
    await repo.refreshLeadSearchText(trx, [id]);
    await writeAudit(trx, ctx, {
      entity: 'lead',
      entityId: id,
      action: 'update',
      before: auditableLead(before),
      after: auditableLead({ ...before, ...patch, version: input.version + 1 }),
    });
  });
  return getLead(ctx, id);
}

/** Moves a lead's status through shared/src/lead-status.ts; signing goes through signLead. */
export async function moveLeadStatus(
  ctx: ServiceContext,
  id: string,
  input: { to: LeadStatus; reason?: string | null | undefined; version: number },
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findLeadById(db, id);
  if (!before) throw errors.notFound('lead');
  assertLeadEditable(actor, before);
  if (before.version !== input.version) throw errors.stale();
  if (input.to === 'signed') {
    throw errors.badRequest(
      'LEAD_SIGN_REQUIRED',
      { zh: '签约请使用“签约”操作（同时创建项目）', en: 'Use the sign action: it creates the project' },
      [{ path: 'to', message: { zh: '请使用签约操作', en: 'Use the sign action' } }],
    );
  }
  const check = canMoveLead(before.status as LeadStatus, input.to, { reason: input.reason ?? null });
  if (!check.ok) {
    throw errors.badRequest('LEAD_STATUS_REFUSED', check.message, [
      { path: check.code === 'reason_required' ? 'reason' : 'to', message: check.message },
    ]);
  }
  const patch = {
    status: input.to,
    status_reason: input.reason?.trim() || null,
    updated_at: ctx.clock.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateLeadVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'lead',
      entityId: id,
      action: 'status.move',
      before: { status: before.status, status_reason: before.status_reason, version: before.version },
      after: { ...patch, kind: check.kind, skipped: check.skipped, version: input.version + 1 },
    });
  });
  return getLead(ctx, id);
}

export async function listFollowups(ctx: ServiceContext, leadId: string) {
  requireActor(ctx);
  if (!(await repo.findLeadById(ctx.db.kysely, leadId))) throw errors.notFound('lead');
  const rows = await repo.followupsOf(ctx.db.kysely, leadId);
  const photos = await listAttachmentMeta(
    ctx.db.kysely,
    'lead_followup',
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentFollowup(
        r,
        photos
          .filter((p) => p.entityId === r.id)
          .map((p) => ({ id: p.id, fileName: p.fileName, size: p.size })),
      ),
    ),
  };
}

/** Logs a visit, call or meeting on the lead (its owner or an admin); audited. */
export async function addFollowup(
  ctx: ServiceContext,
  leadId: string,
  input: {
    kind: string;
    date: string;
    people?: string | null | undefined;
    notes?: string | null | undefined;
    photos?: AttachmentUpload[] | undefined;
    location?: { lat: number; lng: number } | null | undefined;
  },
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const lead = await repo.findLeadById(db, leadId);
  if (!lead) throw errors.notFound('lead');
  assertLeadEditable(actor, lead);
  if (input.date > today(ctx)) {
    throw errors.validation([
      { path: 'date', message: { zh: '跟进日期不能晚于今天', en: 'A follow-up cannot be in the future' } },
    ]);
  }
  const row = {
    id: newId(),
    lead_id: leadId,
    kind: input.kind,
    date: input.date,
    people: input.people || null,
    notes: input.notes || null,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    is_sample: 0,
    created_at: ctx.clock.now().toISOString(),
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
  };
  // The visit and its photos are one write: a photo refused (type, size) leaves no visit behind.
  const photos = await db.transaction().execute(async (trx) => {
    await repo.insertFollowup(trx, row);
    await writeAudit(trx, ctx, { entity: 'lead_followup', entityId: row.id, action: 'create', after: row });
    const stored = [];
    for (const photo of input.photos ?? [])
      stored.push(await storeAttachment(trx, ctx, 'lead_followup', row.id, photo));
    return stored;
  });
  return presentFollowup(
    row,
    photos.map((p) => ({ id: p.id, fileName: p.fileName, size: p.size })),
  );
}

/**
 * Signs a lead (签约): in one transaction the lead becomes `signed`, its project is created at
 * 签约 with the target firm as investor and the lead's owner as officer, and both point at each
 * other. The lead stays readable with its history.
 */
export async function signLead(
  ctx: ServiceContext,
  id: string,
  input: {
    version: number;
    projectName: string;
    totalInvestment?: number | null | undefined;
    park?: string | null | undefined;
    signedDate: string;
  },
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findLeadById(db, id);
  if (!before) throw errors.notFound('lead');
  assertLeadEditable(actor, before);
  if (before.version !== input.version) throw errors.stale();
  const check = canMoveLead(before.status as LeadStatus, 'signed');
  if (!check.ok)
    throw errors.badRequest('LEAD_STATUS_REFUSED', check.message, [
      { path: 'status', message: check.message },
    ]);
  if (input.signedDate > today(ctx)) {
    throw errors.validation([
      {
        path: 'signedDate',
        message: { zh: '签约日期不能晚于今天', en: 'The signing date cannot be in the future' },
      },
    ]);
  }
  const projectId = await db.transaction().execute(async (trx) => {
    const pid = await insertProjectRecord(ctx, trx, {
      name: input.projectName,
      totalInvestment: input.totalInvestment ?? before.estimated_investment,
      park: input.park ?? null,
      chainLink: before.chain_link,
      officerId: before.owner_id,
      investors: before.target_firm_id ? [{ firmId: before.target_firm_id, sharePct: null }] : [],
      leadId: id,
      stage: 'signed',
      stageDate: input.signedDate,
      // The amount typed at signing is a promise; the lead's rough size carried over is an estimate.
      provenance: {
        origin: 'lead_sign',
        source:
          input.totalInvestment === undefined || input.totalInvestment === null ? 'estimated' : 'promised',
      },
    });
    // The project stays on the lead's chain link (issue 4).
    await inheritLink(trx, pid, before.link_id);
    const patch = {
      status: 'signed',
      project_id: pid,
      status_reason: null,
      updated_at: ctx.clock.now().toISOString(),
    };
    if (!(await repo.updateLeadVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'lead',
      entityId: id,
      action: 'sign',
      before: { status: before.status, project_id: null, version: before.version },
      after: { ...patch, kind: check.kind, skipped: check.skipped, version: input.version + 1 },
    });
    return pid;
  });
  return { lead: await getLead(ctx, id), project: await getProject(ctx, projectId) };
}
