import { findIndustry, normaliseIndustryCode } from '../../../../shared/src/industry-codes';
import type { LeadStatus } from '../../../../shared/src/lead-status';
import type { ProjectStage } from '../../../../shared/src/project-stage';
import { validateUscc } from '../../../../shared/src/uscc';
import type { FirmTable, LinkFields } from '../../db/database';
import { newId } from '../../lib/ids';
import { parseJsonArray } from '../../lib/json';
import { isUniqueViolationOn } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { refreshLeadSearchText } from '../lead/lead.service';
import { refreshProjectDerivedColumns } from '../project/project-search';
import { assertLinkExists, linkDisplays } from '../record-link/record-link';
import { assertFirmEditable, assertFirmVisible, firmAudienceOf, firmScopeOf } from './firm.policy';
import {
  auditableFirm,
  type Contact,
  type FirmDto,
  firmSearchText,
  presentFirm,
  presentRelation,
} from './firm.presenter';
import * as repo from './firm.repository';

// The firm reads and writes the import makes with its own rules (bulk updates, renamed firms' records).
export { type FirmListFilter, recordsNamingFirm, updateFirmVersioned } from './firm.repository';

import { type DuplicateCandidate, findDuplicateCandidates, replaceFirmAliases } from './firm-alias';
import { normaliseFirmName } from './firm-name';
import { newFirmRow } from './firm-row';

export interface FirmInput {
  name?: string | undefined;
  shortName?: string | null | undefined;
  aliases?: string[] | undefined;
  englishName?: string | null | undefined;
  uscc?: string | null | undefined;
  region?: string | null | undefined;
  industryCode?: string | null | undefined;
  registeredCapital?: number | null | undefined;
  sizeClass?: string | null | undefined;
  listedExchange?: string | null | undefined;
  listedCode?: string | null | undefined;
  parentGroup?: string | null | undefined;
  isLocal?: boolean | undefined;
  businessScope?: string | null | undefined;
  chainLink?: string | null | undefined;
  linkId?: string | null | undefined;
  contacts?: Contact[] | undefined;
  tags?: string[] | undefined;
  note?: string | null | undefined;
}

/** Checks the USCC (GB 32100-2015 check character) and the industry code; returns normalised values. */
export function checkFirmCodes(input: FirmInput): { uscc?: string | null; industryCode?: string | null } {
  const fields: FieldError[] = [];
  const out: { uscc?: string | null; industryCode?: string | null } = {};
  if (input.uscc !== undefined) {
    if (input.uscc === null || input.uscc.trim() === '') out.uscc = null;
    else {
      const v = validateUscc(input.uscc);
      if (v.ok) out.uscc = v.value;
      else fields.push({ path: 'uscc', message: v.message });
    }
  }
  if (input.industryCode !== undefined) {
    if (input.industryCode === null || input.industryCode.trim() === '') out.industryCode = null;
    else if (findIndustry(input.industryCode)) out.industryCode = normaliseIndustryCode(input.industryCode);
    else {
      fields.push({
        path: 'industryCode',
        message: {
          zh: `行业代码“${input.industryCode}”不在国民经济行业分类（GB/T 4754-2017）中`,
          en: `Industry code "${input.industryCode}" is not in GB/T 4754-2017`,
        },
      });
    }
  }
  if (fields.length > 0) throw errors.validation(fields);
  return out;
}

function duplicateError(dups: DuplicateCandidate[], byUscc: boolean) {
  const alias = dups.find((d) => d.reason === 'alias');
  const message = byUscc
    ? { zh: '已有相同统一社会信用代码的企业', en: 'A firm with this unified social credit code exists' }
    : alias
      ? {
          zh: `企业库中的“${alias.name}”也叫“${alias.matched}”，可能是同一家；如确认不是同一家，请勾选“确认不是重复企业”后再保存`,
          en: `"${alias.name}" in the register is also known as "${alias.matched}"; if it is a different firm, confirm and save again`,
        }
      : {
          zh: '已有同名企业；如确认不是同一家，请勾选“确认不是重复企业”后再保存',
          en: 'A firm with this name exists; if it is a different firm, confirm and save again',
        };
  return errors.conflict('DUPLICATE_FIRM', message, [{ path: byUscc ? 'uscc' : 'name', message }], {
    duplicates: dups.map((d) => ({
      id: d.id,
      name: d.name,
      uscc: d.uscc,
      reason: d.reason,
      matched: d.matched,
    })),
  });
}

/** Refuses a USCC clash always, and a name or alias clash unless the user confirmed a different firm. */
async function assertNoDuplicate(
  ctx: ServiceContext,
  f: {
    names: ReadonlyArray<string | null | undefined>;
    uscc: string | null;
    excludeId?: string;
    confirmNotDuplicate?: boolean;
  },
) {
  const dups = await findDuplicateCandidates(ctx.db.kysely, {
    names: f.names,
    uscc: f.uscc,
    excludeId: f.excludeId ?? null,
  });
  const byUscc = dups.filter((d) => d.reason === 'uscc');
  if (byUscc.length > 0) throw duplicateError(byUscc, true);
  if (dups.length > 0 && !f.confirmNotDuplicate) throw duplicateError(dups, false);
}

export function rowFields(
  input: FirmInput,
  codes: ReturnType<typeof checkFirmCodes>,
): Partial<FirmTable & LinkFields> {
  const p: Partial<FirmTable & LinkFields> = {};
  if (input.name !== undefined) {
    p.name = input.name;
    p.name_norm = normaliseFirmName(input.name);
  }
  if (input.shortName !== undefined) p.short_name = input.shortName || null;
  if (input.aliases !== undefined) p.aliases_json = JSON.stringify([...new Set(input.aliases)]);
  if (input.englishName !== undefined) p.english_name = input.englishName || null;
  if (codes.uscc !== undefined) p.uscc = codes.uscc;
  if (input.region !== undefined) p.region = input.region || null;
  if (codes.industryCode !== undefined) p.industry_code = codes.industryCode;
  if (input.registeredCapital !== undefined) p.registered_capital = input.registeredCapital;
  if (input.sizeClass !== undefined) p.size_class = input.sizeClass;
  if (input.listedExchange !== undefined) p.listed_exchange = input.listedExchange || null;
  if (input.listedCode !== undefined) p.listed_code = input.listedCode || null;
  if (input.parentGroup !== undefined) p.parent_group = input.parentGroup || null;
  if (input.isLocal !== undefined) p.is_local = input.isLocal ? 1 : 0;
  if (input.businessScope !== undefined) p.business_scope = input.businessScope || null;
  if (input.chainLink !== undefined) p.chain_link = input.chainLink || null;
  if (input.linkId !== undefined) p.link_id = input.linkId || null;
  if (input.contacts !== undefined) p.contacts_json = JSON.stringify(input.contacts);
  if (input.tags !== undefined) p.tags_json = JSON.stringify([...new Set(input.tags)]);
  if (input.note !== undefined) p.note = input.note || null;
  return p;
}

/** The firm list (企业库) with its filters; enterprise users get only their own firm. */
export async function listFirmRecords(ctx: ServiceContext, filter: repo.FirmListFilter) {
  const actor = requireActor(ctx);
  const { rows, total } = await repo.listFirms(ctx.db.kysely, ctx.db.dialect, filter, firmScopeOf(actor));
  const links = await linkDisplays(
    ctx.db.kysely,
    rows.map((r) => r.link_id),
  );
  const audience = firmAudienceOf(actor);
  return { items: rows.map((r) => presentFirm(r, links, audience)), total };
}

/** One firm with its projects and, for zone staff, its relations and leads (decision 011). */
export async function getFirm(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  assertFirmVisible(actor, id);
  const db = ctx.db.kysely;
  const row = await repo.findFirmById(db, id);
  if (!row) throw errors.notFound('firm');
  const audience = firmAudienceOf(actor);
  // Leads are the zone's internal pipeline: "approached for" is staff only (decision 011).
  const [links, projects] = await Promise.all([
    linkDisplays(db, [row.link_id]),
    repo.projectsOfFirm(db, id, audience !== 'firm'),
  ]);
  // Stages and statuses are the enums' keys: the columns hold nothing else (the services write them).
  const projectDtos = projects.map((p) => ({ ...p, stage: p.stage as ProjectStage }));
  if (audience === 'firm') return { ...presentFirm(row, links, audience), projects: projectDtos };
  const [relations, leads] = await Promise.all([repo.listRelations(db, id), repo.leadsOfFirm(db, id)]);
  return {
    ...presentFirm(row, links, audience),
    relations: relations.map(presentRelation),
    projects: projectDtos,
    leads: leads.map((l) => ({ ...l, status: l.status as LeadStatus })),
  };
}

/** Creates a firm after the USCC and duplicate checks; audited. */
export async function createFirm(
  ctx: ServiceContext,
  input: FirmInput & { name: string; confirmNotDuplicate?: boolean | undefined },
): Promise<FirmDto> {
  assertFirmEditable(requireActor(ctx));
  const codes = checkFirmCodes(input);
  await assertLinkExists(ctx.db.kysely, input.linkId);
  const duplicates = {
    names: [input.name, input.shortName, input.englishName, ...(input.aliases ?? [])],
    uscc: codes.uscc ?? null,
    confirmNotDuplicate: input.confirmNotDuplicate === true,
  };
  await assertNoDuplicate(ctx, duplicates);
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const fields = rowFields(input, codes);
  const row: FirmTable & LinkFields = {
    ...newFirmRow({ id, name: input.name, ...fields }, nowIso),
    link_id: fields.link_id ?? null,
  };
  await ctx.db.kysely
    .transaction()
    .execute(async (trx) => {
      await repo.insertFirm(trx, row);
      await replaceFirmAliases(trx, [row]);
      await writeAudit(trx, ctx, {
        entity: 'firm',
        entityId: id,
        action: 'create',
        after: auditableFirm(row),
      });
    })
    .catch(async (err: unknown) => {
      // The same USCC saved twice at once: both passed the check; the second is told which firm has it.
      if (isUniqueViolationOn(err, 'firm', 'uscc')) await assertNoDuplicate(ctx, duplicates);
      throw err;
    });
  const links = await linkDisplays(ctx.db.kysely, [row.link_id]);
  return presentFirm({ ...row, project_count: 0, lead_count: 0 }, links, 'staff');
}

/** Edits a firm (optimistic version); a rename refreshes the search text of its projects and leads. */
export async function updateFirm(
  ctx: ServiceContext,
  id: string,
  input: FirmInput & { version: number; confirmNotDuplicate?: boolean | undefined },
): Promise<FirmDto> {
  const actor = requireActor(ctx);
  assertFirmVisible(actor, id);
  assertFirmEditable(actor);
  const db = ctx.db.kysely;
  const before = await repo.findFirmById(db, id);
  if (!before) throw errors.notFound('firm');
  const codes = checkFirmCodes(input);
  await assertLinkExists(db, input.linkId);
  const renamed = input.name !== undefined && input.name !== before.name;
  // Only names being changed are checked: an existing clash the user already confirmed stays confirmed.
  const newNames = [
    renamed ? input.name : null,
    input.shortName !== before.short_name ? input.shortName : null,
    input.englishName !== before.english_name ? input.englishName : null,
    ...(input.aliases ?? []).filter((a) => !parseJsonArray<string>(before.aliases_json).includes(a)),
  ];
  const usccChanged = !!codes.uscc && codes.uscc !== before.uscc;
  if (newNames.some(Boolean) || usccChanged) {
    await assertNoDuplicate(ctx, {
      names: newNames,
      uscc: usccChanged ? (codes.uscc ?? null) : null,
      excludeId: id,
      confirmNotDuplicate: input.confirmNotDuplicate === true,
    });
  }
  const { project_count: _p, lead_count: _l, ...beforeRow } = before;
  const merged = { ...beforeRow, ...rowFields(input, codes), updated_at: ctx.clock.now().toISOString() };
  const patch = {
    ...rowFields(input, codes),
    updated_at: merged.updated_at,
    search_text: firmSearchText(merged),
  };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateFirmVersioned(trx, id, input.version, patch))) throw errors.stale();
    const namesChanged =
      renamed ||
      input.shortName !== undefined ||
      input.aliases !== undefined ||
      input.englishName !== undefined;
    if (namesChanged) {
      await replaceFirmAliases(trx, [merged]);
      const refs = await repo.recordsNamingFirm(trx, id);
      await refreshProjectDerivedColumns(trx, refs.projectIds);
      await refreshLeadSearchText(trx, refs.leadIds);
    }
    await writeAudit(trx, ctx, {
      entity: 'firm',
      entityId: id,
      action: 'update',
      before: auditableFirm(beforeRow),
      after: auditableFirm({ ...merged, version: input.version + 1 }),
    });
  });
  const after = await repo.findFirmById(db, id);
  if (!after) throw errors.notFound('firm');
  return presentFirm(after, await linkDisplays(db, [after.link_id]), 'staff');
}

/** Possible duplicates of a name / USCC (by name, short, former or English name), for the form's live warning. */
export async function findFirmDuplicates(ctx: ServiceContext, q: { name?: string; uscc?: string }) {
  const actor = requireActor(ctx);
  let uscc: string | null = null;
  if (q.uscc) {
    const v = validateUscc(q.uscc);
    uscc = v.ok ? v.value : q.uscc.trim().toUpperCase();
  }
  const rows = await findDuplicateCandidates(ctx.db.kysely, { names: [q.name], uscc });
  const scope = firmScopeOf(actor);
  return { items: rows.filter((r) => scope.kind === 'all' || r.id === scope.firmId) };
}

/** The firm's 以商招商 relations: zone staff only (the route's permission is firm.internal). */
export async function listFirmRelations(ctx: ServiceContext, firmId: string) {
  assertFirmVisible(requireActor(ctx), firmId);
  const db = ctx.db.kysely;
  if (!(await repo.findFirmById(db, firmId))) throw errors.notFound('firm');
  return { items: (await repo.listRelations(db, firmId)).map(presentRelation) };
}

/** Adds an edge of the 以商招商 graph from this firm to another; audited. */
export async function addFirmRelation(
  ctx: ServiceContext,
  firmId: string,
  input: { toFirmId: string; kind: string; note?: string | null | undefined },
) {
  assertFirmEditable(requireActor(ctx));
  const db = ctx.db.kysely;
  if (!(await repo.findFirmById(db, firmId))) throw errors.notFound('firm');
  if (input.toFirmId === firmId) {
    throw errors.validation([
      { path: 'toFirmId', message: { zh: '不能与自身建立关系', en: 'A firm cannot relate to itself' } },
    ]);
  }
  if (!(await repo.findFirmById(db, input.toFirmId))) {
    throw errors.validation([{ path: 'toFirmId', message: { zh: '企业不存在', en: 'No such firm' } }]);
  }
  if (await repo.findSameRelation(db, firmId, input.toFirmId, input.kind)) {
    const message = { zh: '该关系已存在', en: 'This relation exists already' };
    throw errors.conflict('DUPLICATE_RELATION', message, [{ path: 'kind', message }]);
  }
  const row = {
    id: newId(),
    from_firm_id: firmId,
    to_firm_id: input.toFirmId,
    kind: input.kind,
    note: input.note || null,
    is_sample: 0,
    created_at: ctx.clock.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertRelation(trx, row);
    await writeAudit(trx, ctx, { entity: 'firm_relation', entityId: row.id, action: 'create', after: row });
  });
  const all = await repo.listRelations(db, firmId);
  const created = all.find((r) => r.id === row.id);
  if (!created) throw errors.notFound('firm_relation');
  return presentRelation(created);
}

export async function removeFirmRelation(ctx: ServiceContext, id: string): Promise<void> {
  assertFirmEditable(requireActor(ctx));
  const db = ctx.db.kysely;
  const before = await repo.findRelation(db, id);
  if (!before) throw errors.notFound('firm_relation');
  await db.transaction().execute(async (trx) => {
    await repo.deleteRelation(trx, id);
    await writeAudit(trx, ctx, { entity: 'firm_relation', entityId: id, action: 'delete', before });
  });
}
