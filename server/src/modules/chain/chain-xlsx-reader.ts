import ExcelJS from 'exceljs';
import { CHAIN_LIMITS } from '../../../../shared/src/chain';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { AppError, errors } from '../../plugins/errors';
import { checkCellSizes } from '../../upload/sheet-caps';
import { checkZipContents } from '../../upload/zip-guard';
import { CHAIN_FILE_FORMAT, POSITION_ZH, PRIORITY_ZH } from './chain-xlsx-format';

/**
 * Reads a chain workbook (the layout exportChainXlsx writes: sheet 产业链 with fields, sheet 环节
 * with one row per link) into the chain file object that importChain validates. Runs in the parse
 * worker: the zip is inflated and counted first, then the sheets are read with row and cell caps.
 */

/** Rows a chain sheet may hold, blank ones included: the links with ample room for gaps and notes. */
const MAX_SHEET_ROWS = CHAIN_LIMITS.maxLinks * 5;

const cell = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
};
const list = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const fromZh = <K extends string>(map: Record<K, string>, v: string, fallback: K): K =>
  ((Object.keys(map) as K[]).find((k) => map[k] === v || k === v) ?? fallback) as K;

const invalid = (zh: string, en: string) => errors.badRequest('CHAIN_FILE_INVALID', { zh, en });

/**
 * The rows of the wanted sheets. The workbook is loaded whole: exceljs's streaming reader drops every
 * sheet but the first when the shared strings come after the sheets (the order Excel writes), and a
 * chain workbook is small — its zip caps (UPLOAD_LIMITS.chainXlsx) keep the load bounded.
 */
async function readSheets(bytes: Buffer, wanted: readonly string[]): Promise<Map<string, ExcelJS.Row[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, ExcelJS.Row[]>();
  for (const name of wanted) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    if (ws.rowCount > MAX_SHEET_ROWS) {
      throw invalid(
        `工作表“${name}”超过 ${MAX_SHEET_ROWS} 行（一条产业链最多 ${CHAIN_LIMITS.maxLinks} 个环节）`,
        `Sheet ${name} has more than ${MAX_SHEET_ROWS} rows (a chain has at most ${CHAIN_LIMITS.maxLinks} links)`,
      );
    }
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      checkCellSizes(row.values as unknown[], row.number);
      rows.push(row);
    });
    sheets.set(name, rows);
  }
  return sheets;
}

/** The chain file object of an uploaded workbook (validated afterwards by importChain). */
export async function readChainXlsx(params: { bytes: Uint8Array }): Promise<unknown> {
  const bytes = Buffer.from(params.bytes.buffer, params.bytes.byteOffset, params.bytes.byteLength);
  await checkZipContents(bytes, UPLOAD_LIMITS.chainXlsx);
  let sheets: Map<string, ExcelJS.Row[]>;
  try {
    sheets = await readSheets(bytes, ['产业链', '环节']);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('无法读取该 xlsx 文件', 'Cannot read that xlsx file');
  }
  const info = sheets.get('产业链');
  const sheet = sheets.get('环节');
  if (!info || !sheet) {
    throw invalid(
      '文件须包含“产业链”和“环节”两个工作表（请先导出一条产业链作为模板）',
      'The file needs the sheets 产业链 and 环节 (export a chain to get the layout)',
    );
  }
  const fields = new Map<string, string>();
  for (const row of info) {
    if (row.number > 1) {
      fields.set(cell(row.getCell(1).value).split(' ').pop() ?? '', cell(row.getCell(2).value));
    }
  }
  const links: unknown[] = [];
  for (const row of sheet) {
    if (row.number === 1 || !cell(row.getCell(3).value)) continue;
    links.push({
      key: cell(row.getCell(1).value),
      parentKey: cell(row.getCell(2).value) || null,
      name: cell(row.getCell(3).value),
      position: fromZh(POSITION_ZH, cell(row.getCell(4).value), 'mid'),
      industryCodes: list(cell(row.getCell(5).value)),
      keywords: list(cell(row.getCell(6).value)),
      priority: fromZh(PRIORITY_ZH, cell(row.getCell(7).value), 'medium'),
      description: cell(row.getCell(8).value) || null,
    });
  }
  const opt = (k: string) => fields.get(k) || null;
  return {
    format: CHAIN_FILE_FORMAT,
    version: 1,
    chain: {
      name: fields.get('name') ?? '',
      nameEn: opt('nameEn'),
      officialName: opt('officialName'),
      officialTitle: opt('officialTitle'),
      description: opt('description'),
      goal: opt('goal'),
      scope: fields.get('scope') || 'zone',
      region: opt('region'),
      isCityKey: fields.get('isCityKey') === '是',
      leaders: list(fields.get('leaders') ?? '').map((firmName) => ({ firmName })),
      parks: list(fields.get('parks') ?? '').map((name) => ({ name })),
    },
    links,
  };
}
