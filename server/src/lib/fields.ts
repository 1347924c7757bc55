import { z } from 'zod';
import { isLocalDate } from '../../../shared/src/dates';
import { MONEY_LIMITS } from '../../../shared/src/money';

/**
 * Field schemas shared by the pipeline routes (firm, lead, project): validation at the edge, so a
 * bad amount, date or over-long text is a 400 naming the field and nothing is written.
 */
export const TEXT_LIMITS = {
  /** A firm or project name: the longest registered firm names are ~60 characters. */
  name: 120,
  /** One-line fields: region, park, chain link, contact, next step. */
  short: 200,
  /** Paragraphs: business scope, notes, reasons. */
  long: 4000,
} as const;

export const shortText = z.string().trim().max(TEXT_LIMITS.short);
export const longText = z.string().trim().max(TEXT_LIMITS.long);
export const nameText = z.string().trim().min(1).max(TEXT_LIMITS.name);

/** Integer yuan, never negative, exact in a JS number (PRODUCT.md: money is integer yuan). */
export const money = z.number().int().min(0).max(MONEY_LIMITS.maxYuan);

/** A local date `YYYY-MM-DD` that exists on the calendar (2024-02-30 is refused). */
export const localDate = z.string().refine(isLocalDate, { message: 'a date YYYY-MM-DD' });

export const idString = z.string().min(1).max(64);
export const idParams = z.object({ id: idString });

/** Query-string booleans: `true`/`false` (and 1/0). */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Query-string list: `stage=a,b` or repeated. */
export function queryList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
}
