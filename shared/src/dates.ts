import type { Bilingual } from './i18n-message';

/**
 * Local dates for the zone: Asia/Shanghai (PRODUCT.md, house rules). A date is a 'YYYY-MM-DD'
 * string everywhere (API, database, forms), never a Date at midnight, so it cannot shift by a day
 * when it crosses a time zone. Instants (created_at, …) stay ISO timestamps in UTC.
 *
 * Shanghai has been UTC+8 with no daylight saving since 1991, so a fixed offset is exact for every
 * date this system holds and works the same in Node and in any browser, whatever its own zone.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60 * 1000;

/**
 * The dates any record can hold: a firm founded in the 1900s, a plan running to 2100. Outside it a
 * date is a typing error (9999-12-31), and periods and deadlines computed from it would overflow.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** A calendar date 'YYYY-MM-DD' in Asia/Shanghai. */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Days since 1970-01-01 of a valid LocalDate (the date's own calendar, no time zone involved). */
function toEpochDay(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`Not a date in YYYY-MM-DD form: "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromEpochDay(day: number): LocalDate {
  const d = new Date(day * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** True for a real calendar date in 'YYYY-MM-DD' form (so not 2024-02-30). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * The Shanghai calendar date of an instant. Accepts a Date, an ISO timestamp with a zone
 * ('2024-08-14T16:30:00Z' → '2024-08-15'), a timestamp without a zone (read as Shanghai wall time),
 * or a plain 'YYYY-MM-DD' (returned as is: it already is a local date).
 * @throws RangeError when the input is not a valid date or timestamp.
 */
export function toShanghaiDate(input: string | Date): LocalDate {
  if (typeof input === 'string') {
    const s = input.trim();
    if (isLocalDate(s)) return s;
    const wall = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(s);
    if (wall) {
      if (!isLocalDate(wall[1]!)) throw new RangeError(`Not a valid date: "${input}"`);
      return wall[1]!;
    }
    if (!/^\d{4}-\d{2}-\d{2}[T ]/.test(s)) throw new RangeError(`Not an ISO date or timestamp: "${input}"`);
    return toShanghaiDate(new Date(s));
  }
  const t = input.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return fromEpochDay(Math.floor((t + OFFSET_MS) / DAY_MS));
}

/** Today's date in Shanghai. Pass `now` in tests and services; the default reads the clock. */
export function todayInShanghai(now: Date = new Date()): LocalDate {
  return toShanghaiDate(now);
}

/** The instant a Shanghai date begins (00:00 +08:00), e.g. for a `created_at >= …` range query. */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - OFFSET_MS);
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Whole days from `from` to `to`: positive when `to` is later. A milestone planned for 08-15 and
 * still open on 08-20 is daysBetween('…-08-15', '…-08-20') = 5 days late.
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Natural periods used by dispatch rounds, reports and the cockpit. */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: LocalDate;
  /** Last day, inclusive (a Sunday, a month end, …). */
  end: LocalDate;
  /** A stable id for the period: '2024-W34', '2024-08', '2024-Q3', '2024'. */
  key: string;
  label: Bilingual;
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['一', '二', '三', '四'];

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The natural week (ISO 8601: Monday–Sunday, week 1 holds the year's first Thursday), month,
 * quarter or year that contains `date`. A Date is first turned into its Shanghai date.
 * Note an ISO week can belong to the neighbouring year: 2024-12-30 is in 2025-W01.
 */
export function periodOf(kind: PeriodKind, date: LocalDate | Date): Period {
  const local = toShanghaiDate(date);
  const day = toEpochDay(local);
  const [y, m] = local.split('-').map(Number) as [number, number];

  switch (kind) {
    case 'week': {
      // 1970-01-01 was a Thursday, so (day + 3) mod 7 is 0 on Mondays.
      const weekday = (((day + 3) % 7) + 7) % 7;
      const monday = day - weekday;
      const thursday = fromEpochDay(monday + 3);
      const isoYear = Number(thursday.slice(0, 4));
      const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
      return {
        kind,
        start: fromEpochDay(monday),
        end: fromEpochDay(monday + 6),
        key: `${isoYear}-W${pad2(week)}`,
        label: { zh: `${isoYear}年第${week}周`, en: `Week ${week}, ${isoYear}` },
      };
    }
    case 'month':
      return {
        kind,
        start: `${y}-${pad2(m)}-01`,
        end: `${y}-${pad2(m)}-${pad2(lastDayOfMonth(y, m))}`,
        key: `${y}-${pad2(m)}`,
        label: { zh: `${y}年${m}月`, en: `${MONTHS_EN[m - 1]} ${y}` },
      };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      const endMonth = q * 3;
      return {
        kind,
        start: `${y}-${pad2(endMonth - 2)}-01`,
        end: `${y}-${pad2(endMonth)}-${pad2(lastDayOfMonth(y, endMonth))}`,
        key: `${y}-Q${q}`,
        label: { zh: `${y}年第${QUARTERS_ZH[q - 1]}季度`, en: `Q${q} ${y}` },
      };
    }
    case 'year':
      return {
        kind,
        start: `${y}-01-01`,
        end: `${y}-12-31`,
        key: String(y),
        label: { zh: `${y}年`, en: String(y) },
      };
  }
}

/** The period just before `period` (环比: compared with the previous period). */
export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.start, -1));
}

/** The period just after `period`. */
export function nextPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.end, 1));
}

/** [start, end) of a Shanghai calendar year as UTC ISO strings (created_at is stored in UTC). */
export function shanghaiYearBounds(year: number): [string, string] {
  const start = new Date(Date.UTC(year, 0, 1) - OFFSET_MS).toISOString();
  const end = new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS).toISOString();
  return [start, end];
}
