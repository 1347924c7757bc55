import { PassThrough, Readable } from 'node:stream';
// Loaded on first use, not at start: exceljs alone was a fifth of the server's start-up (decision 012).
import type ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../../../../shared/src/excel-limits';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { AppError } from '../../plugins/errors';
import { checkCellSizes } from '../../upload/sheet-caps';
import { firstWorksheetRows } from '../../upload/xlsx-first-sheet';
import { checkZipContents } from '../../upload/zip-guard';
import { cellText } from './import-cells';
import { COLUMNS_OF, type ImportColumn, type ImportKind, KIND_LABELS } from './import-columns';

/**
 * The xlsx side of the import: the template people fill in, reading an uploaded file (streaming:
 * a 50k-row sheet is never held as an exceljs object model), and the error file handed back.
 */

/** Template layout: Chinese headers, then the English line, then the hints row, then data. */
export const TEMPLATE_ROWS = { header: 1, english: 2, hints: 3, firstData: 4 } as const;
/**
 * Rows that get the dropdowns. Excel stores a validation as one range, but readers (exceljs among
 * them) expand ranges cell by cell, so the range stays modest; typed values are checked anyway.
 */
const VALIDATED_ROWS = 5000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
/** The heading of the error file's message column (how a re-imported error file is recognised). */
const ERROR_HEADER = '错误 / Error';
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The dropdown list of a column as an inline Excel list (all ours are far below 255 characters). */
function listFormula(col: ImportColumn): string | null {
  return col.options ? `"${col.options.map((o) => o.zh).join(',')}"` : null;
}

/** exceljs has `dataValidations` on a worksheet but leaves it out of its type definitions. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * A sheet another area imports with the same template layout, guards and error file (issue 14's
 * actual figures): its name and columns; `rematch` replaces the help line on importing twice.
 * Plain data, so it crosses into the parse worker.
 */
export interface SheetSpec {
  label: Bilingual;
  columns: readonly ImportColumn[];
  rematch?: string;
}

function specOf(kind: ImportKind | SheetSpec): SheetSpec {
  return typeof kind === 'string' ? { label: KIND_LABELS[kind], columns: COLUMNS_OF[kind] } : kind;
}

/** The import template of `kind`: headers, English line, hints row, dropdowns, a 说明 sheet. */
export async function buildTemplate(kind: ImportKind | SheetSpec): Promise<Buffer> {
  const spec = specOf(kind);
  const columns = spec.columns;
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Lianzhao 链招';
  const ws = wb.addWorksheet(spec.label.zh, {
    views: [{ state: 'frozen', ySplit: TEMPLATE_ROWS.hints }],
  });
  ws.columns = columns.map((c) => ({ width: c.width ?? 16 }));
  const header = ws.getRow(TEMPLATE_ROWS.header);
  const english = ws.getRow(TEMPLATE_ROWS.english);
  const hints = ws.getRow(TEMPLATE_ROWS.hints);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `${c.zh}*` : c.zh;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    cell.note = `${c.en}${c.hint ? `\n${c.hint}` : ''}`;
    const en = english.getCell(i + 1);
    en.value = c.en;
    en.font = { italic: true, color: { argb: 'FF808080' } };
    const hint = hints.getCell(i + 1);
    hint.value = c.hint || null;
    hint.font = { color: { argb: 'FF808080' }, size: 9 };
    hint.alignment = { wrapText: true, vertical: 'top' };
    const letter = colLetter(i + 1);
    const range = `${letter}${TEMPLATE_ROWS.firstData}:${letter}${TEMPLATE_ROWS.firstData + VALIDATED_ROWS - 1}`;
    const formula = listFormula(c);
    if (formula) {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: '请从下拉列表选择',
        error: `可选：${c.options?.map((o) => o.zh).join('、')}`,
      });
    }
    if (c.type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  hints.height = 42;

  const help = wb.addWorksheet('说明 Help');
  help.columns = [{ width: 24 }, { width: 16 }, { width: 60 }, { width: 40 }];
  help.addRow([`${spec.label.zh}导入说明 / How to import ${spec.label.en}`]).font = {
    bold: true,
  };
  help.addRow([
    '从第4行起每行一条记录；带 * 的列必填。任何一行有错时整个文件都不写入，并可下载标出错误的文件，改正后重新导入。',
  ]);
  help.addRow([
    'One record per row from row 4; columns marked * are required. If any row is wrong nothing is written: download the error file, fix it and import it again.',
  ]);
  help.addRow([
    spec.rematch ??
      '再次导入同一文件不会重复：企业按统一社会信用代码（其次按名称）匹配，线索、项目按编号匹配，匹配到的记录只更新填写了的列。',
  ]);
  help.addRow([]);
  help.addRow(['列 Column', 'English', '填写说明 Hint', '可选值 Options']).font = { bold: true };
  for (const c of columns) {
    help.addRow([
      c.required ? `${c.zh}*` : c.zh,
      c.en,
      c.hint,
      c.options ? c.options.map((o) => o.zh).join('、') : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  rowNumber: number;
  /** exceljs values by 1-based column index (sparse). */
  cells: unknown[];
}

export interface ParsedSheet {
  /** The sheet's name (the error file's sheet is named after it). */
  label: Bilingual;
  headerRow: SheetRow;
  /** Rows between the header and the data (the English line, the hints row): kept for the error file. */
  preamble: SheetRow[];
  rows: SheetRow[];
  /** Column key → 1-based column index in the uploaded sheet. */
  columnIndex: Map<string, number>;
}

/** `cause`: the reader's own error text, for the server log only (never shown to the person). */
export type ReadResult = { ok: true; sheet: ParsedSheet } | { ok: false; message: Bilingual; cause?: string };

function headerKey(v: unknown): string {
  const t = cellText(v) ?? '';
  return (t.split('\n')[0] ?? '').normalize('NFKC').replace(/[*\s]/g, '').toLowerCase();
}

export function matchHeader(columns: readonly ImportColumn[], cells: unknown[]): Map<string, number> {
  const byLabel = new Map<string, string>();
  for (const c of columns) {
    byLabel.set(headerKey(c.zh), c.key);
    byLabel.set(headerKey(c.en), c.key);
  }
  const found = new Map<string, number>();
  cells.forEach((v, i) => {
    const key = byLabel.get(headerKey(v));
    if (key && !found.has(key)) found.set(key, i);
  });
  return found;
}

/** The English line or the hints row of the template (skipped, kept for the error file). */
export function isPreamble(
  columns: readonly ImportColumn[],
  index: Map<string, number>,
  cells: unknown[],
): boolean {
  let same = 0;
  let filled = 0;
  for (const c of columns) {
    const i = index.get(c.key);
    const t = i === undefined ? null : cellText(cells[i]);
    if (t === null) continue;
    filled++;
    if (t === c.en || t === c.hint) same++;
  }
  return filled > 0 && same * 2 >= filled;
}

export const isBlank = (cells: unknown[]) => cells.every((v) => cellText(v) === null);

/** Not an xlsx at all (an xlsx is a zip archive): answered with a 400 before any job starts. */
export function looksLikeXlsx(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface SheetScan {
  headerRow: SheetRow | null;
  columnIndex: Map<string, number>;
  preamble: SheetRow[];
  rows: SheetRow[];
  tooMany: boolean;
}

/** One streaming pass over the first worksheet; throws what the reader throws. */
async function scanFirstSheet(
  bytes: Buffer,
  columns: readonly ImportColumn[],
  required: readonly ImportColumn[],
  maxRows: number,
): Promise<SheetScan> {
  const excel = (await import('exceljs')).default;
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  const scan: SheetScan = { headerRow: null, columnIndex: new Map(), preamble: [], rows: [], tooMany: false };
  let seen = 0;
  let scanned = 0;
  for await (const row of firstWorksheetRows(reader)) {
    const cells = (row.values as unknown[]).slice();
    checkCellSizes(cells, row.number);
    if (++scanned > maxRows * 2) {
      scan.tooMany = true;
      break;
    }
    if (!scan.headerRow) {
      if (++seen > 10) break;
      const index = matchHeader(columns, cells);
      if (required.every((c) => index.has(c.key))) {
        scan.headerRow = { rowNumber: row.number, cells };
        scan.columnIndex = index;
      }
      continue;
    }
    if (isBlank(cells)) continue;
    if (scan.rows.length === 0 && isPreamble(columns, scan.columnIndex, cells)) {
      scan.preamble.push({ rowNumber: row.number, cells });
      continue;
    }
    if (scan.rows.length >= maxRows) {
      scan.tooMany = true;
      break;
    }
    scan.rows.push({ rowNumber: row.number, cells });
  }
  return scan;
}

/**
 * Reads the first worksheet of an uploaded file with the streaming reader. The header row is the
 * first of the top 10 rows that names every required column (in any order, Chinese or English).
 * A cell longer than Excel allows is refused (AppError); so is a sheet of more than twice `maxRows`
 * rows, blank ones included, so that a million empty rows cannot keep the reader busy.
 */
export async function readImportSheet(
  bytes: Buffer,
  kind: ImportKind | SheetSpec,
  maxRows: number = IMPORT_LIMITS.maxRows,
): Promise<ReadResult> {
  const spec = specOf(kind);
  const columns = spec.columns;
  const required = columns.filter((c) => c.required);
  let scan: SheetScan;
  try {
    scan = await scanFirstSheet(bytes, columns, required, maxRows);
  } catch (first) {
    if (first instanceof AppError) throw first;
    // The zip was inflated and checked before this read (checkZipContents), so a throw from the
    // streaming reader on it is rare and was seen to pass on a second read of the same bytes (a
    // flaky API test): read once more before telling the person their file is unreadable.
    try {
      scan = await scanFirstSheet(bytes, columns, required, maxRows);
    } catch (second) {
      if (second instanceof AppError) throw second;
      return {
        ok: false,
        message: {
          zh: '无法读取该文件：请上传用下载的模板填写的 .xlsx 文件',
          en: 'Could not read the file: upload an .xlsx made from the downloaded template',
        },
        cause: `${String(first)} / ${String(second)}`,
      };
    }
  }
  const { headerRow, columnIndex, preamble, rows, tooMany } = scan;
  if (!headerRow) {
    return {
      ok: false,
      message: {
        zh: `未找到表头：第一张工作表的前10行中须有必填列（${required.map((c) => c.zh).join('、')}）；请使用${spec.label.zh}导入模板`,
        en: `No header row: the first sheet must name the required columns (${required.map((c) => c.en).join(', ')}) in its first 10 rows; use the ${spec.label.en} template`,
      },
    };
  }
  if (tooMany) {
    return {
      ok: false,
      message: {
        zh: `文件超过 ${maxRows} 行数据，请拆分后分批导入`,
        en: `The file has more than ${maxRows} data rows; split it and import the parts`,
      },
    };
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message: {
        zh: '文件中没有数据行（从表头下方开始填写）',
        en: 'The file has no data rows below the header',
      },
    };
  }
  return { ok: true, sheet: { label: spec.label, headerRow, preamble, rows, columnIndex } };
}

/**
 * The import's reader as the parse worker runs it: every zip entry inflated and counted against the
 * xlsx caps first, then the streaming read.
 */
export async function readImportUpload(params: {
  bytes: Uint8Array;
  kind: ImportKind | SheetSpec;
  maxRows?: number;
}): Promise<ReadResult> {
  const bytes = Buffer.from(params.bytes.buffer, params.bytes.byteOffset, params.bytes.byteLength);
  await checkZipContents(bytes, UPLOAD_LIMITS.xlsx);
  return readImportSheet(bytes, params.kind, params.maxRows);
}

/** exceljs values that can be written back as they came (rich text is flattened to its text). */
function writable(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return cellText(v);
}

/**
 * The uploaded rows at their original row numbers with an 错误 Error column first, filled in
 * for each bad row (bad rows tinted). The importer ignores that column, so the fixed file can be
 * imported as it is; an error file imported again keeps its one 错误 column, refilled with this
 * round's messages (a fixed row's stale message is dropped).
 */
export async function buildErrorWorkbook(
  sheet: ParsedSheet,
  errorsByRow: ReadonlyMap<number, string>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const excel = (await import('exceljs')).default;
  const wb = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(`${sheet.label.zh}（错误）`);
  // The uploaded file is itself an error file: its 错误 column is reused, not shifted right.
  const prior = sheet.headerRow.cells.findIndex((c) => cellText(c) === ERROR_HEADER);
  const errorCol = prior > 0 ? prior : 1;
  const shift = prior > 0 ? 0 : 1;
  const width = Math.max(sheet.headerRow.cells.length - 1 + shift, 2);
  ws.columns = Array.from({ length: width }, (_, i) => ({ width: i + 1 === errorCol ? 48 : 16 }));
  const write = (r: SheetRow, first: string | null, style: 'header' | 'error' | 'plain') => {
    const row = ws.getRow(r.rowNumber);
    for (let i = 1; i < r.cells.length; i++) row.getCell(i + shift).value = writable(r.cells[i]);
    row.getCell(errorCol).value = first;
    if (style === 'header') row.font = { bold: true };
    if (style === 'error') {
      row.getCell(errorCol).fill = ERROR_FILL;
      row.getCell(errorCol).font = { color: { argb: 'FFC00000' } };
      row.getCell(errorCol).alignment = { wrapText: true, vertical: 'top' };
    }
    row.commit();
  };
  write(sheet.headerRow, ERROR_HEADER, 'header');
  for (const p of sheet.preamble) write(p, null, 'plain');
  for (const r of sheet.rows) {
    const e = errorsByRow.get(r.rowNumber) ?? null;
    write(r, e, e ? 'error' : 'plain');
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
