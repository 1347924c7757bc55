import type { Bilingual } from './i18n-message';

/**
 * Money is stored as an integer number of yuan (元) everywhere (PRODUCT.md, house rules). People
 * type and read amounts in 万元 (10^4 yuan) and 亿元 (10^8 yuan): 5.6亿元, 4000万元, 860万.
 * This module turns what they type into yuan, and yuan into what they expect to read.
 */

/**
 * The units people use, with their power of ten. 元 is the smallest: amounts in this system are
 * investment, output and tax figures where fen (分) never matter.
 */
export const MONEY_UNITS = {
  yuan: { exponent: 0, full: '元', short: '' },
  wan: { exponent: 4, full: '万元', short: '万' },
  yi: { exponent: 8, full: '亿元', short: '亿' },
} as const;

export type MoneyUnit = keyof typeof MONEY_UNITS;

export const MONEY_LIMITS = {
  /** Integers above 2^53 − 1 lose exactness in JavaScript numbers, so the API cannot carry them. */
  maxYuan: Number.MAX_SAFE_INTEGER,
  /** No amount anyone types is longer (9007199254740991元 with separators is 22); stops junk early. */
  maxInputLength: 40,
} as const;

export type ParseMoneyErrorCode = 'empty' | 'negative' | 'format' | 'too_precise' | 'too_large';

export type ParseMoneyResult =
  | { ok: true; yuan: number }
  | { ok: false; code: ParseMoneyErrorCode; message: Bilingual };

const EXAMPLES_ZH = '5.6亿元、4000万元、860万、1亿2000万、3,500元 或 12345（单位为元）';
const EXAMPLES_EN = '5.6亿元, 4000万元, 860万, 1亿2000万, 3,500元 or 12345 (plain numbers are yuan)';

function fail(code: ParseMoneyErrorCode, message: Bilingual): ParseMoneyResult {
  return { ok: false, code, message };
}

function formatError(input: string): ParseMoneyResult {
  return fail('format', {
    zh: `无法识别金额“${input}”，请写作 ${EXAMPLES_ZH}`,
    en: `Could not read the amount "${input}"; write it like ${EXAMPLES_EN}`,
  });
}

/** One number: either plain digits or digits grouped by commas in threes, with optional decimals. */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
/** [亿 part][万 part][plain part][元] — which combinations are meaningful is decided in code. */
const AMOUNT = new RegExp(`^(?:${NUMBER}亿)?(?:${NUMBER}万)?(?:${NUMBER})?元?$`);

type Segment = { int: string; frac: string; exponent: number };

/** Exact value of one segment in yuan, or null if it has a non-zero digit below one yuan. */
function segmentYuan({ int, frac, exponent }: Segment): bigint | null {
  const kept = frac.slice(0, exponent);
  if (/[1-9]/.test(frac.slice(exponent))) return null;
  return BigInt(int.replace(/,/g, '')) * 10n ** BigInt(exponent) + BigInt(kept.padEnd(exponent, '0') || '0');
}

/**
 * Reads an amount the way people type it — 5.6亿元, 4000万元, 860万, 1.2亿, 1亿2000万, 3,500元,
 * 12345, ￥3500 — into integer yuan. A bare number is yuan. Full-width digits and punctuation are
 * accepted. Refused: empty input, negatives, anything else that is not an amount, a fraction of a
 * yuan (12.5元, 1.23456万), and amounts beyond Number.MAX_SAFE_INTEGER. A number (e.g. from a
 * spreadsheet cell) is taken as yuan and held to the same rules.
 */
export function parseMoney(input: string | number): ParseMoneyResult {
  if (typeof input === 'number') return parseMoneyNumber(input);

  const raw = input.trim();
  if (raw === '') return fail('empty', { zh: '请输入金额', en: 'Enter an amount' });
  if (raw.length > MONEY_LIMITS.maxInputLength) return formatError(raw);

  const s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:人民币|RMB|CNY|¥)/i, '');
  if (/^[-−－负]/.test(s)) {
    return fail('negative', { zh: '金额不能为负数', en: 'An amount cannot be negative' });
  }

  const m = AMOUNT.exec(s);
  if (!m) return formatError(raw);
  const [, yiInt, yiFrac, wanInt, wanFrac, plainInt, plainFrac] = m;
  const hasYi = yiInt !== undefined;
  const hasWan = wanInt !== undefined;
  const hasPlain = plainInt !== undefined;
  if (!hasYi && !hasWan && !hasPlain) return formatError(raw);
  // "1亿2000" or "3万5" are ambiguous in speech (3万5 means 35,000, not 30,005), so a bare number
  // may not follow a unit. "1亿2000万" is unambiguous if the 亿 part is whole and the 万 part < 1亿.
  if (hasPlain && (hasYi || hasWan)) return formatError(raw);
  if (hasYi && hasWan && (yiFrac !== undefined || Number(wanInt.replace(/,/g, '')) >= 10_000)) {
    return formatError(raw);
  }

  const segments: Segment[] = [];
  if (hasYi) segments.push({ int: yiInt, frac: yiFrac ?? '', exponent: 8 });
  if (hasWan) segments.push({ int: wanInt, frac: wanFrac ?? '', exponent: 4 });
  if (hasPlain) segments.push({ int: plainInt, frac: plainFrac ?? '', exponent: 0 });

  let total = 0n;
  for (const segment of segments) {
    const value = segmentYuan(segment);
    if (value === null) {
      return fail('too_precise', {
        zh: `金额“${raw}”精确到了元以下；金额以元为单位，请去掉多余的小数`,
        en: `The amount "${raw}" goes below one yuan; amounts are kept in whole yuan, so drop the extra decimals`,
      });
    }
    total += value;
  }
  if (total > BigInt(MONEY_LIMITS.maxYuan)) return tooLarge();
  return { ok: true, yuan: Number(total) };
}

function tooLarge(): ParseMoneyResult {
  return fail('too_large', {
    zh: '金额过大，超出了系统能精确保存的范围',
    en: 'The amount is too large to be stored exactly',
  });
}

function parseMoneyNumber(n: number): ParseMoneyResult {
  if (!Number.isFinite(n)) return formatError(String(n));
  if (n < 0) return fail('negative', { zh: '金额不能为负数', en: 'An amount cannot be negative' });
  if (n > MONEY_LIMITS.maxYuan) return tooLarge();
  if (!Number.isInteger(n)) {
    return fail('too_precise', {
      zh: `金额 ${n} 精确到了元以下；金额以元为单位`,
      en: `The amount ${n} goes below one yuan; amounts are kept in whole yuan`,
    });
  }
  return { ok: true, yuan: n };
}

export type FormatMoneyOptions = {
  /** 'auto' (default) picks 亿 from 1亿, 万 from 1万, else 元; a fixed unit suits table columns. */
  unit?: 'auto' | MoneyUnit;
  /** Decimals kept after rounding (half up); default 2 for 万 and 亿, 0 for 元. */
  maxDecimals?: number;
  /** Keep trailing zeros (4000.00) so that a column lines up; default false (4000). */
  fixedDecimals?: boolean;
  /** Thousands separators in the integer part (12,345); default false, as people write 4000万元. */
  grouping?: boolean;
  /** 'full' → 万元 / 亿元 / 元 (default); 'short' → 万 / 亿 / nothing; 'none' → the bare number. */
  suffix?: 'full' | 'short' | 'none';
};

/** What a missing amount looks like in the UI: a dash, as in printed Chinese tables. */
export const MONEY_PLACEHOLDER = '—';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** |yuan| / 10^exponent rounded half up to `decimals`, as an integer count of 10^-decimals units. */
function scaled(absYuan: bigint, exponent: number, decimals: number): bigint {
  if (decimals >= exponent) return absYuan * 10n ** BigInt(decimals - exponent);
  const divisor = 10n ** BigInt(exponent - decimals);
  return (absYuan + divisor / 2n) / divisor;
}

/**
 * Writes integer yuan the way people say it: 560000000 → "5.6亿元", 40000000 → "4000万元",
 * 8600000 → "860万元", 860 → "860元". Rounds half up and trims trailing zeros unless told otherwise;
 * an amount that rounds up to 1亿 is written in 亿 (99999999 → "1亿元"). null, undefined and
 * non-finite values give MONEY_PLACEHOLDER; a fractional input is rounded to the yuan first.
 */
export function formatMoney(yuan: number | null | undefined, options: FormatMoneyOptions = {}): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return MONEY_PLACEHOLDER;
  const { unit = 'auto', fixedDecimals = false, grouping = false, suffix = 'full' } = options;
  const rounded = Math.round(Math.abs(yuan));
  // Beyond 2^53 a double is no longer an exact integer; BigInt(rounded) is still exact for what it holds.
  const abs = BigInt(rounded);

  let chosen: MoneyUnit;
  if (unit !== 'auto') chosen = unit;
  else if (abs >= 100_000_000n) chosen = 'yi';
  else if (abs >= 10_000n) chosen = 'wan';
  else chosen = 'yuan';

  const decimalsFor = (u: MoneyUnit) => options.maxDecimals ?? (u === 'yuan' ? 0 : 2);
  let decimals = decimalsFor(chosen);
  let q = scaled(abs, MONEY_UNITS[chosen].exponent, decimals);
  if (unit === 'auto' && chosen === 'wan' && q >= 10_000n * 10n ** BigInt(decimals)) {
    chosen = 'yi';
    decimals = decimalsFor(chosen);
    q = scaled(abs, MONEY_UNITS[chosen].exponent, decimals);
  }

  const digits = q.toString().padStart(decimals + 1, '0');
  const intPart = decimals > 0 ? digits.slice(0, -decimals) : digits;
  let fracPart = decimals > 0 ? digits.slice(-decimals) : '';
  if (!fixedDecimals) fracPart = fracPart.replace(/0+$/, '');

  const sign = yuan < 0 && q > 0n ? '-' : '';
  const number = `${sign}${grouping ? groupThousands(intPart) : intPart}${fracPart ? `.${fracPart}` : ''}`;
  const unitText = suffix === 'none' ? '' : MONEY_UNITS[chosen][suffix];
  return number + unitText;
}

/**
 * An amount for a table column headed “（万元）”: always in 万, fixed decimals (default 2) and
 * thousands separators (default on), no unit — 560000000 → "56,000.00".
 */
export function formatWan(
  yuan: number | null | undefined,
  options: { decimals?: number; grouping?: boolean } = {},
): string {
  const { decimals = 2, grouping = true } = options;
  return formatMoney(yuan, {
    unit: 'wan',
    maxDecimals: decimals,
    fixedDecimals: true,
    grouping,
    suffix: 'none',
  });
}

/**
 * The English UI's form, in the units English readers use: 560000000 → "¥560 million",
 * 1500000000 → "¥1.5 billion", 8600 → "¥8,600".
 */
export function formatMoneyEn(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return MONEY_PLACEHOLDER;
  const abs = BigInt(Math.round(Math.abs(yuan)));
  const sign = yuan < 0 && abs > 0n ? '-' : '';
  const inUnit = (exponent: number, word: string) => {
    const q = scaled(abs, exponent, 2).toString().padStart(3, '0');
    const frac = q.slice(-2).replace(/0+$/, '');
    return `${sign}¥${groupThousands(q.slice(0, -2))}${frac ? `.${frac}` : ''} ${word}`;
  };
  if (abs >= 999_995_000n) return inUnit(9, 'billion');
  if (abs >= 1_000_000n) return inUnit(6, 'million');
  return `${sign}¥${groupThousands(abs.toString())}`;
}
