import fs from 'node:fs';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { UPLOAD_LIMITS } from '../../../../../shared/src/upload-limits';
import { AppError } from '../../../plugins/errors';
import { checkCellSizes } from '../../../upload/sheet-caps';
import { firstWorksheetRows } from '../../../upload/xlsx-first-sheet';
import { checkZipContents } from '../../../upload/zip-guard';
import { COLUMNS_OF } from '../import-columns';
import { isBlank, isPreamble, matchHeader, type SheetRow } from '../import-workbook';
import { type CsvEncoding, CsvFormatError, detectCsvEncoding, readCsvRecords } from './bulk-csv';

/**
 * The rows of a bulk firm file, streamed: a CSV (read by bytes, see bulk-csv.ts) or an xlsx (the
 * first worksheet through exceljs's streaming WorkbookReader). Headers are the firm template's, in
 * Chinese or English, in any order, found in the first 10 rows; the template's English line and
 * hints row are skipped. Rows carry the number a spreadsheet program shows for them.
 */

export type BulkFormat = 'csv' | 'xlsx';

export interface BulkRow extends SheetRow {
  /** CSV: the byte offset right after this row (where a resumed run may seek to); xlsx: 0. */
  end: number;
}

export class SourceError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
  }
}

const HEADER_WITHIN = 10;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The first bytes of a file (format and encoding are judged on them). */
async function head(path: string, bytes = 64 * 1024): Promise<Buffer> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** xlsx when the file is a zip archive (whatever its name), else CSV. */
export async function sniffFormat(
  path: string,
): Promise<{ format: BulkFormat; encoding: CsvEncoding | null }> {
  const h = await head(path);
  if (h.length === 0) throw new SourceError({ zh: '文件是空的', en: 'The file is empty' });
  if (ZIP_MAGIC.every((b, i) => h[i] === b)) return { format: 'xlsx', encoding: null };
  try {
    return { format: 'csv', encoding: detectCsvEncoding(h).encoding };
  } catch (err) {
    if (err instanceof CsvFormatError) throw new SourceError({ zh: err.zh, en: err.en });
    throw err;
  }
}

const noHeader = (): SourceError => {
  const required = COLUMNS_OF.firm.filter((c) => c.required);
  return new SourceError({
    zh: `未找到表头：前${HEADER_WITHIN}行中须有必填列（${required.map((c) => c.zh).join('、')}）；请使用企业库导入模板的表头`,
    en: `No header row: the first ${HEADER_WITHIN} rows must name the required columns (${required.map((c) => c.en).join(', ')}); use the firm template's headers`,
  });
};

export interface OpenedSource {
  format: BulkFormat;
  encoding: CsvEncoding | null;
  headerRow: SheetRow;
  columnIndex: Map<string, number>;
  /** Data rows after row `afterRow` (CSV: starting at byte `afterByte`, the end of that row). */
  rows(): AsyncGenerator<BulkRow>;
}

/** Raw rows of the file (header, preamble and data alike), numbered from 1. */
type RawRows = (from: { row: number; byte: number }) => AsyncGenerator<BulkRow>;

function csvRows(path: string, encoding: CsvEncoding): RawRows {
  return async function* ({ row, byte }) {
    const bom = byte === 0 ? detectCsvEncoding(await head(path, 3)).bom : 0;
    const start = Math.max(byte, bom);
    const stream = fs.createReadStream(path, { start, highWaterMark: 1024 * 1024 });
    let n = row;
    try {
      for await (const rec of readCsvRecords(stream as AsyncIterable<Buffer>, encoding, start)) {
        n++;
        yield { rowNumber: n, cells: rec.fields, end: rec.end };
      }
    } catch (err) {
      if (err instanceof CsvFormatError) {
        throw new SourceError({ zh: `第${n + 1}行：${err.zh}`, en: `Row ${n + 1}: ${err.en}` });
      }
      throw err;
    } finally {
      stream.destroy();
    }
  };
}

/**
 * Before exceljs reads a bulk workbook (on the main thread, in batches): the zip's layout is checked
 * and its shared strings, which the reader holds whole, are inflated and counted against the cap
 * (their declared size can lie). The sheets themselves stream, so only the ratio bounds them.
 */
async function checkBulkWorkbook(path: string): Promise<void> {
  try {
    await checkZipContents(path, UPLOAD_LIMITS.bulkXlsx, (name) => name === 'xl/sharedStrings.xml');
  } catch (err) {
    if (err instanceof AppError) throw new SourceError(err.bilingual);
    throw err;
  }
}

function xlsxRows(path: string): RawRows {
  return async function* ({ row }) {
    const excel = (await import('exceljs')).default;
    const reader = new excel.stream.xlsx.WorkbookReader(fs.createReadStream(path), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
    });
    for await (const r of firstWorksheetRows(reader)) {
      // An xlsx cannot be entered in the middle: a resumed run reads and skips up to `row`.
      if (r.number <= row) continue;
      const cells = (r.values as unknown[]).slice();
      try {
        checkCellSizes(cells, r.number);
      } catch (err) {
        if (err instanceof AppError) throw new SourceError(err.bilingual);
        throw err;
      }
      yield { rowNumber: r.number, cells, end: 0 };
    }
  };
}

/**
 * Opens a bulk file and finds its header. `resume` is where the last finished batch ended (row
 * number and CSV byte offset); rows up to it are not produced again.
 */
export async function openSource(
  path: string,
  resume: { row: number; byte: number } = { row: 0, byte: 0 },
): Promise<OpenedSource> {
  const { format, encoding } = await sniffFormat(path);
  if (format === 'xlsx') await checkBulkWorkbook(path);
  const raw = format === 'csv' && encoding ? csvRows(path, encoding) : xlsxRows(path);
  const columns = COLUMNS_OF.firm;
  const required = columns.filter((c) => c.required);

  let headerRow: SheetRow | null = null;
  let columnIndex = new Map<string, number>();
  let headerEnd = { row: 0, byte: 0 };
  let seen = 0;
  try {
    for await (const r of raw({ row: 0, byte: 0 })) {
      if (++seen > HEADER_WITHIN) break;
      const index = matchHeader(columns, r.cells);
      if (required.every((c) => index.has(c.key))) {
        headerRow = { rowNumber: r.rowNumber, cells: r.cells };
        columnIndex = index;
        headerEnd = { row: r.rowNumber, byte: r.end };
        break;
      }
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError({
      zh: '无法读取该文件：请上传 CSV 或用模板填写的 .xlsx 文件',
      en: 'Could not read the file: upload a CSV or an .xlsx made from the template',
    });
  }
  if (!headerRow) throw noHeader();
  const header = headerRow;
  const from = resume.row > headerEnd.row ? resume : headerEnd;
  return {
    format,
    encoding,
    headerRow: header,
    columnIndex,
    async *rows() {
      // The template's English line and hints row come before any data (never after a resume).
      let data = from !== headerEnd;
      for await (const r of raw(from)) {
        if (isBlank(r.cells)) continue;
        if (!data && isPreamble(columns, columnIndex, r.cells)) continue;
        data = true;
        yield r;
      }
    },
  };
}
