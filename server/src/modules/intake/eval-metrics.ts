// Scoring of extracted projects against hand-written labels (../shared/eval/news/NN.labels.json).
// The matching rules are printed by eval-extract.ts (MATCHING_RULES) so the figures can be read.

import { sameFirm } from './entity-extractor';
import { bigramDice, normaliseName } from './name-scan';
import { toSimplified } from './traditional';
import type { ExtractedProject } from './types';

export interface GoldDate {
  event: string;
  date: string | null;
  as_written: string;
}

/** One labelled project; `stage` may list accepted alternatives where the text is ambiguous. */
export interface GoldProject {
  project: string;
  companies: string[];
  investment_cny: number | null;
  capacity: string | null;
  jobs: number | null;
  output_value_cny: number | null;
  tax_cny: number | null;
  stage: string | string[] | null;
  park: string | null;
  dates: GoldDate[];
  notes?: string;
  is_aggregate?: boolean;
}

export const FIELDS = [
  'project',
  'companies',
  'investment_cny',
  'capacity',
  'jobs',
  'output_value_cny',
  'tax_cny',
  'stage',
  'park',
  'dates',
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields issue 13 measures micro F1 over (project names and dates apart). */
export const CORE_FIELDS: readonly Field[] = FIELDS.filter((f) => f !== 'project' && f !== 'dates');

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export type Score = Record<Field, Counts>;

export const MATCHING_RULES = [
  'project: names normalised (punctuation, spaces and a trailing 项目 removed); a pair matches if one contains the other or their character-bigram Dice ≥ 0.5 (aliases count); pairs taken greedily, best first, one-to-one.',
  'aggregates (is_aggregate labels, batch totals) are scored apart: excluded from the table on both sides.',
  'companies: per company; same firm if one name core (region and legal form removed) is the other’s prefix, or one name contains the other.',
  'investment_cny, output_value_cny, tax_cny: equal within 0.5% (qualifiers such as 约/近/超 are ignored, as in the labels).',
  'jobs: equal count.',
  'capacity: the quantities (number × 万/亿 with unit, 台套 = 套, 纱锭 = 锭) of label and prediction share at least one.',
  'stage: equal after 竣工→竣工验收, 试投产→试生产, 达产→投产 (full production is in production, the closest stage a label holds); a label may list alternatives.',
  'park: normalised names, one contains the other; a zone’s short and full forms are one form (高新技术产业开发区 = 高新区, 经济(技术)开发区 = 经开区, 自由贸易试验区 = 自贸试验区, 产业/工业园区 = 园, a leading 中国 and a city’s 市 dropped).',
  'dates: per labelled date with a value; matches a predicted date that is equal or more precise (2024-06 ← 2024-06-10).',
  'invented projects: predicted single projects whose name matches no label (neither a project nor a batch total); rate = invented / predicted single projects. Passages labelled with no project count apart.',
  'precision = matched / predicted values (over all predicted projects), recall = matched / labelled values (over all labelled projects); overall = micro-average over the fields.',
];

export function emptyScore(): Score {
  const s = {} as Score;
  for (const f of FIELDS) s[f] = { tp: 0, predicted: 0, gold: 0 };
  return s;
}

export function addScore(into: Score, from: Score): void {
  for (const f of FIELDS) {
    into[f].tp += from[f].tp;
    into[f].predicted += from[f].predicted;
    into[f].gold += from[f].gold;
  }
}

const nameCore = (s: string) => normaliseName(s).replace(/项目$/, '');

export function nameSimilarity(a: string, b: string): number {
  const x = nameCore(a);
  const y = nameCore(b);
  if (x.length < 2 || y.length < 2) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  return bigramDice(x, y);
}

const QTY =
  /(\d+(?:\.\d+)?)([万亿]?)(万台套|台套|吨|噸|套|台|臺|件|片|辆|只|克拉|平方米|立方米|条|條|箱|瓶|个|頭|头|GW|MW|兆瓦|千瓦|安时|安時|度|纱锭|紗錠|锭|錠|块|塊|支|米)/g;
/** English quantities: 3 million tons, 800,000t, 800 sets, a 3,000-ton plant. */
const QTY_EN = /(\d[\d,]*(?:\.\d+)?)[\s-]*(million|billion)?\s*(tons?\b|tonnes?|t\b|sets)/gi;
const UNIT_ALIAS: Record<string, string> = {
  台套: '套',
  噸: '吨',
  臺: '台',
  條: '条',
  頭: '头',
  安時: '安时',
  纱锭: '锭',
  紗錠: '锭',
  錠: '锭',
  塊: '块',
};

function quantities(s: string | null): Set<string> {
  const out = new Set<string>();
  if (!s) return out;
  for (const m of s.matchAll(QTY)) {
    const mult = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
    const unit = UNIT_ALIAS[m[3] ?? ''] ?? m[3] ?? '';
    out.add(`${Number(m[1]) * mult}${unit}`);
  }
  for (const m of s.matchAll(QTY_EN)) {
    const mult = m[2]?.toLowerCase() === 'million' ? 1e6 : m[2]?.toLowerCase() === 'billion' ? 1e9 : 1;
    const unit = (m[3] ?? '').toLowerCase() === 'sets' ? '套' : '吨';
    out.add(`${Number((m[1] ?? '').replace(/,/g, '')) * mult}${unit}`);
  }
  return out;
}

const STAGE_ALIAS: Record<string, string> = { 竣工: '竣工验收', 试投产: '试生产', 达产: '投产' };
const canonicalStage = (s: string) => STAGE_ALIAS[s] ?? s;

function moneyEqual(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.abs(a - b) <= Math.abs(b) * 0.005;
}

function companyMatch(gold: string, pred: string): boolean {
  const g = normaliseName(gold);
  const p = normaliseName(pred);
  return sameFirm(gold, pred) || (g.length >= 2 && p.length >= 2 && (g.includes(p) || p.includes(g)));
}

function dateMatch(gold: string, pred: string): boolean {
  return gold === pred || pred.startsWith(`${gold}-`);
}

function has(field: Field, p: ExtractedProject): number {
  switch (field) {
    case 'project':
      return 1;
    case 'companies':
      return p.companies.length;
    case 'investment_cny':
      return p.investment?.yuan != null ? 1 : 0;
    case 'capacity':
      return p.capacity ? 1 : 0;
    case 'jobs':
      return p.jobs ? 1 : 0;
    case 'output_value_cny':
      return p.outputValue?.yuan != null ? 1 : 0;
    case 'tax_cny':
      return p.tax?.yuan != null ? 1 : 0;
    case 'stage':
      return p.stage ? 1 : 0;
    case 'park':
      return p.park ? 1 : 0;
    case 'dates':
      return p.dates.filter((d) => d.date !== null).length;
  }
}

/**
 * One written form of a zone's name, so that its short and full forms compare equal: 河北衡水高新技术产业
 * 开发区 = 衡水高新区, 中国(云南)自由贸易试验区昆明片区 = 云南自贸试验区昆明片区, 郑州市高新区 = 郑州高新区.
 */
function parkForm(name: string): string {
  return normaliseName(name.replace(/^中国/, ''))
    .replace(/高新技术产业开发区$/, '高新区')
    .replace(/经济(?:技术)?开发区$/, '经开区')
    .replace(/自由贸易试验区/, '自贸试验区')
    .replace(/(产业|工业)园区$/, '$1园')
    .replace(/^([\u4e00-\u9fff]{2,3}?)[省市](?=[\u4e00-\u9fff]{2})/, '$1');
}

function gold(field: Field, g: GoldProject): number {
  switch (field) {
    case 'project':
      return 1;
    case 'companies':
      return g.companies.length;
    case 'investment_cny':
      return g.investment_cny !== null ? 1 : 0;
    case 'capacity':
      return g.capacity ? 1 : 0;
    case 'jobs':
      return g.jobs !== null ? 1 : 0;
    case 'output_value_cny':
      return g.output_value_cny !== null ? 1 : 0;
    case 'tax_cny':
      return g.tax_cny !== null ? 1 : 0;
    case 'stage':
      return g.stage !== null ? 1 : 0;
    case 'park':
      return g.park ? 1 : 0;
    case 'dates':
      return g.dates.filter((d) => d.date !== null).length;
  }
}

function truePositives(field: Field, g: GoldProject, p: ExtractedProject): number {
  switch (field) {
    case 'project':
      return 1;
    case 'companies': {
      const pool = p.companies.map((c) => c.name);
      let tp = 0;
      for (const gc of g.companies) {
        const i = pool.findIndex((pc) => companyMatch(gc, pc));
        if (i >= 0) {
          tp++;
          pool.splice(i, 1);
        }
      }
      return tp;
    }
    case 'investment_cny':
      return moneyEqual(p.investment?.yuan ?? null, g.investment_cny) ? 1 : 0;
    case 'output_value_cny':
      return moneyEqual(p.outputValue?.yuan ?? null, g.output_value_cny) ? 1 : 0;
    case 'tax_cny':
      return moneyEqual(p.tax?.yuan ?? null, g.tax_cny) ? 1 : 0;
    case 'jobs':
      return g.jobs !== null && p.jobs?.count === g.jobs ? 1 : 0;
    case 'capacity': {
      const gq = quantities(g.capacity);
      const pq = quantities(p.capacity?.asWritten ?? null);
      return [...gq].some((q) => pq.has(q)) ? 1 : 0;
    }
    case 'stage': {
      if (!p.stage || g.stage === null) return 0;
      const alts = (Array.isArray(g.stage) ? g.stage : [g.stage]).map(canonicalStage);
      return alts.includes(canonicalStage(p.stage.stage)) ? 1 : 0;
    }
    case 'park': {
      if (!p.park || !g.park) return 0;
      const contains = (a: string, b: string) => a.includes(b) || b.includes(a);
      return contains(normaliseName(g.park), normaliseName(p.park.name)) ||
        contains(parkForm(g.park), parkForm(p.park.name))
        ? 1
        : 0;
    }
    case 'dates': {
      const pool = p.dates.map((d) => d.date).filter((d): d is string => d !== null);
      let tp = 0;
      for (const gd of g.dates) {
        if (gd.date === null) continue;
        const i = pool.findIndex((pd) => dateMatch(gd.date as string, pd));
        if (i >= 0) {
          tp++;
          pool.splice(i, 1);
        }
      }
      return tp;
    }
  }
}

export interface MatchResult {
  score: Score;
  pairs: Array<{ gold: GoldProject; pred: ExtractedProject; similarity: number }>;
  missed: GoldProject[];
  spurious: ExtractedProject[];
  /** Predicted single projects that match no label at all, not even a batch total: made up. */
  invented: ExtractedProject[];
  aggregates: { gold: number; predicted: number };
}

/** Scores predicted projects against labels with the rules in MATCHING_RULES. */
export function scoreProjects(
  goldLabels: readonly GoldProject[],
  predAll: readonly ExtractedProject[],
): MatchResult {
  // Labels of traditional-Chinese text are compared in simplified form, as the extractor reads it.
  const simp = (x: string) => toSimplified(x, { always: true }).text;
  const goldAll = goldLabels.map((g) => ({
    ...g,
    project: simp(g.project),
    companies: g.companies.map(simp),
    park: g.park === null ? null : simp(g.park),
    capacity: g.capacity === null ? null : simp(g.capacity),
  }));
  const golds = goldAll.filter((g) => !g.is_aggregate);
  const preds = predAll.filter((p) => !p.isAggregate);
  const candidates: Array<{ gi: number; pi: number; sim: number }> = [];
  golds.forEach((g, gi) => {
    preds.forEach((p, pi) => {
      const sim = Math.max(...[p.name, ...p.aliases].map((n) => nameSimilarity(g.project, n)));
      if (sim >= 0.5) candidates.push({ gi, pi, sim });
    });
  });
  candidates.sort((a, b) => b.sim - a.sim);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: MatchResult['pairs'] = [];
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    pairs.push({
      gold: golds[c.gi] as GoldProject,
      pred: preds[c.pi] as ExtractedProject,
      similarity: c.sim,
    });
  }
  const score = emptyScore();
  for (const f of FIELDS) {
    for (const g of golds) score[f].gold += gold(f, g);
    for (const p of preds) score[f].predicted += has(f, p);
    for (const pair of pairs) score[f].tp += truePositives(f, pair.gold, pair.pred);
  }
  return {
    score,
    pairs,
    missed: golds.filter((_, i) => !usedG.has(i)),
    spurious: preds.filter((_, i) => !usedP.has(i)),
    invented: preds.filter(
      (p, i) =>
        !usedP.has(i) &&
        !goldAll.some((g) => [p.name, ...p.aliases].some((n) => nameSimilarity(g.project, n) >= 0.5)),
    ),
    aggregates: { gold: goldAll.length - golds.length, predicted: predAll.length - preds.length },
  };
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** A fixed-width table: field, precision, recall, F1 and the raw counts. */
export function formatScore(title: string, s: Score): string {
  const lines = [title, 'field              precision  recall     F1   (tp/pred/gold)'];
  let tp = 0;
  let pr = 0;
  let gd = 0;
  const row = (name: string, c: Counts) => {
    const p = c.predicted === 0 ? 0 : c.tp / c.predicted;
    const r = c.gold === 0 ? 0 : c.tp / c.gold;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    lines.push(
      `${name.padEnd(18)} ${pct(c.tp, c.predicted).padStart(9)} ${pct(c.tp, c.gold).padStart(7)} ${(c.predicted + c.gold === 0 ? '   –  ' : `${(100 * f1).toFixed(1).padStart(5)}%`).padStart(7)}   (${c.tp}/${c.predicted}/${c.gold})`,
    );
  };
  for (const f of FIELDS) {
    row(f, s[f]);
    tp += s[f].tp;
    pr += s[f].predicted;
    gd += s[f].gold;
  }
  row('overall (micro)', { tp, predicted: pr, gold: gd });
  const eight = { tp: 0, predicted: 0, gold: 0 };
  for (const f of CORE_FIELDS) {
    eight.tp += s[f].tp;
    eight.predicted += s[f].predicted;
    eight.gold += s[f].gold;
  }
  row('micro, 8 fields', eight);
  return lines.join('\n');
}
