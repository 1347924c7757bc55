import { UPLOAD_LIMITS } from '../../../shared/src/upload-limits';
import { uploadErrors } from './upload-errors';

/**
 * The per-cell cap of the streaming spreadsheet readers: a cell longer than Excel itself allows
 * (UPLOAD_LIMITS.maxCellChars) refuses the file, whatever row it is in.
 */

/** Characters in an exceljs cell value: text, rich text, a hyperlink's text or a formula's result. */
function cellChars(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (!v || typeof v !== 'object' || v instanceof Date) return 0;
  const o = v as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown };
  if (Array.isArray(o.richText)) {
    return o.richText.reduce((n, r) => n + (typeof r.text === 'string' ? r.text.length : 0), 0);
  }
  return Math.max(cellChars(o.text), cellChars(o.result));
}

/** Throws a 400 naming the row and column when one of `values` (1-based, as exceljs gives them) is too long. */
export function checkCellSizes(values: readonly unknown[], rowNumber: number): void {
  values.forEach((v, column) => {
    if (cellChars(v) > UPLOAD_LIMITS.maxCellChars) throw uploadErrors.cellTooLong(rowNumber, column);
  });
}
