import { isLocalDate } from '../../../../shared/src/dates';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { parseMoney } from '../../../../shared/src/money';
import type { EnumOption, ImportColumn } from './import-columns';

/**
 * Cell values as people type them into the template, turned into API values: money (5.6亿,
 * 4000万, plain yuan), dates (YYYY-MM-DD, 2024/8/15, 2024年8月15日 or an Excel date), dropdown
 * labels, 是/否 and lists. Pure functions: the row validators and their unit test use them.
 */

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; message: Bilingual };

const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
const bad = <T>(zh: string, en: string): CellResult<T> => ({ ok: false, message: { zh, en } });

/** The text of any exceljs cell value (rich text, hyperlink, formula result), or null when blank. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

/** A plain value (number, Date, string) out of an exceljs cell value, for typed readers. */
export function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown };
    if ('result' in o) return cellValue(o.result);
    return cellText(v);
  }
  return typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null);
}

export function readText(v: unknown): CellResult<string> {
  return ok(cellText(v));
}

export function readMoney(v: unknown): CellResult<number> {
  const x = cellValue(v);
  if (x === null || x === undefined) return ok(null);
  const r = parseMoney(typeof x === 'number' ? x : String(x));
  return r.ok ? ok(r.yuan) : { ok: false, message: r.message };
}

export function readNumber(v: unknown, integer = false): CellResult<number> {
  const x = cellValue(v);
  if (x === null || x === undefined) return ok(null);
  const n = typeof x === 'number' ? x : Number(String(x).normalize('NFKC').replace(/,/g, ''));
  if (!Number.isFinite(n)) return bad(`“${String(x)}”不是数字`, `"${String(x)}" is not a number`);
  if (integer && !Number.isInteger(n))
    return bad(`“${String(x)}”须为整数`, `"${String(x)}" must be a whole number`);
  return ok(n);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date: an Excel date cell, an Excel serial number, or text in a common Chinese form. */
export function readDate(v: unknown): CellResult<string> {
  const x = cellValue(v);
  if (x === null || x === undefined) return ok(null);
  if (x instanceof Date) {
    if (Number.isNaN(x.getTime())) return bad('日期无效', 'Invalid date');
    // exceljs gives a date cell as midnight UTC of that calendar day.
    return ok(x.toISOString().slice(0, 10));
  }
  if (typeof x === 'number') {
    if (!Number.isInteger(x) || x < 1 || x > 2_958_465) {
      return bad(`“${x}”不是日期`, `"${x}" is not a date`);
    }
    return ok(new Date(EXCEL_EPOCH_MS + x * 86_400_000).toISOString().slice(0, 10));
  }
  const s = String(x).normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const iso = m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : null;
  if (!iso || !isLocalDate(iso)) {
    return bad(`“${s}”不是有效日期，请写作 YYYY-MM-DD`, `"${s}" is not a valid date; write YYYY-MM-DD`);
  }
  return ok(iso);
}

function norm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A dropdown value: its Chinese label, English label or API key. */
export function readEnum(v: unknown, options: readonly EnumOption[]): CellResult<string> {
  const t = cellText(v);
  if (t === null) return ok(null);
  const n = norm(t);
  const hit = options.find((o) => norm(o.zh) === n || norm(o.en) === n || o.value === n);
  if (hit) return ok(hit.value);
  return bad(
    `“${t}”不是可选值（${options.map((o) => o.zh).join('、')}）`,
    `"${t}" is not one of ${options.map((o) => o.en).join(', ')}`,
  );
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '区内']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '区外']);

export function readBool(v: unknown): CellResult<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const t = cellText(v);
  if (t === null) return ok(null);
  const n = norm(t);
  if (TRUE_WORDS.has(n)) return ok(true);
  if (FALSE_WORDS.has(n)) return ok(false);
  return bad(`“${t}”请填写 是 或 否`, `"${t}": write 是 (yes) or 否 (no)`);
}

/** Items separated by commas, 顿号, semicolons or line breaks; blanks and repeats dropped. */
export function readList(v: unknown): CellResult<string[]> {
  const t = cellText(v);
  if (t === null) return ok(null);
  const items = [
    ...new Set(
      t
        .split(/[,，、;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return ok(items.length > 0 ? items : null);
}

/** Reads one cell by its column's type. */
export function readCell(col: ImportColumn, v: unknown): CellResult<unknown> {
  switch (col.type) {
    case 'money':
      return readMoney(v);
    case 'number':
      return readNumber(v);
    case 'integer':
      return readNumber(v, true);
    case 'date':
      return readDate(v);
    case 'enum':
      return readEnum(v, col.options ?? []);
    case 'bool':
      return readBool(v);
    case 'list':
      return readList(v);
    default:
      return readText(v);
  }
}

/** A USCC-shaped text (18 letters/digits): referenced by code, never taken as a name. */
export function looksLikeUscc(s: string): boolean {
  return /^[0-9A-Z]{18}$/i.test(s.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * 投资方 cell: `甲有限公司 60%；乙有限公司 40%` → [{ ref, sharePct }]. Entries are split on
 * semicolons or line breaks (commas and brackets occur inside firm names); a trailing percentage
 * (with or without %) after a space or colon is the share.
 */
export function readInvestors(v: unknown): CellResult<Array<{ ref: string; sharePct: number | null }>> {
  const t = cellText(v);
  if (t === null) return ok(null);
  const out: Array<{ ref: string; sharePct: number | null }> = [];
  for (const part of t.split(/[;；\n]+/)) {
    const s = part.trim();
    if (!s) continue;
    const m = /^(.*?)[\s:：]+(\d+(?:\.\d+)?)\s*[%％]?$/.exec(s) ?? /^(.*?\D)(\d+(?:\.\d+)?)[%％]$/.exec(s);
    if (m?.[1]?.trim()) out.push({ ref: m[1].trim(), sharePct: Number(m[2]) });
    else out.push({ ref: s, sharePct: null });
  }
  return ok(out.length > 0 ? out : null);
}
