// Chinese amounts: numbers (5.6, 二十), money (亿/万/千 + 元, compounds such as 9亿6000万元, ranges
// 3-5亿元) and percentages (近20%). Capacities and job counts are in quantity-parser.ts. All scanners
// are linear: regexes are single runs anchored where a number begins, so junk cannot make them backtrack.
// Input is cleaned text (clean-text.ts): ASCII digits, no column-wrap breaks. Offsets are into it.

import type { Qualifier } from './types';

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MULTIPLIER: Record<string, number> = { 千: 1e3, 百: 1e2, 万: 1e4, 亿: 1e8 };

/** Parses 5.6 / 1,200 / 二十 / 十二 / 三千 / 一百二十 into a number; null if it is not one. */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (/^\d{1,15}(?:,\d{3})*(?:\.\d{1,8})?$/.test(t)) return Number(t.replace(/,/g, ''));
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of t) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch] ?? 0;
    else if (ch in CN_SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * (CN_SMALL_UNITS[ch] ?? 1);
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      total = (total + section + Math.max(digit, 0)) * (MULTIPLIER[ch] ?? 1);
      section = 0;
      digit = -1;
    } else return null;
  }
  return total + section + Math.max(digit, 0);
}

/** Multiplier of a unit run such as 万, 亿, 千万, 万亿. */
export function unitMultiplier(units: string): number {
  let m = 1;
  for (const ch of units) m *= MULTIPLIER[ch] ?? 1;
  return m;
}

export interface NumberToken {
  start: number;
  end: number;
  /** Value with its 万/亿 multiplier applied. */
  value: number;
  /** The big unit chars read (万, 亿, 千万 …); empty when none. */
  units: string;
  /** 余/多 right after the number: "more than". */
  more: boolean;
}

const DIGIT_RUN = /\d[\d,]*(?:\.\d+)?/y;
const CN_NUM_RUN = /[零〇一二两三四五六七八九十百千]+/y;

function readUnits(text: string, i: number): { units: string; end: number; more: boolean } {
  let j = i;
  let more = false;
  if (text[j] === '余' || text[j] === '多') {
    more = true;
    j++;
  }
  // "1.5个亿", "两个亿": spoken style puts 个 before 亿.
  if (text[j] === '个' && text[j + 1] === '亿') j++;
  let units = '';
  while (j < text.length && units.length < 3 && /[千百万亿]/.test(text[j] ?? '')) {
    units += text[j];
    j++;
  }
  if (!more && units !== '' && (text[j] === '余' || text[j] === '多')) {
    // 3000万余元 is rare but 1.5万多 is common.
    more = true;
    j++;
  }
  return { units, end: units === '' && more ? i + 1 : j, more };
}

/**
 * Reads one number at `i` with its big units, including compounds where a larger unit is followed by
 * a smaller one (9亿6000万 = 960000000). Returns null if no number starts at `i`.
 */
export function readNumber(text: string, i: number): NumberToken | null {
  DIGIT_RUN.lastIndex = i;
  let m = DIGIT_RUN.exec(text);
  let base: number | null = null;
  let end = i;
  if (m) {
    base = parseNumber(m[0]);
    end = i + m[0].length;
  } else {
    CN_NUM_RUN.lastIndex = i;
    m = CN_NUM_RUN.exec(text);
    if (!m) return null;
    base = parseNumber(m[0]);
    end = i + m[0].length;
  }
  if (base === null) return null;
  const u = readUnits(text, end);
  let value = base * unitMultiplier(u.units);
  let units = u.units;
  end = u.end;
  let more = u.more;
  // Compound: 9亿6000万 — only when the next part is strictly smaller in unit.
  for (let k = 0; k < 2 && units !== '' && /\d/.test(text[end] ?? ''); k++) {
    DIGIT_RUN.lastIndex = end;
    const m2 = DIGIT_RUN.exec(text);
    if (!m2) break;
    const n2 = parseNumber(m2[0]);
    const u2 = readUnits(text, end + m2[0].length);
    const mult = unitMultiplier(u2.units);
    if (n2 === null || u2.units === '' || mult >= unitMultiplier(units)) break;
    value += n2 * mult;
    end = u2.end;
    units = `${units}${u2.units}`;
    more = more || u2.more;
  }
  // 2.3 × 1e8 is 229999999.99999997 in floating point; amounts are exact to the fen.
  return { start: i, end, value: Math.round(value * 100) / 100, units, more };
}

const QUALIFIER_BEFORE: Array<[string, Qualifier]> = [
  ['超过', 'over'],
  ['不少于', 'over'],
  ['不低于', 'over'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['大约', 'about'],
  ['约', 'about'],
  ['近', 'nearly'],
  ['超', 'over'],
  ['逾', 'over'],
  ['达', null],
];

/** Qualifier written just before position `i` (约, 近, 超过 …) and where it starts. */
export function qualifierBefore(text: string, i: number): { qualifier: Qualifier; start: number } {
  for (const [word, q] of QUALIFIER_BEFORE) {
    if (text.startsWith(word, i - word.length)) return { qualifier: q, start: i - word.length };
  }
  return { qualifier: null, start: i };
}

function qualifierAfter(text: string, i: number): { qualifier: Qualifier; end: number } {
  if (text.startsWith('以上', i)) return { qualifier: 'over', end: i + 2 };
  if (text.startsWith('左右', i)) return { qualifier: 'about', end: i + 2 };
  return { qualifier: null, end: i };
}

export interface MoneyToken {
  start: number;
  end: number;
  amount: number;
  max: number | null;
  currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY';
  /** 元 (or 美元 …) was written; without it only 亿/万 in a money context make it money. */
  explicit: boolean;
  qualifier: Qualifier;
  text: string;
}

const CURRENCIES: Array<[string, MoneyToken['currency']]> = [
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['欧元', 'EUR'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['日元', 'JPY'],
  ['元', 'CNY'],
];
const RANGE_SEP = /[-—–－~～至到]/;
/** Measure words that turn 5万 into a quantity (5万吨) rather than money. */
const QUANTITY_UNIT =
  /^(?:吨|套|台|件|片|辆|只|头|羽|克拉|克|千克|公斤|平方米|平米|立方米|方|千瓦|瓦|兆瓦|度|条|米|公里|千米|箱|瓶|支|颗|粒|块|部|双|个|人|名|户|亩|次|册|张|口|根|株|平|尾|斤|桶|升|MW|GW|kW|KW|t|m)/;

function readCurrency(text: string, i: number): { currency: MoneyToken['currency']; end: number } | null {
  for (const [word, cur] of CURRENCIES)
    if (text.startsWith(word, i)) return { currency: cur, end: i + word.length };
  return null;
}

/**
 * Finds money amounts. "Explicit" ones end in 元 (or a named currency); 亿/万 figures without 元 are kept
 * with explicit=false unless a measure word follows (5万吨 is a capacity, not money).
 */
export function findMoney(text: string): MoneyToken[] {
  const out: MoneyToken[] = [];
  // Only where a number begins: starting inside a digit run would rescan the run (quadratic on junk).
  // 超百亿元 / 千万元: a round amount may start at 百 or 千 (not after another numeral).
  const starts = /(?<![\d.,零〇一二两三四五六七八九十百千])[\d零〇一二两三四五六七八九十百千]/g;
  let m: RegExpExecArray | null = starts.exec(text);
  while (m !== null) {
    const i = m.index;
    const tok = readNumber(text, i);
    if (!tok) {
      m = starts.exec(text);
      continue;
    }
    let end = tok.end;
    let amount = tok.value;
    let max: number | null = null;
    let units = tok.units;
    // Range: 3-5亿元 / 3亿至5亿元 — the first figure borrows the second's unit when it has none.
    if (RANGE_SEP.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? '')) {
      const second = readNumber(text, end + 1);
      if (second && second.units !== '') {
        if (units === '') amount = tok.value * unitMultiplier(second.units);
        max = second.value;
        units = second.units;
        end = second.end;
      }
    }
    const cur = readCurrency(text, end);
    const isCnNumeral = !/\d/.test(text[i] ?? '');
    const numberIsYear = /^\d{4}$/.test(text.slice(i, tok.end)) && units === '';
    let accepted = false;
    let explicit = false;
    if (cur && !numberIsYear && !(isCnNumeral && units === '' && cur.currency === 'CNY' && tok.value < 10)) {
      accepted = true;
      explicit = true;
      end = cur.end;
    } else if (
      !cur &&
      /[万亿]/.test(units) &&
      !isCnNumeral &&
      !QUANTITY_UNIT.test(text.slice(end, end + 3))
    ) {
      accepted = true;
    }
    if (accepted) {
      const before = qualifierBefore(text, i);
      const after = qualifierAfter(text, end);
      const qualifier = tok.more ? 'more_than' : (before.qualifier ?? after.qualifier);
      out.push({
        start: i,
        end,
        amount,
        max,
        currency: cur?.currency ?? 'CNY',
        explicit,
        qualifier,
        text: text.slice(i, end),
      });
      starts.lastIndex = end;
    } else {
      starts.lastIndex = Math.max(tok.end, i + 1);
    }
    m = starts.exec(text);
  }
  return out;
}

/** Parses a single money phrase such as "5.6亿元", "约3-5亿元", "9亿6000万元" into integer yuan. */
export function parseMoney(
  phrase: string,
): { yuan: number | null; maxYuan: number | null; qualifier: Qualifier } | null {
  const found = findMoney(phrase)[0];
  if (!found) return null;
  const q = qualifierBefore(phrase, found.start);
  const cny = found.currency === 'CNY';
  return {
    yuan: cny ? Math.round(found.amount) : null,
    maxYuan: cny && found.max !== null ? Math.round(found.max) : null,
    qualifier: found.qualifier ?? q.qualifier,
  };
}

export interface PercentToken {
  start: number;
  end: number;
  value: number;
  qualifier: Qualifier;
  /** A growth verb stood before it (增长, 提高, 下降 …). */
  growth: boolean;
  text: string;
}

const GROWTH_BEFORE = /(同比|环比)?(增长|增加|提高|上升|增幅|下降|减少|下滑|回落)(了|达到?|为)?$/;

/** Finds percentages (20%, 百分之二十) with the growth verb and qualifier in front of them. */
export function findPercentages(text: string): PercentToken[] {
  const out: PercentToken[] = [];
  const re =
    /(?<![\d.])(\d+(?:\.\d+)?)\s?%|百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)/g;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    const raw = m[1] ?? '';
    let value = raw !== '' ? Number(raw) : (parseNumber((m[2] ?? '').split('点')[0] ?? '') ?? Number.NaN);
    if (!Number.isNaN(value)) {
      const q = qualifierBefore(text, m.index);
      const ctx = text.slice(Math.max(0, q.start - 8), q.start);
      const g = GROWTH_BEFORE.exec(ctx);
      if (g && /下降|减少|下滑|回落/.test(g[2] ?? '')) value = -value;
      const start = g ? q.start - (g[0]?.length ?? 0) : q.start;
      out.push({
        start,
        end: m.index + m[0].length,
        value,
        qualifier: q.qualifier,
        growth: g !== null,
        text: text.slice(start, m.index + m[0].length),
      });
    }
    m = re.exec(text);
  }
  return out;
}
