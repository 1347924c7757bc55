import { ACTUAL_PERIODS, type ActualSource } from '../../../../shared/src/agreement';
import type { ActualImportResult } from '../../../../shared/src/contract/agreement';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import type { ActualFigureTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { runParseTask } from '../../upload/parse-runner';
import { checkZipDirectory } from '../../upload/zip-guard';
import { writeAudit } from '../audit/audit.writer';
import { readCell } from '../import/import-cells';
import { formatIssues, type RowIssue } from '../import/import-rows';
import {
  buildErrorWorkbook,
  buildTemplate,
  looksLikeXlsx,
  type ParsedSheet,
} from '../import/import-workbook';
import * as repo from './actual.repository';
import { ACTUAL_COLUMNS, ACTUAL_SHEET, MEASURE_COLUMNS } from './actual-columns';

/** The actual-figures template (download, fill in, import). */
export function actualTemplate(): Promise<Buffer> {
  return buildTemplate(ACTUAL_SHEET);
}

interface DraftRow {
  rowNumber: number;
  firmRef: string;
  projectCode: string | null;
  year: number;
  period: string;
  source: ActualSource;
  confirmedBy: string | null;
  figures: Array<{ measure: string; value: number }>;
}

function readRow(cells: readonly unknown[], index: ReadonlyMap<string, number>) {
  const issues: RowIssue[] = [];
  const v: Record<string, unknown> = {};
  for (const col of ACTUAL_COLUMNS) {
    const i = index.get(col.key);
    const r = readCell(col, i === undefined ? undefined : cells[i]);
    if (!r.ok) issues.push({ column: col, message: r.message });
    else if (r.value !== null) v[col.key] = r.value;
    else if (col.required) issues.push({ column: col, message: { zh: '必填', en: 'required' } });
  }
  const col = (key: string) => ACTUAL_COLUMNS.find((c) => c.key === key) ?? null;
  const year = v.year as number | undefined;
  if (year !== undefined && (year < 2000 || year > 2100)) {
    issues.push({ column: col('year'), message: { zh: '须在 2000–2100 之间', en: 'between 2000 and 2100' } });
  }
  const month = v.month as number | undefined;
  if (month !== undefined && (month < 1 || month > 12)) {
    issues.push({ column: col('month'), message: { zh: '须为 1–12', en: 'must be 1–12' } });
  }
  const figures = MEASURE_COLUMNS.flatMap((c) =>
    typeof v[c.key] === 'number' ? [{ measure: c.key, value: v[c.key] as number }] : [],
  );
  for (const c of MEASURE_COLUMNS) {
    if (typeof v[c.key] === 'number' && (v[c.key] as number) < 0) {
      issues.push({ column: c, message: { zh: '不能为负数', en: 'cannot be negative' } });
    }
  }
  if (issues.length === 0 && figures.length === 0) {
    issues.push({ column: null, message: { zh: '该行没有填写任何数据', en: 'the row gives no figure' } });
  }
  const period = month === undefined ? 'Y' : (ACTUAL_PERIODS[month] ?? 'Y');
  const draft: Omit<DraftRow, 'rowNumber'> = {
    firmRef: String(v.firm ?? ''),
    projectCode: (v.projectCode as string | undefined) ?? null,
    year: year ?? 0,
    period,
    source: v.source as ActualSource,
    confirmedBy: (v.confirmedBy as string | undefined) ?? null,
    figures,
  };
  return { draft, issues };
}

/**
 * Imports a statistics or tax bureau table (officers and admins): all or nothing. Every row is read
 * and checked (cells, the firm and project it names) before anything is written; if any row is
 * wrong nothing is, and the answer carries the error file (the uploaded rows with an 错误 column).
 */
export async function importActuals(ctx: ServiceContext, bytes: Buffer): Promise<ActualImportResult> {
  const actor = requireActor(ctx);
  if (actor.role === 'enterprise') throw errors.forbidden();
  if (bytes.length === 0 || !looksLikeXlsx(bytes)) {
    const message = {
      zh: '上传的不是 Excel (.xlsx) 文件：请用下载的模板填写后上传',
      en: 'The upload is not an Excel (.xlsx) file: fill in the downloaded template and upload it',
    };
    throw errors.badRequest('IMPORT_NOT_XLSX', message, [{ path: 'file', message }]);
  }
  await checkZipDirectory(bytes, UPLOAD_LIMITS.xlsx);
  const read = await runParseTask('importSheet', { bytes, kind: ACTUAL_SHEET });
  if (!read.ok)
    throw errors.badRequest('IMPORT_UNREADABLE', read.message, [{ path: 'file', message: read.message }]);
  const sheet: ParsedSheet = read.sheet;
  const drafts: DraftRow[] = [];
  const issuesByRow = new Map<number, RowIssue[]>();
  for (const r of sheet.rows) {
    const { draft, issues } = readRow(r.cells, sheet.columnIndex);
    if (issues.length > 0) issuesByRow.set(r.rowNumber, issues);
    drafts.push({ ...draft, rowNumber: r.rowNumber });
  }
  const db = ctx.db.kysely;
  const refs = await repo.refsOf(
    db,
    drafts.map((d) => d.firmRef).filter(Boolean),
    drafts.flatMap((d) => (d.projectCode ? [d.projectCode] : [])),
  );
  const firmCol = ACTUAL_COLUMNS.find((c) => c.key === 'firm') ?? null;
  const projectCol = ACTUAL_COLUMNS.find((c) => c.key === 'projectCode') ?? null;
  const at = ctx.clock.now().toISOString();
  const rows: ActualFigureTable[] = [];
  for (const d of drafts) {
    if (issuesByRow.has(d.rowNumber)) continue;
    const issues: RowIssue[] = [];
    const firms = refs.firms.filter((f) => f.uscc === d.firmRef || f.name === d.firmRef);
    const firm = firms.length === 1 ? firms[0] : undefined;
    if (!firm) {
      issues.push({
        column: firmCol,
        message:
          firms.length > 1
            ? {
                zh: `“${d.firmRef}”对应多家企业，请填信用代码`,
                en: `"${d.firmRef}" names several firms; give the USCC`,
              }
            : { zh: `企业库中没有“${d.firmRef}”`, en: `No firm "${d.firmRef}" in the firm register` },
      });
    }
    const project = d.projectCode ? refs.projects.find((p) => p.code === d.projectCode) : undefined;
    if (d.projectCode && !project) {
      issues.push({
        column: projectCol,
        message: { zh: `没有编号为“${d.projectCode}”的项目`, en: `No project "${d.projectCode}"` },
      });
    } else if (
      firm &&
      project &&
      !refs.investors.some((i) => i.project_id === project.id && i.firm_id === firm.id)
    ) {
      issues.push({
        column: projectCol,
        message: { zh: '该企业不是此项目的投资方', en: 'The firm does not invest in this project' },
      });
    }
    if (issues.length > 0 || !firm) {
      issuesByRow.set(d.rowNumber, issues);
      continue;
    }
    for (const f of d.figures) {
      rows.push({
        id: newId(),
        project_id: project?.id ?? null,
        firm_id: firm.id,
        year: d.year,
        period: d.period,
        measure: f.measure,
        value: f.value,
        source: d.source,
        confirmed_by: d.confirmedBy,
        note: null,
        is_sample: 0,
        actor_name: actor.username,
        created_at: at,
      });
    }
  }
  if (issuesByRow.size > 0) {
    const byRow = new Map([...issuesByRow].map(([row, list]) => [row, `第${row}行：${formatIssues(list)}`]));
    const file = await buildErrorWorkbook(sheet, byRow);
    return {
      ok: false,
      imported: 0,
      errorCount: issuesByRow.size,
      errors: [...byRow].map(([row, message]) => ({ row, message })),
      errorFile: file.toString('base64'),
    };
  }
  await db.transaction().execute(async (trx) => {
    await repo.insertActuals(trx, rows);
    await writeAudit(trx, ctx, {
      entity: 'actual_figure',
      entityId: null,
      action: 'import',
      after: {
        rows: sheet.rows.length,
        figures: rows.length,
        sources: [...new Set(rows.map((r) => r.source))],
      },
    });
  });
  return { ok: true, imported: rows.length, errorCount: 0, errors: [], errorFile: null };
}
