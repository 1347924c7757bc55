// Dates in Chinese news: absolute (2024年8月15日, 8月15日, 25日上午) and relative to the article date
// (3月份, 预计年底, 明年上半年, 年内, 今年1—5月). Each is returned with its precision and the phrase as
// written, because "年底" must stay distinguishable from "12月31日" for the officer reviewing it.

import { parseNumber } from './amount-parser';
import { Occupancy } from './clean-text';
import type { DatePrecision } from './types';

export interface ArticleDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** Reads the article date from "2024-06-14", "2024-06", "2019", "2024年8月26日" or a line starting with one. */
export function parseArticleDate(s: string | undefined): ArticleDate | null {
  if (!s) return null;
  const iso = /(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?/.exec(s);
  if (!iso) return null;
  const year = Number(iso[1]);
  if (year < 1900 || year > 2200) return null;
  const month = iso[2] ? Number(iso[2]) : null;
  const day = iso[3] ? Number(iso[3]) : null;
  return {
    year,
    month: month !== null && month >= 1 && month <= 12 ? month : null,
    day: day !== null && day >= 1 && day <= 31 ? day : null,
  };
}

export interface DateToken {
  start: number;
  end: number;
  /** null when the phrase needs an article date that was not given. */
  date: string | null;
  precision: DatePrecision;
  relative: boolean;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const CN_NUM = '[一二三四五六七八九十]{1,3}';
const NUM12 = `(?:\\d{1,2}|${CN_NUM})`;
const SEP = '[-—–~～至到]';

function num(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  return parseNumber(s);
}

function validMonth(m: number | null): m is number {
  return m !== null && m >= 1 && m <= 12;
}

function validDay(d: number | null): d is number {
  return d !== null && d >= 1 && d <= 31;
}

function relYear(word: string | undefined, base: ArticleDate | null): number | null {
  if (!base) return null;
  if (word === '明年' || word === '次年') return base.year + 1;
  if (word === '去年' || word === '上年') return base.year - 1;
  if (word === '后年') return base.year + 2;
  return base.year;
}

interface Rule {
  re: RegExp;
  build: (m: RegExpExecArray, base: ArticleDate | null) => Omit<DateToken, 'start' | 'end' | 'text'> | null;
}

const RULES: Rule[] = [
  {
    // 2025到2027年 / 2025—2027年
    re: new RegExp(`(\\d{4})年?${SEP}(\\d{4})年`, 'g'),
    build: (m) => ({ date: `${m[1]}/${m[2]}`, precision: 'range', relative: false }),
  },
  {
    re: new RegExp(`(\\d{4})年(${NUM12})月(${NUM12})日`, 'g'),
    build: (m) => {
      const mo = num(m[2]);
      const d = num(m[3]);
      if (!validMonth(mo) || !validDay(d)) return null;
      return { date: `${m[1]}-${pad(mo)}-${pad(d)}`, precision: 'day', relative: false };
    },
  },
  {
    // 2024年1—5月 / 2023年8月 / 2024年3月份 / 2024年6月中旬
    re: new RegExp(`(\\d{4})年(${NUM12})(?:${SEP}(${NUM12}))?月份?(?:上旬|中旬|下旬|初|底|末)?`, 'g'),
    build: (m) => {
      const a = num(m[2]);
      const b = num(m[3]);
      if (!validMonth(a)) return null;
      if (validMonth(b))
        return { date: `${m[1]}-${pad(a)}/${m[1]}-${pad(b)}`, precision: 'range', relative: false };
      return { date: `${m[1]}-${pad(a)}`, precision: 'month', relative: false };
    },
  },
  {
    re: /(\d{4})年(?:第?([一二三四1-4])季度|(上半年|下半年)|(年底|年末|底|末)|(年初|初))/g,
    build: (m) => {
      if (m[2]) return { date: `${m[1]}-Q${num(m[2])}`, precision: 'quarter', relative: false };
      if (m[3]) return { date: `${m[1]}-H${m[3] === '上半年' ? 1 : 2}`, precision: 'half', relative: false };
      // "2013年年初": the start of that year, not 年初 of the article's year.
      if (m[5]) return { date: `${m[1]}-01`, precision: 'month', relative: false };
      return { date: `${m[1]}-12`, precision: 'month', relative: false };
    },
  },
  {
    re: /(\d{4})年(?!\d)/g,
    build: (m) => ({ date: String(m[1]), precision: 'year', relative: false }),
  },
  {
    // (今年|明年)? 8月15日 / 8月15日上午
    re: new RegExp(`(今年|明年|去年|次年)?(${NUM12})月(${NUM12})[日号]`, 'g'),
    build: (m, base) => {
      const y = relYear(m[1], base);
      const mo = num(m[2]);
      const d = num(m[3]);
      if (!validMonth(mo) || !validDay(d)) return null;
      return { date: y === null ? null : `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', relative: true };
    },
  },
  {
    // (今年)1—5月 / 3月份 / 11月 / 6月中旬 / 明年3月
    re: new RegExp(
      `(今年|明年|去年|次年)?(${NUM12})(?:${SEP}(${NUM12}))?月份?(?:上旬|中旬|下旬|初|底|末)?`,
      'g',
    ),
    build: (m, base) => {
      const y = relYear(m[1], base);
      const a = num(m[2]);
      const b = num(m[3]);
      if (!validMonth(a)) return null;
      if (validMonth(b)) {
        return {
          date: y === null ? null : `${y}-${pad(a)}/${y}-${pad(b)}`,
          precision: 'range',
          relative: true,
        };
      }
      return { date: y === null ? null : `${y}-${pad(a)}`, precision: 'month', relative: true };
    },
  },
  {
    re: /(今年|明年|去年|次年)?(?:第?([一二三四1-4])季度)/g,
    build: (m, base) => {
      const y = relYear(m[1], base);
      return { date: y === null ? null : `${y}-Q${num(m[2])}`, precision: 'quarter', relative: true };
    },
  },
  {
    re: /(今年|明年|去年|次年|后年)?(上半年|下半年|年底|年末|年内|年初|底)/g,
    build: (m, base) => {
      if (m[2] === '底' && !m[1]) return null;
      const y = relYear(m[1], base);
      const w = m[2];
      if (y === null) return { date: null, precision: 'year', relative: true };
      if (w === '上半年' || w === '下半年')
        return { date: `${y}-H${w === '上半年' ? 1 : 2}`, precision: 'half', relative: true };
      if (w === '年底' || w === '年末' || w === '底')
        return { date: `${y}-12`, precision: 'month', relative: true };
      if (w === '年初') return { date: `${y}-01`, precision: 'month', relative: true };
      return { date: String(y), precision: 'year', relative: true };
    },
  },
  {
    re: /(今年|明年|去年|次年|当年|当日|当天)/g,
    build: (m, base) => {
      if (!base) return { date: null, precision: 'year', relative: true };
      if (m[1] === '当日' || m[1] === '当天') {
        if (base.month === null || base.day === null) return null;
        return { date: `${base.year}-${pad(base.month)}-${pad(base.day)}`, precision: 'day', relative: true };
      }
      return { date: String(relYear(m[1], base)), precision: 'year', relative: true };
    },
  },
  {
    // A bare day "25日上午" or "11日," at a clause start refers to the article's month.
    // "1号车间", "2号高炉": a number with 号 before a noun is a serial number, not a day.
    re: /(\d{1,2})(?:日|号(?![\u4e00-\u9fff])|号(?=上午|下午|晚|凌晨|起|前|后|至|到|左右))(上午|下午|晚|晚上|凌晨)?/g,
    build: (m, base) => {
      const d = num(m[1]);
      if (!validDay(d)) return null;
      if (!base || base.month === null) return { date: null, precision: 'day', relative: true };
      // News reports what happened: "25日" in a paper of the 1st is the 25th of the month before.
      if (base.day !== null && d > base.day) {
        const y = base.month === 1 ? base.year - 1 : base.year;
        const mo = base.month === 1 ? 12 : base.month - 1;
        return { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', relative: true };
      }
      return { date: `${base.year}-${pad(base.month)}-${pad(d)}`, precision: 'day', relative: true };
    },
  },
];

/** Characters that, just before a match, mean the digits belong to something else (12.5月? 第3日?). */
function badContextBefore(text: string, start: number): boolean {
  const prev = text[start - 1] ?? '';
  return (
    /[\d.个第每]/.test(prev) ||
    (/[一二三四五六七八九十]/.test(prev) && /[一二三四五六七八九十]/.test(text[start] ?? ''))
  );
}

function badContextAfter(text: string, end: number, matched: string): boolean {
  const next = text[end] ?? '';
  // 3个月, 5年 durations and 12月份额? Only reject obvious durations and numbered items.
  if (/^\d{4}年$/.test(matched) && /[以来间度级]/.test(next)) return false;
  return /^[个期批项]/.test(next) && /月$/.test(matched);
}

/** Finds all dates in cleaned text, resolving relative ones against `articleDate`. */
export function findDates(text: string, articleDate?: string | ArticleDate | null): DateToken[] {
  const base =
    typeof articleDate === 'string' || articleDate === undefined
      ? parseArticleDate(articleDate)
      : articleDate;
  const found: DateToken[] = [];
  const occupied = new Occupancy(text.length);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null = rule.re.exec(text);
    while (m !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length > 0 && !badContextBefore(text, start) && !badContextAfter(text, end, m[0])) {
        const isBareDay = rule === RULES[RULES.length - 1];
        const atClauseStart = start === 0 || /[，,。；;：:\n“（(\s]/.test(text[start - 1] ?? '');
        if (!isBareDay || m[2] || atClauseStart) {
          const built = rule.build(m, base);
          if (built && occupied.free(start, end)) {
            found.push({ ...built, start, end, text: m[0] });
            occupied.take(start, end);
          }
        }
      }
      if (m[0].length === 0) rule.re.lastIndex++;
      m = rule.re.exec(text);
    }
  }
  found.sort((a, b) => a.start - b.start);
  carryStatedYear(text, found);
  // 当日/当天 is the day of the event just reported, not the publication day.
  let lastDay: string | null = null;
  for (const f of found) {
    if ((f.text === '当日' || f.text === '当天') && lastDay) f.date = lastDay;
    if (f.precision === 'day' && f.date) lastDay = f.date;
  }
  return found;
}

/** The year a sentence last stated, the month reached in it so far and where that date ends. */
interface StatedYear {
  year: string;
  month: number;
  end: number;
}

/**
 * "2016年1月立项、3月底开工建设，7月设备安装，11月底正式投产": a month written without its year after a
 * date of a stated year, in the same sentence and later in that year, is of that year — a chronology,
 * not the article's year.
 */
function carryStatedYear(text: string, found: DateToken[]): void {
  let stated: StatedYear | null = null;
  for (const f of found) {
    const ym = f.date ? /^(\d{4})-(\d{2})/.exec(f.date) : null;
    if (stated !== null && /[。！？!?\n]/.test(text.slice(stated.end, f.start))) stated = null;
    if (!ym || !f.date) continue;
    const month = Number(ym[2]);
    const bare = f.relative && /^\d|^[一二三四五六七八九十]/.test(f.text);
    const ofMonth = f.precision === 'month' || f.precision === 'day' || f.precision === 'range';
    if (bare && ofMonth && stated !== null && month >= stated.month) {
      f.date = f.date.replaceAll(/\d{4}(?=-)/g, stated.year);
      stated = { year: stated.year, month, end: f.end };
    } else stated = f.relative ? null : { year: ym[1] ?? '', month, end: f.end };
  }
}

/** Parses one date phrase (for tests and for form input): the first date found in it. */
export function parseDatePhrase(phrase: string, articleDate?: string): DateToken | null {
  return findDates(phrase, articleDate)[0] ?? null;
}
