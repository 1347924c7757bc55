// The English rules' patterns: yuan amounts and their role, capacities, firms, parks, dates and
// stage verbs (used by english-extractor.ts).

import type { Stage } from './types';

export const MULT: Record<string, number> = { million: 1e6, billion: 1e9, bn: 1e9, m: 1e6 };
export const MONEY =
  /(?:(?:RMB|CNY)\s*(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn)?)|(?:(\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)(?=\s+(?:million|billion)))(?:\s*(?:to|-|–)\s*(\d[\d,]*(?:\.\d+)?))?[\s-]*(million|billion)?[\s-]*(?:yuan|RMB))/gi;

/** "about eight billion yuan": a number written as a word before million or billion. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export type Role = 'investment' | 'output' | 'tax' | 'other';

export function roleOf(before: string, after: string): Role {
  const b = before.slice(-70).toLowerCase();
  const a = after.slice(0, 20).toLowerCase();
  // "293 projects, each with an investment of more than 50 million yuan": a bound on a batch, no figure;
  // "a tax payment of 150,000 yuan per mu": a figure per unit of land is no project's total.
  if (/\beach with an? [a-z ]{0,30}$/.test(b) || /^\s*(?:per|a|each)\s+mu\b/.test(a)) return 'other';
  if (
    /^\s*in\s+tax/.test(a) ||
    /tax(?:es)?(?: revenue| turnover)?(?: of)?(?: (?:(?:is|was|are|will|would|can|could)(?: (?:expected|estimated) to)?(?: be| reach)?|reaches|(?:is |are )?estimated at))?(?: about| more than| over)?\s*$/.test(
      b,
    )
  )
    return 'tax';
  if (/profit|fiscal|import|export|gdp|revenue of|deposit|loan/.test(b.slice(-40))) {
    if (
      /(?:sales|revenue|output value|annual output)[^.]{0,30}$/.test(b) &&
      !/profit|fiscal/.test(b.slice(-25))
    )
      return 'output';
    return 'other';
  }
  // "the annual output value is about 8.5 billion yuan", "generate about eight billion yuan in sales".
  if (
    /(?:output value|sales(?: income)?|revenue|annual output)(?: of)?(?: (?:(?:is|was|are|will|would|can|could)(?: (?:expected|estimated) to)?(?: be| reach)?|reaches|(?:is |are )?estimated at))?(?: about| more than| no less than| over| nearly)?\s*$/.test(
      b,
    ) ||
    /^\s*(?:in|of)\s+(?:annual\s+)?(?:sales|revenue|output value)/.test(a)
  )
    return 'output';
  if (/(?:industrial output|output of)[^.]{0,20}$/.test(b)) return 'other';
  return 'investment';
}

export const CAP =
  /(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?\s*(tons|tonnes|t|sets|units|kilowatts?|kw|gwh|mwh|mw|gw)\b(?:\s+of\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})?/gi;
export const CAP_CUE = /annual|a year|per year|capacity|capability|produce|production of|output of/i;
// "Chint Group Co Ltd", "Sany Group Co., Ltd.": a group's legal form may follow the word Group.
export const COMPANY =
  /\b((?:[A-Z][\w&'-]*|&)(?:\s+(?:[A-Z][\w&'-]*|&|of|and))*?\s+(?:[Cc]o\.?,?\s*(?:LTD|Ltd)\.?|Co\b\.?|Corp\b\.?|Corporation|Group(?:,?\s+(?:Co\.?,?\s*(?:LTD|Ltd)\b\.?|Co\b\.?|Ltd\b\.?|Limited|Inc\b\.?))?|Inc\b\.?|Limited|Ltd\b\.?))/g;
export const PARK =
  /\b((?:[A-Z][\w-]*[ \t]+){1,8}(?:Economic and Technological Development Zone|Economic Development Zone|Development Zone|Industrial Park|Free Trade Zone(?:\s+[A-Z][\w-]*){0,3}|Energy and Chemical Industry Base|Industry Base|Hi-Tech Zone))\b/g;
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const DATE_RE =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(today|yesterday)\b/g;

export function stageOf(
  sentence: string,
): { stage: Stage; planned: boolean; at: number; text: string } | null {
  const cues: Array<[RegExp, Stage]> = [
    [/under construction/i, '在建'],
    [/put into (?:production|operation)|in full operation|becoming operational|started production/i, '投产'],
    [/(?:completed|completion)(?! after)/i, '竣工验收'],
    [/\btopped out\b|\bcapped\b/i, '主体完工'],
    [/\btrial (?:production|operation)\b/i, '试生产'],
    [
      /start(?:ed)? construction|construction (?:of [^.]{0,60})?(?:will )?(?:start|began|begin)|\b(?:launched|commenced|broke ground|break ground|groundbreaking|commencement|had started|started)\b/i,
      '开工',
    ],
    [/\bsign(?:ed|ing)?\b|contract|deals?\b/i, '签约'],
  ];
  for (const [re, stage] of cues) {
    const m = re.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(0, m.index);
    const planned =
      /\b(?:will|plans?|expected|to be|upon)\b/i.test(before.slice(-40)) || /^\s*will\b/.test(m[0]);
    return { stage, planned, at: m.index, text: m[0] };
  }
  return null;
}

export function isoDate(month: string, day: string, articleDate: string | undefined): string | null {
  const mi = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const year = articleDate ? Number(articleDate.slice(0, 4)) : null;
  if (mi < 0 || !year) return null;
  const articleMonth = articleDate && articleDate.length >= 7 ? Number(articleDate.slice(5, 7)) : 12;
  const y = mi + 1 > articleMonth ? year - 1 : year;
  return `${y}-${String(mi + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
