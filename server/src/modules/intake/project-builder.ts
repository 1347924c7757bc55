// Mutable per-project accumulator used while reading an article, and its conversion to the public type.

import type { CleanText } from './clean-text';
import { toOriginal } from './clean-text';
import type { DateToken } from './date-parser';
import type { ParkMention, PersonMention } from './entity-extractor';
import type { RoledMoney } from './money-roles';
import { bigramDice, normaliseName } from './name-scan';
import type { CapacityToken, JobsToken } from './quantity-parser';
import type { StageMention } from './stage-signal';
import {
  type DateFact,
  type ExtractedProject,
  type MoneyFact,
  type Span,
  STAGES,
  type Stage,
  type StageFact,
} from './types';

export interface DatedEvent {
  tok: DateToken;
  stage: Stage | null;
  event: string | null;
  planned: boolean;
  /** The lead sentence's date of a report on one event (a signing, a groundbreaking). */
  fromLead?: boolean;
  /** A date that opens its sentence: the day of a visit or event the sentence reports (8月15日，记者…). */
  opensSentence?: boolean;
}

export interface TensedStage extends StageMention {
  planned: boolean;
}

export interface ProjectBuilder {
  name: string;
  nameFromFirm: boolean;
  /** The firm its name starts with (大唐新能源公司卫星风电场…): another firm's name is another project. */
  headFirm: string | null;
  aliases: Set<string>;
  first: { start: number; end: number };
  mentions: Array<{ start: number; end: number }>;
  companies: Map<string, { start: number; end: number }>;
  capacity: CapacityToken | null;
  investment: RoledMoney | null;
  output: RoledMoney | null;
  tax: RoledMoney | null;
  jobs: JobsToken | null;
  exports: RoledMoney | null;
  stages: TensedStage[];
  park: ParkMention | null;
  dates: DatedEvent[];
  contacts: PersonMention[];
  aggregate: boolean;
  lastSentence: number;
  lastParagraph: number;
}

export function newBuilder(name: string, start: number, end: number, aggregate = false): ProjectBuilder {
  return {
    name,
    nameFromFirm: false,
    headFirm: null,
    aliases: new Set(),
    first: { start, end },
    mentions: [{ start, end }],
    companies: new Map(),
    capacity: null,
    investment: null,
    output: null,
    tax: null,
    jobs: null,
    exports: null,
    stages: [],
    park: null,
    dates: [],
    contacts: [],
    aggregate,
    lastSentence: -1,
    lastParagraph: -1,
  };
}

const core = (n: string) => normaliseName(n).replace(/项目$/, '');
/** "双鹏新能源科技(江苏)有限公司20GW…项目": the firm written before a name is who, not which. */
const LEADING_FIRM = /^.{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团)(?=.{4})/;

/** True if every character of `short` appears in `long` in order (a word inserted: 超薄 → 太阳能超薄). */
function inOrder(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Names that start with two different firms are two projects, however alike the rest reads. */
export function otherHeadFirm(p: ProjectBuilder, hint: string | null): boolean {
  return hint !== null && p.headFirm !== null && !p.headFirm.includes(hint) && !hint.includes(p.headFirm);
}

/**
 * Two project names denote the same project: one contains the other, or (when `loose`) they start alike
 * or share most bigrams.
 */
export function similarProjectNames(a: string, b: string, loose = true): boolean {
  const x = core(a);
  const y = core(b);
  if (x.length < 2 || y.length < 2) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  // The same product name with the firm in front or one word more (20GW N型超薄… / 某公司20GW N型太阳能超薄…).
  const [short, long] = [x.replace(LEADING_FIRM, ''), y.replace(LEADING_FIRM, '')].sort(
    (p, q) => p.length - q.length,
  ) as [string, string];
  if (short.length >= 6 && short.length >= 0.7 * long.length && inOrder(short, long)) return true;
  if (!loose) return false;
  let prefix = 0;
  while (prefix < x.length && x[prefix] === y[prefix]) prefix++;
  return prefix >= 4 || bigramDice(x, y) >= 0.6;
}

/** Renames a project when a more specific name arrives (红星美凯龙项目 → 红星美凯龙家居商务综合体项目). */
export function addName(b: ProjectBuilder, name: string, fromFirm: boolean): void {
  if (name === b.name) return;
  const better = (b.nameFromFirm && !fromFirm) || (core(name).includes(core(b.name)) && !fromFirm);
  if (better) {
    b.aliases.add(b.name);
    b.name = name;
    b.nameFromFirm = fromFirm;
  } else b.aliases.add(name);
}

const stageRank = (s: Stage) => STAGES.indexOf(s);

function moneyFact(clean: CleanText, m: RoledMoney | null): MoneyFact | null {
  if (!m) return null;
  const cny = m.currency === 'CNY';
  return {
    yuan: cny ? Math.round(m.amount) : null,
    maxYuan: cny && m.max !== null ? Math.round(m.max) : null,
    amount: m.amount,
    currency: m.currency,
    qualifier: m.qualifier,
    asWritten: m.text,
    span: toOriginal(clean, m.start, m.end),
  };
}

export function toDateFact(clean: CleanText, d: DatedEvent): DateFact {
  return {
    date: d.tok.date,
    precision: d.tok.precision,
    event: d.event,
    stage: d.stage,
    planned: d.planned,
    asWritten: d.tok.text,
    span: toOriginal(clean, d.tok.start, d.tok.end),
  };
}

/** Current stage: the most advanced one stated as reached; 在建 if only later stages are announced. */
function currentStage(clean: CleanText, b: ProjectBuilder): StageFact | null {
  const fact = (s: TensedStage, stage: Stage = s.stage): StageFact => ({
    stage,
    planned: false,
    asWritten: s.text,
    span: toOriginal(clean, s.start, s.end),
  });
  const reached = b.stages.filter((s) => !s.planned);
  const stated = reached.filter((s) => !s.scene);
  const done = stated.length > 0 ? stated : reached;
  if (done.length > 0) {
    const best = done.reduce((a, c) => (stageRank(c.stage) > stageRank(a.stage) ? c : a));
    return fact(best);
  }
  const later = b.stages.find((s) => stageRank(s.stage) >= stageRank('主体完工') && !s.wished);
  return later ? fact(later, '在建') : null;
}

export function toExtractedProject(clean: CleanText, b: ProjectBuilder): ExtractedProject {
  const span = (x: { start: number; end: number }): Span => toOriginal(clean, x.start, x.end);
  return {
    name: b.name,
    aliases: [...b.aliases].filter((a) => a !== b.name),
    span: span(b.first),
    mentions: b.mentions.map(span),
    companies: distinctFirms([...b.companies].filter(([name]) => !NOT_A_FIRM.test(name))).map(
      ([name, at]) => ({
        name,
        span: span(at),
      }),
    ),
    capacity: b.capacity
      ? { items: b.capacity.items, asWritten: b.capacity.text, span: span(b.capacity) }
      : null,
    investment: moneyFact(clean, b.investment),
    outputValue: moneyFact(clean, b.output),
    tax: moneyFact(clean, b.tax),
    jobs: b.jobs
      ? { count: b.jobs.count, qualifier: b.jobs.qualifier, asWritten: b.jobs.text, span: span(b.jobs) }
      : null,
    exports: b.exports
      ? {
          value: moneyFact(clean, b.exports) as MoneyFact,
          growth: b.exports.growth
            ? {
                value: b.exports.growth.value,
                qualifier: b.exports.growth.qualifier,
                asWritten: b.exports.growth.text,
                span: span(b.exports.growth),
              }
            : null,
        }
      : null,
    stage: currentStage(clean, b),
    stages: b.stages.map((s) => ({ stage: s.stage, planned: s.planned, asWritten: s.text, span: span(s) })),
    park: b.park ? { name: b.park.name, span: span(b.park) } : null,
    // A date with no event in its clause (今年, a part's deadline, 年初) says nothing about the project's
    // course; the day a sentence opens with (a visit, the lead's event) is the day it reports on.
    dates: b.dates
      .filter(
        (d) =>
          (d.stage !== null && !vagueYearOfStepDone(d)) ||
          (d.tok.precision === 'day' && (d.fromLead === true || d.opensSentence === true)),
      )
      .map((d) => toDateFact(clean, d)),
    contacts: b.contacts.map((p) => ({ name: p.name, span: span(p) })),
    isAggregate: b.aggregate,
  };
}

/**
 * What no firm's name is, whatever path read it as one: an amount (2亿元), a firm the text keeps
 * anonymous (湖州某), a place or zone (榃滨镇, 大湾区, 贸易港).
 */
const NOT_A_FIRM = /\d(?:\.\d+)?[亿万]?元$|某$|(?:镇|乡|村|街道|湾区|新区|开发区|高新区|经开区|园区|贸易港)$/;

/**
 * One entry per firm: "中粮" and "吉林中粮生物材料有限公司" are one firm (the legal name is kept);
 * "交城经济开发区华庆…有限公司" and "华庆…有限公司" too (the name without the place before it is kept).
 */
export function distinctFirms<T>(entries: Array<[string, T]>): Array<[string, T]> {
  return entries.filter(
    ([name]) =>
      !entries.some(
        ([other]) =>
          other !== name &&
          ((name.includes(other) && name.endsWith(other)) || (other.includes(name) && !other.endsWith(name))),
      ),
  );
}

/**
 * "今年签约落户的项目", "今年开工": a bare 今年 with a step already taken says which year's project it is,
 * not when the step was; a plan for 今年/年内 (预计年内投产) is a date the project is held to.
 */
function vagueYearOfStepDone(d: DatedEvent): boolean {
  return d.tok.precision === 'year' && d.tok.relative && !d.planned && /^(?:今年|当年)$/.test(d.tok.text);
}
