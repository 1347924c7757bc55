import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Insertable } from 'kysely';
import { todayInShanghai } from '../../../../shared/src/dates';
import type { Database, LeadTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { isUniqueViolation, nextCode } from '../../lib/sql-helpers';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type AuditEntry, writeAuditBatch } from '../audit/audit.writer';
import { assertLeadEditable } from '../lead/lead.policy';
import { auditableLead } from '../lead/lead.presenter';
import { leadFields } from '../lead/lead.routes';
import {
  checkLead,
  type LeadInput,
  refreshLeadSearchText,
  rowFields,
  updateLeadVersioned,
} from '../lead/lead.service';
import { leadSearchText } from '../lead/lead-search';
import * as repo from './import.repository';
import { looksLikeUscc } from './import-cells';
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
import {
  applyLinkRef,
  chainLinkTexts,
  type FailedRow,
  reportFailedRows,
  resolveFirmRefs,
  resolveLinkRefs,
  resolveUsers,
  textValue,
} from './import-refs';
import {
  appErrorIssues,
  checkRow,
  issueAt,
  type LeadDraft,
  type RowIssue,
  validateLeadRow,
} from './import-rows';

interface Planned {
  rowNumber: number;
  code: string | null;
  input: LeadInput & { title: string; source: string };
  before: LeadTable | null;
  names: { target: string | null; referrer: string | null };
}

const NOT_EDITABLE: RowIssue = {
  column: null,
  message: {
    zh: '无权修改该线索：只有其负责人或管理员可以修改',
    en: 'You may not change this lead: only its owner or an admin may',
  },
};

/**
 * Leads: each row is checked like POST /api/leads (route schema, then the lead service's rules:
 * a referral names its referrer, the owner is an officer…). The target and referrer are firms by
 * USCC or name; a target not in the register stays free text, as the form allows. A row matches an
 * existing lead by its code, else by the same title and target; matched leads are updated.
 */
export const planLeadImport: Planner = async (ctx, sheet, progress) => {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const issues: Issues = new Map();
  const drafts: Array<{ rowNumber: number; draft: LeadDraft }> = [];
  const failed: FailedRow[] = [];
  for (const row of sheet.rows) {
    const v = checkRow('lead', sheet.columnIndex, row.cells, validateLeadRow);
    if (v.draft) drafts.push({ rowNumber: row.rowNumber, draft: v.draft });
    else failed.push({ rowNumber: row.rowNumber, values: v.values, issues: v.issues });
  }

  const firms = await resolveFirmRefs(db, [
    ...drafts.flatMap(({ draft }) => [draft.target, ...(draft.referrer ? [draft.referrer] : [])]),
    ...failed.flatMap((f) => textValue(f.values, 'referrer')),
  ]);
  const users = await resolveUsers(db, [
    ...drafts.flatMap(({ draft }) => (draft.owner ? [draft.owner] : [])),
    ...failed.flatMap((f) => textValue(f.values, 'owner')),
  ]);
  // A target not in the register is free text, so only the referrer and owner can be unknown.
  reportFailedRows(issues, failed, (row) => [
    ...textValue(row.values, 'referrer').flatMap((ref) => {
      const r = firms.get(ref);
      return r && !r.ok ? [issueAt('lead', 'referrerFirmId', r.message)] : [];
    }),
    ...textValue(row.values, 'owner').flatMap((ref) => {
      const u = users.get(ref);
      return u && !u.ok ? [issueAt('lead', 'ownerId', u.message)] : [];
    }),
  ]);
  const links = await resolveLinkRefs(db, chainLinkTexts(drafts.map((d) => d.draft.body)));
  const codes = drafts.flatMap(({ draft }) => (draft.code ? [draft.code] : []));
  const byCode = new Map((await repo.leadsByCode(db, codes)).map((l) => [l.code, l]));
  const byTitle = new Map<string, LeadTable[]>();
  for (const l of await repo.leadsByTitle(
    db,
    drafts.filter((d) => !d.draft.code).map((d) => d.draft.body.title),
  )) {
    byTitle.set(l.title, [...(byTitle.get(l.title) ?? []), l]);
  }

  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  let n = 0;
  for (const { rowNumber, draft } of drafts) {
    if (++n % PROGRESS_EVERY === 0) await progress(n);
    const rowIssues: RowIssue[] = [];
    const input: Planned['input'] = { ...draft.body };
    applyLinkRef(input, links);
    let targetName: string | null = null;
    const target = firms.get(draft.target);
    if (target?.ok) {
      input.targetFirmId = target.id;
      input.targetFirmName = null;
      targetName = target.name;
    } else if (target && (target.reason !== 'not_found' || looksLikeUscc(draft.target))) {
      rowIssues.push(issueAt('lead', 'targetFirmId', target.message));
    } else {
      // Not in the register: the lead names its target in free text, as the form allows.
      const t = leadFields.targetFirmName.safeParse(draft.target);
      if (t.success) {
        input.targetFirmId = null;
        input.targetFirmName = t.data ?? null;
      } else rowIssues.push(issueAt('lead', 'targetFirmName', { zh: '名称过长', en: 'name too long' }));
    }
    let referrerName: string | null = null;
    if (draft.referrer) {
      const r = firms.get(draft.referrer);
      if (r?.ok) {
        input.referrerFirmId = r.id;
        referrerName = r.name;
      } else if (r) rowIssues.push(issueAt('lead', 'referrerFirmId', r.message));
    }
    if (draft.owner) {
      const u = users.get(draft.owner);
      if (u?.ok) input.ownerId = u.id;
      else if (u) rowIssues.push(issueAt('lead', 'ownerId', u.message));
    }
    const key = draft.code
      ? `c:${draft.code}`
      : `t:${input.title}\u0000${input.targetFirmId ?? input.targetFirmName}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rowIssues.push(
        duplicateOf(
          'lead',
          first,
          draft.code ? { zh: '线索编号', en: 'code' } : { zh: '名称和目标企业', en: 'title and target' },
        ),
      );
    } else seen.set(key, rowNumber);

    let before: LeadTable | null = null;
    if (draft.code) before = byCode.get(draft.code) ?? null;
    else {
      const same = (byTitle.get(input.title) ?? []).filter((l) =>
        input.targetFirmId
          ? l.target_firm_id === input.targetFirmId
          : !l.target_firm_id && l.target_name === input.targetFirmName,
      );
      if (same.length > 1) {
        rowIssues.push(
          issueAt('lead', 'code', {
            zh: `已有${same.length}条同名线索，请填写线索编号以指明更新哪一条`,
            en: `${same.length} leads have this title and target; give the lead code`,
          }),
        );
      }
      before = same.length === 1 ? (same[0] ?? null) : null;
    }
    if (before) {
      try {
        assertLeadEditable(actor, before);
      } catch {
        rowIssues.push(NOT_EDITABLE);
      }
    }
    if (rowIssues.length === 0) {
      const fields = rowFields(input);
      const merged = before
        ? { ...before, ...fields }
        : {
            source: input.source,
            referrer_firm_id: null,
            target_firm_id: null,
            target_name: null,
            owner_id: actor.role === 'officer' ? actor.userId : null,
            ...fields,
          };
      try {
        await checkLead(db, merged);
      } catch (err) {
        rowIssues.push(...appErrorIssues('lead', err));
      }
    }
    if (rowIssues.length > 0) addIssues(issues, rowNumber, rowIssues);
    else
      planned.push({
        rowNumber,
        code: draft.code,
        input,
        before,
        names: { target: targetName, referrer: referrerName },
      });
  }
  await progress(sheet.rows.length);

  return {
    issues,
    async write(trx): Promise<ImportCounts> {
      const now = ctx.clock.now();
      const nowIso = now.toISOString();
      const explicit = new Set(planned.flatMap((p) => (p.code ? [p.code] : [])));
      let generated: { head: string; next: number } | null = null;
      const newCode = async () => {
        if (!generated) {
          const first = await nextCode(trx, 'lead', 'XS', todayInShanghai(now).slice(0, 4));
          const head = first.slice(0, first.lastIndexOf('-') + 1);
          generated = { head, next: Number.parseInt(first.slice(head.length), 10) };
        }
        let code: string;
        do code = `${generated.head}${String(generated.next++).padStart(5, '0')}`;
        while (explicit.has(code));
        return code;
      };
      const creates: Insertable<Database['lead']>[] = [];
      const audits: AuditEntry[] = [];
      const updatedIds: string[] = [];
      const late: Issues = new Map();
      let unchanged = 0;
      for (const p of planned) {
        const fields = rowFields(p.input);
        if (!p.before) {
          const row: LeadTable = {
            id: newId(),
            code: p.code ?? (await newCode()),
            title: p.input.title,
            target_firm_id: null,
            target_name: null,
            source: p.input.source,
            referrer_firm_id: null,
            chain_link: null,
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
            ...fields,
          };
          row.search_text = leadSearchText(row, [p.names.target, p.names.referrer]);
          creates.push(row);
          audits.push({ entity: 'lead', entityId: row.id, action: 'create', after: auditableLead(row) });
          continue;
        }
        const before = p.before;
        if (sameValues(before as unknown as Record<string, unknown>, fields)) {
          unchanged++;
          continue;
        }
        const patch = { ...fields, updated_at: nowIso };
        if (!(await updateLeadVersioned(trx, before.id, before.version, patch))) {
          addIssues(late, p.rowNumber, [
            {
              column: null,
              message: {
                zh: '该线索在导入期间被他人修改，请重新导入',
                en: 'Someone changed this lead during the import; import again',
              },
            },
          ]);
          continue;
        }
        updatedIds.push(before.id);
        audits.push({
          entity: 'lead',
          entityId: before.id,
          action: 'update',
          before: auditableLead(before),
          after: auditableLead({ ...before, ...patch, version: before.version + 1 }),
        });
      }
      if (late.size > 0) throw new RowsRefused(late);
      try {
        await repo.insertLeads(trx, creates);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw errors.conflict('IMPORT_CODE_TAKEN', {
          zh: '线索编号在导入期间被占用（有人同时新建了线索），请重新导入',
          en: 'A lead code was taken during the import (someone created a lead meanwhile); import again',
        });
      }
      for (let i = 0; i < updatedIds.length; i += repo.BATCH) {
        await refreshLeadSearchText(trx, updatedIds.slice(i, i + repo.BATCH));
      }
      for (let i = 0; i < audits.length; i += repo.BATCH) {
        await writeAuditBatch(trx, ctx, audits.slice(i, i + repo.BATCH));
        await yieldToLoop();
      }
      return { created: creates.length, updated: updatedIds.length, unchanged };
    },
  };
};
