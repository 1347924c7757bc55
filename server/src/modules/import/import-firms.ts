import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Insertable } from 'kysely';
import type { Database, FirmTable } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import { requireActor } from '../../plugins/context';
import type { AuditEntry } from '../audit/audit.writer';
import { writeAuditBatch } from '../audit/audit.writer';
import { assertFirmEditable } from '../firm/firm.policy';
import { auditableFirm, type Contact, firmSearchText } from '../firm/firm.presenter';
import { type FirmInput, recordsNamingFirm, rowFields, updateFirmVersioned } from '../firm/firm.service';
import { type FirmNames, firmsByAliasNorm, replaceFirmAliases } from '../firm/firm-alias';
import { newFirmRow } from '../firm/firm-row';
import { refreshLeadSearchText } from '../lead/lead.service';
import { refreshProjectDerivedColumns } from '../project/project-search';
import * as repo from './import.repository';
import {
  addIssues,
  duplicateOf,
  type ImportCounts,
  type Issues,
  type Planner,
  PROGRESS_EVERY,
  RowsRefused,
  sameValues,
} from './import-plan';
import { applyLinkRef, chainLinkTexts, resolveLinkRefs } from './import-refs';
import { checkRow, type FirmDraft, validateFirmRow } from './import-rows';

type FirmRowDb = Omit<FirmTable, 'search_text'>;

interface Matched {
  rowNumber: number;
  draft: FirmDraft;
  before: FirmRowDb | null;
}

const STALE = {
  column: null,
  message: {
    zh: '该企业在导入期间被他人修改，请重新导入',
    en: 'Someone changed this firm during the import; import again',
  },
};

/** Contacts after an import row: the row's contact replaces the one with the same name, else is added. */
function mergeContacts(existing: Contact[], contact: Contact | null): Contact[] | undefined {
  if (!contact) return undefined;
  const i = existing.findIndex((c) => c.name === contact.name);
  if (i < 0) return [...existing, contact];
  const next = existing.slice();
  next[i] = {
    name: contact.name,
    title: contact.title ?? existing[i]?.title ?? null,
    phone: contact.phone ?? existing[i]?.phone ?? null,
  };
  return next;
}

/**
 * Firms: every row is checked like POST /api/firms; then matched to the register — by USCC, else by
 * normalised name (a firm whose USCC differs is a different firm) — so a re-import updates instead
 * of duplicating. An update writes only the columns filled in (tags and contacts are merged), so a
 * template with a few columns never blanks the rest.
 */
export const planFirmImport: Planner = async (ctx, sheet, progress) => {
  assertFirmEditable(requireActor(ctx));
  const issues: Issues = new Map();
  const drafts: Array<{ rowNumber: number; draft: FirmDraft }> = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (!row) continue;
    const v = checkRow('firm', sheet.columnIndex, row.cells, validateFirmRow);
    if (v.draft) drafts.push({ rowNumber: row.rowNumber, draft: v.draft });
    else addIssues(issues, row.rowNumber, v.issues);
    if ((i + 1) % PROGRESS_EVERY === 0) await progress(i + 1);
  }

  const db = ctx.db.kysely;
  const usccs = drafts.flatMap((d) => (d.draft.uscc ? [d.draft.uscc] : []));
  const byUscc = new Map((await repo.firmsByUscc(db, usccs)).map((f) => [f.uscc as string, f]));
  // Names are looked up only where the USCC did not match, or the matched firm is being renamed.
  const norms = drafts.flatMap(({ draft }) => {
    const hit = draft.uscc ? byUscc.get(draft.uscc) : undefined;
    return hit && hit.name === draft.input.name ? [] : [draft.nameNorm];
  });
  const byNorm = new Map<string, FirmRowDb[]>();
  for (const f of await repo.firmsByNameNorm(db, norms)) {
    byNorm.set(f.name_norm, [...(byNorm.get(f.name_norm) ?? []), f]);
  }

  // A row named by another firm's short, former or English name is most likely that firm.
  const byAlias = new Map((await firmsByAliasNorm(db, norms)).map((h) => [h.aliasNorm, h]));

  const links = await resolveLinkRefs(db, chainLinkTexts(drafts.map((d) => d.draft.input)));
  for (const { draft } of drafts) applyLinkRef(draft.input, links);

  const seenUscc = new Map<string, number>();
  const seenNorm = new Map<string, Array<{ rowNumber: number; uscc: string | null }>>();
  const claimed = new Map<string, number>();
  const matched: Matched[] = [];
  for (const { rowNumber, draft } of drafts) {
    if (draft.uscc) {
      const first = seenUscc.get(draft.uscc);
      if (first !== undefined) {
        addIssues(issues, rowNumber, [duplicateOf('firm', first, { zh: '统一社会信用代码', en: 'USCC' })]);
        continue;
      }
      seenUscc.set(draft.uscc, rowNumber);
    }
    const sameName = (seenNorm.get(draft.nameNorm) ?? []).find(
      (s) => !s.uscc || !draft.uscc || s.uscc === draft.uscc,
    );
    if (sameName) {
      addIssues(issues, rowNumber, [duplicateOf('firm', sameName.rowNumber, { zh: '企业名称', en: 'name' })]);
      continue;
    }
    seenNorm.set(draft.nameNorm, [...(seenNorm.get(draft.nameNorm) ?? []), { rowNumber, uscc: draft.uscc }]);

    let before: FirmRowDb | null = draft.uscc ? (byUscc.get(draft.uscc) ?? null) : null;
    if (!before) {
      const candidates = (byNorm.get(draft.nameNorm) ?? []).filter(
        (f) => !draft.uscc || !f.uscc || f.uscc === draft.uscc,
      );
      if (candidates.length > 1) {
        addIssues(issues, rowNumber, [
          {
            column: { zh: '统一社会信用代码', en: 'USCC' },
            message: {
              zh: `企业库中有${candidates.length}家同名企业，请填写统一社会信用代码以区分`,
              en: `${candidates.length} firms in the register have this name; give the USCC to tell them apart`,
            },
          },
        ]);
        continue;
      }
      before = candidates[0] ?? null;
      const alias = before ? undefined : byAlias.get(draft.nameNorm);
      if (alias && (!draft.uscc || !alias.uscc || alias.uscc === draft.uscc)) {
        addIssues(issues, rowNumber, [
          {
            column: { zh: '企业名称', en: 'Name' },
            message: {
              zh: `“${draft.input.name}”是企业库中“${alias.name}”的简称或别名：同一家请填写全称或统一社会信用代码；另一家请填写统一社会信用代码`,
              en: `"${draft.input.name}" is another name of "${alias.name}" in the register: give its full name or USCC if it is that firm, or this firm's USCC if not`,
            },
          },
        ]);
        continue;
      }
    }
    if (before) {
      const other = claimed.get(before.id);
      if (other !== undefined) {
        addIssues(issues, rowNumber, [duplicateOf('firm', other, { zh: '对应的企业', en: 'matching firm' })]);
        continue;
      }
      claimed.set(before.id, rowNumber);
      // A rename onto another firm's name is refused, as PATCH /api/firms/:id refuses it.
      if (draft.input.name !== before.name) {
        const clash = (byNorm.get(draft.nameNorm) ?? []).find((f) => f.id !== before?.id);
        if (clash) {
          addIssues(issues, rowNumber, [
            {
              column: { zh: '企业名称', en: 'Name' },
              message: {
                zh: `改名后与企业库中的“${clash.name}”重名`,
                en: `The new name is the same as "${clash.name}" in the register`,
              },
            },
          ]);
          continue;
        }
      }
    }
    matched.push({ rowNumber, draft, before });
  }
  await progress(sheet.rows.length);

  return {
    issues,
    async write(trx): Promise<ImportCounts> {
      const nowIso = ctx.clock.now().toISOString();
      const creates: Insertable<Database['firm']>[] = [];
      const audits: AuditEntry[] = [];
      const late: Issues = new Map();
      const renamed: string[] = [];
      const aliasesChanged: FirmNames[] = [];
      let updated = 0;
      let unchanged = 0;
      for (const m of matched) {
        const { draft } = m;
        if (!m.before) {
          const input: FirmInput = { ...draft.input, contacts: draft.contact ? [draft.contact] : undefined };
          const row = newFirmRow(
            { name: draft.input.name, name_norm: draft.nameNorm, ...rowFields(input, draft.codes) },
            nowIso,
          );
          creates.push(row);
          audits.push({ entity: 'firm', entityId: row.id, action: 'create', after: auditableFirm(row) });
          continue;
        }
        const before = m.before;
        const tags = draft.input.tags
          ? [...new Set([...parseJsonArray<string>(before.tags_json), ...draft.input.tags])]
          : undefined;
        const input: FirmInput = {
          ...draft.input,
          tags,
          contacts: mergeContacts(parseJsonArray<Contact>(before.contacts_json), draft.contact),
        };
        const fields = rowFields(input, draft.codes);
        if (sameValues(before as unknown as Record<string, unknown>, fields)) {
          unchanged++;
          continue;
        }
        const merged = { ...before, ...fields, updated_at: nowIso };
        const patch = { ...fields, updated_at: nowIso, search_text: firmSearchText(merged) };
        if (!(await updateFirmVersioned(trx, before.id, before.version, patch))) {
          addIssues(late, m.rowNumber, [STALE]);
          continue;
        }
        if (fields.name !== undefined && fields.name !== before.name) renamed.push(before.id);
        if (
          fields.name !== undefined ||
          fields.short_name !== undefined ||
          fields.english_name !== undefined
        ) {
          aliasesChanged.push(merged);
        }
        updated++;
        audits.push({
          entity: 'firm',
          entityId: before.id,
          action: 'update',
          before: auditableFirm(before),
          after: auditableFirm({ ...merged, version: before.version + 1 }),
        });
      }
      if (late.size > 0) throw new RowsRefused(late);
      await repo.insertFirms(trx, creates);
      await replaceFirmAliases(trx, [...creates, ...aliasesChanged]);
      for (const id of renamed) {
        const refs = await recordsNamingFirm(trx, id);
        await refreshProjectDerivedColumns(trx, refs.projectIds);
        await refreshLeadSearchText(trx, refs.leadIds);
      }
      for (let i = 0; i < audits.length; i += repo.BATCH) {
        await writeAuditBatch(trx, ctx, audits.slice(i, i + repo.BATCH));
        await yieldToLoop();
      }
      return { created: creates.length, updated, unchanged };
    },
  };
};
