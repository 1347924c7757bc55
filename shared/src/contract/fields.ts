import { z } from 'zod';
import { DATE_RANGE, isLocalDate } from '../dates';
import { MONEY_LIMITS } from '../money';
import { hasForbiddenControl, stripInvisible, TEXT_LIMITS, TEXT_REFUSAL } from '../text';

/**
 * Field schemas of the contract (request bodies of every area): validation at the edge, so a bad
 * amount, date or over-long text is a 400 naming the field and nothing is written. The limits are
 * TEXT_LIMITS (shared/src/text.ts), which the web's inputs use too.
 */

// The text guard (server plugins/text-guard.ts) refuses control characters in every field of a
// request; these refuse them again for text that arrives another way (Excel and CSV imports, CLI).
// A one-line field also refuses line breaks and tabs (they break lists, exports and names).
const noControl = [(s: string) => !hasForbiddenControl(s), { message: TEXT_REFUSAL.en }] as const;
const oneLine = [
  (s: string) => !/[\t\n\r]/.test(s),
  { message: 'one line: no line breaks or tabs' },
] as const;

export const shortText = z
  .string()
  .trim()
  .max(TEXT_LIMITS.short)
  .refine(...noControl)
  .refine(...oneLine);
export const longText = z
  .string()
  .trim()
  .max(TEXT_LIMITS.long)
  .refine(...noControl);
/** A name: invisible characters removed (shared/src/text.ts), one line, at most `max` characters. */
function visibleName(max: number) {
  return z
    .string()
    .overwrite(stripInvisible)
    .trim()
    .max(max)
    .refine(...noControl)
    .refine(...oneLine);
}
/** A name of a record (firm, project, chain, link, campaign). */
export const nameText = visibleName(TEXT_LIMITS.name).min(1);
/** A person's name (contact, leader, display name). */
export const personName = visibleName(TEXT_LIMITS.person);

/** Integer yuan, never negative, exact in a JS number (PRODUCT.md: money is integer yuan). */
export const money = z.number().int().min(0).max(MONEY_LIMITS.maxYuan);

/**
 * A local date `YYYY-MM-DD` that exists on the calendar (2024-02-30 is refused) and lies in the
 * range any record of the zone can have (shared/src/dates.ts DATE_RANGE).
 */
export const localDate = z
  .string()
  .refine(isLocalDate, { message: 'a date YYYY-MM-DD' })
  .refine((d) => d >= DATE_RANGE.min && d <= DATE_RANGE.max, {
    message: `a date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
  });

export const idString = z.string().min(1).max(64);

/** A record's optimistic-lock version, sent back with every edit. */
export const version = z.number().int().min(1);
