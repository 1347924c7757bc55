import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { DATE_RANGE, isLocalDate, todayInShanghai } from '../../../shared/src/dates';
import { MONEY_LIMITS } from '../../../shared/src/money';
import { hasForbiddenControl, stripInvisible, TEXT_REFUSAL } from '../../../shared/src/text';
import type { Database } from '../db/database';
import type { ServiceContext } from '../plugins/context';

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

// The text guard (plugins/text-guard.ts) refuses control characters in every field of a request;
// these helpers refuse them again for text that arrives another way (Excel and CSV imports, CLI).
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
export const personName = visibleName(64);

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

export function parseJsonArray<T>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** Today in Shanghai by the injected clock (milestone lateness, overdue leads). */
export function today(ctx: ServiceContext): string {
  return todayInShanghai(ctx.clock.now());
}

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Next human-readable code (`XM2024-00012`) for `table` with `prefix` + year. Codes are unique in
 * the schema: two creates at the same instant make the second insert fail (a 409 for projects);
 * nothing retries yet.
 */
export async function nextCode(
  db: Q,
  table: 'project' | 'lead',
  prefix: string,
  year: string,
): Promise<string> {
  const head = `${prefix}${year}-`;
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('code').as('code'))
    .where('code', 'like', `${head}%`)
    .executeTakeFirst();
  const last = row?.code ? Number.parseInt(String(row.code).slice(head.length), 10) : 0;
  return `${head}${String((Number.isFinite(last) ? last : 0) + 1).padStart(5, '0')}`;
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/** The signed-in actor of a pipeline service call (routes guarantee one; CLI callers pass one). */
export function requireActor(ctx: ServiceContext) {
  if (!ctx.actor) throw new Error('this service function needs an actor');
  return ctx.actor;
}
