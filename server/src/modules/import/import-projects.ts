import type { ProjectTable } from '../../db/database';
import { requireActor } from '../../plugins/context';
import { AppError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertProjectEditable } from '../project/project.policy';
import { auditableProject } from '../project/project.presenter';
import {
  type CreateProjectInput,
  checkRefs,
  insertProjectRecord,
  replaceInvestors,
  updateProjectVersioned,
} from '../project/project.service';
import { recordChangedFigureSources } from '../project/project-figure-provenance';
import { rowFields } from '../project/project-input';
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
  type ProjectDraft,
  type RowIssue,
  validateProjectRow,
} from './import-rows';

interface Planned {
  rowNumber: number;
  input: CreateProjectInput;
  before: ProjectTable | null;
  beforeInvestors: Array<{ firmId: string; sharePct: number | null }>;
}

const NOT_EDITABLE: RowIssue = {
  column: null,
  message: {
    zh: '无权修改该项目：只有其招商专员或管理员可以修改',
    en: 'You may not change this project: only its officer or an admin may',
  },
};

/**
 * Projects: each row is checked like POST /api/projects (route schema; the project service's
 * reference checks: investors exist, shares ≤ 100 %, the officer is an officer). A new project is
 * created by the service's own create (stage machine, stage event, search text, audit) inside the
 * import's transaction, so a stage the project lacks the fields for is refused as in the form; the
 * whole import then rolls back and the row is reported. A row matches an existing project by its
 * code, else by its exact name (when one project has it); matched projects are updated (not their
 * stage: stage moves are explicit actions with a date, on the project page).
 */
export const planProjectImport: Planner = async (ctx, sheet, progress) => {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const issues: Issues = new Map();
  const drafts: Array<{ rowNumber: number; draft: ProjectDraft }> = [];
  const failed: FailedRow[] = [];
  for (const row of sheet.rows) {
    const v = checkRow('project', sheet.columnIndex, row.cells, validateProjectRow);
    if (v.draft) drafts.push({ rowNumber: row.rowNumber, draft: v.draft });
    else failed.push({ rowNumber: row.rowNumber, values: v.values, issues: v.issues });
  }
  const investorRefs = (values: Record<string, unknown>) =>
    ((values.investors as Array<{ ref: string }> | undefined) ?? []).map((i) => i.ref);

  const firms = await resolveFirmRefs(db, [
    ...drafts.flatMap(({ draft }) => (draft.investors ?? []).map((i) => i.ref)),
    ...failed.flatMap((f) => investorRefs(f.values)),
  ]);
  const users = await resolveUsers(db, [
    ...drafts.flatMap(({ draft }) => (draft.officer ? [draft.officer] : [])),
    ...failed.flatMap((f) => textValue(f.values, 'officer')),
  ]);
  reportFailedRows(issues, failed, (row) => [
    ...investorRefs(row.values).flatMap((ref) => {
      const f = firms.get(ref);
      return f && !f.ok ? [issueAt('project', 'investors', f.message)] : [];
    }),
    ...textValue(row.values, 'officer').flatMap((ref) => {
      const u = users.get(ref);
      return u && !u.ok ? [issueAt('project', 'officerId', u.message)] : [];
    }),
  ]);
  const links = await resolveLinkRefs(db, chainLinkTexts(drafts.map((d) => d.draft.body)));
  const byCode = new Map(
    (
      await repo.projectsByCode(
        db,
        drafts.flatMap(({ draft }) => (draft.code ? [draft.code] : [])),
      )
    ).map((p) => [p.code, p]),
  );
  const byName = new Map<string, ProjectTable[]>();
  for (const p of await repo.projectsByName(
    db,
    drafts.filter((d) => !d.draft.code).map((d) => d.draft.body.name),
  )) {
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  }

  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  let n = 0;
  for (const { rowNumber, draft } of drafts) {
    if (++n % PROGRESS_EVERY === 0) await progress(n);
    const rowIssues: RowIssue[] = [];
    const input: CreateProjectInput = { ...draft.body, ...(draft.code ? { code: draft.code } : {}) };
    applyLinkRef(input, links);
    if (draft.investors) {
      const investors: Array<{ firmId: string; sharePct: number | null }> = [];
      for (const i of draft.investors) {
        const f = firms.get(i.ref);
        if (f?.ok) investors.push({ firmId: f.id, sharePct: i.sharePct });
        else if (f) rowIssues.push(issueAt('project', 'investors', f.message));
      }
      input.investors = investors;
    }
    if (draft.officer) {
      const u = users.get(draft.officer);
      if (u?.ok) input.officerId = u.id;
      else if (u) rowIssues.push(issueAt('project', 'officerId', u.message));
    }
    const key = draft.code ? `c:${draft.code}` : `n:${input.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rowIssues.push(
        duplicateOf(
          'project',
          first,
          draft.code ? { zh: '项目编号', en: 'code' } : { zh: '项目名称', en: 'name' },
        ),
      );
    } else seen.set(key, rowNumber);

    let before: ProjectTable | null = null;
    if (draft.code) before = byCode.get(draft.code) ?? null;
    else {
      const same = byName.get(input.name) ?? [];
      if (same.length > 1) {
        rowIssues.push(
          issueAt('project', 'code', {
            zh: `已有${same.length}个同名项目，请填写项目编号以指明更新哪一个`,
            en: `${same.length} projects have this name; give the project code`,
          }),
        );
      }
      before = same.length === 1 ? (same[0] ?? null) : null;
    }
    if (before) {
      try {
        assertProjectEditable(actor, before);
      } catch {
        rowIssues.push(NOT_EDITABLE);
      }
    }
    if (rowIssues.length === 0) {
      try {
        await checkRefs(db, input);
      } catch (err) {
        rowIssues.push(...appErrorIssues('project', err));
      }
    }
    if (rowIssues.length > 0) addIssues(issues, rowNumber, rowIssues);
    else planned.push({ rowNumber, input, before, beforeInvestors: [] });
  }
  const updating = planned.flatMap((p) => (p.before ? [p.before.id] : []));
  const investorRows = await repo.investorsOfProjects(db, updating);
  for (const p of planned) {
    if (!p.before) continue;
    const id = p.before.id;
    p.beforeInvestors = investorRows
      .filter((r) => r.project_id === id)
      .map((r) => ({ firmId: r.firm_id, sharePct: r.share_pct === null ? null : Number(r.share_pct) }));
  }
  await progress(sheet.rows.length);

  return {
    issues,
    async write(trx): Promise<ImportCounts> {
      const nowIso = ctx.clock.now().toISOString();
      const late: Issues = new Map();
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const p of planned) {
        if (!p.before) {
          try {
            await insertProjectRecord(ctx, trx, { ...p.input, provenance: { origin: 'import' } });
            created++;
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            addIssues(late, p.rowNumber, appErrorIssues('project', err));
          }
          continue;
        }
        const before = p.before;
        const fields = rowFields(p.input);
        const investors = p.input.investors?.map((i) => ({ firmId: i.firmId, sharePct: i.sharePct ?? null }));
        const investorsChanged =
          investors !== undefined && JSON.stringify(investors) !== JSON.stringify(p.beforeInvestors);
        if (!investorsChanged && sameValues(before as unknown as Record<string, unknown>, fields)) {
          unchanged++;
          continue;
        }
        const patch = { ...fields, updated_at: nowIso };
        if (!(await updateProjectVersioned(trx, before.id, before.version, patch))) {
          addIssues(late, p.rowNumber, [
            {
              column: null,
              message: {
                zh: '该项目在导入期间被他人修改，请重新导入',
                en: 'Someone changed this project during the import; import again',
              },
            },
          ]);
          continue;
        }
        await recordChangedFigureSources(trx, ctx, before, p.input, { origin: 'import' });
        if (investors && investorsChanged) await replaceInvestors(trx, before.id, investors);
        await refreshProjectDerivedColumns(trx, [before.id]);
        await writeAudit(trx, ctx, {
          entity: 'project',
          entityId: before.id,
          action: 'update',
          before: { ...auditableProject(before), investors: p.beforeInvestors },
          after: {
            ...auditableProject({ ...before, ...patch, version: before.version + 1 }),
            investors: investors ?? p.beforeInvestors,
          },
        });
        updated++;
      }
      if (late.size > 0) throw new RowsRefused(late);
      return { created, updated, unchanged };
    },
  };
};
