// Matching what an article names to the records the zone already has: firms by normalised name,
// short name and aliases; projects by name similarity, shared investors and capacity. Pure functions:
// the service loads the candidates (intake.repository.ts) and passes them in.

import { normaliseFirmName } from '../firm/firm-name';
import type { CapacityFact, ExtractedFirm, ExtractedProject } from './types';

export interface FirmRecord {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  tags: string[];
  version: number;
}

export interface ProjectRecord {
  id: string;
  name: string;
  stage: string;
  stageDate: string | null;
  officerId: string | null;
  investorIds: string[];
  park: string | null;
  totalInvestment: number | null;
  expectedOutput: number | null;
  expectedTax: number | null;
  expectedJobs: number | null;
  capacityQuantity: number | null;
  capacityUnit: string | null;
  capacityProduct: string | null;
  contactName: string | null;
  version: number;
}

export interface Match<T> {
  record: T;
  /** 0–1: how sure the match is (1 = same normalised name or an id the extractor resolved). */
  score: number;
  /** Why it matched, for the review screen: name | short name | alias | similar name | investor … */
  reasons: string[];
}

/** Drops what varies between two spellings of a project name: punctuation, 项目, 的, spaces. */
export function normaliseProjectName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s，,、。.·•“”"'‘’（）()【】[\]《》<>—\-_:：;；]/g, '')
    .replace(/(建设)?项目$/, '')
    .replace(/的/g, '')
    .toLowerCase();
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * Similarity of two names, 0–1: the larger of the bigram Dice coefficient and 0.9 × the share of the
 * shorter name's bigrams found in the longer one (so 年产10万吨高端宠物食品项目 is close to
 * 乖宝宠物年产10万吨高端宠物食品项目, which only adds the firm's name).
 */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b && a !== '' ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  const dice = (2 * common) / (x.length + y.length);
  const containment = common / Math.min(x.length, y.length);
  return Math.max(dice, 0.9 * containment);
}

/** Every name a firm is known by, for the extractor's `knownFirms` and for exact lookups. */
export function namesOf(f: FirmRecord): string[] {
  return [...new Set([f.name, f.shortName, ...f.aliases].filter((n): n is string => !!n && n.length >= 2))];
}

/** A character trie of names; `ends` lists the firms whose name ends at a node. */
interface TrieNode {
  next: Map<string, TrieNode>;
  ends: number[];
}

/**
 * Keeps the firms whose name, short name or an alias occurs in `text`: the extractor only needs
 * those. The page's names go in a character trie and the text is walked once, each position only as
 * deep as it matches a name (a mismatch usually ends the walk at the first character), so the cost
 * grows with the text plus the names — not with every substring of the text.
 */
export function firmsNamedIn(text: string, firms: Iterable<FirmRecord>): FirmRecord[] {
  const list = [...firms];
  const root: TrieNode = { next: new Map(), ends: [] };
  list.forEach((f, i) => {
    for (const n of namesOf(f)) {
      let node = root;
      for (const ch of n.normalize('NFKC')) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map(), ends: [] };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.ends.push(i);
    }
  });
  const chars = [...text.normalize('NFKC')];
  const hit = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    let node: TrieNode | undefined = root.next.get(chars[i] ?? '');
    for (let j = i + 1; node; j++) {
      for (const e of node.ends) hit.add(e);
      node = j < chars.length ? node.next.get(chars[j] ?? '') : undefined;
    }
  }
  return list.filter((_, i) => hit.has(i));
}

/**
 * Finds the existing firm an extracted firm is: the id the extractor resolved from `knownFirms`,
 * else the same normalised name (legal-form suffixes and bracket styles ignored), else a short name
 * or alias equal to one of its names, else a very similar normalised name (≥ 0.9).
 */
export function matchFirm(extracted: ExtractedFirm, firms: readonly FirmRecord[]): Match<FirmRecord> | null {
  if (extracted.knownId) {
    const known = firms.find((f) => f.id === extracted.knownId);
    if (known) return { record: known, score: 1, reasons: ['known-name'] };
  }
  const names = [extracted.name, ...extracted.aliases];
  const norms = new Set(names.map(normaliseFirmName));
  for (const f of firms) {
    if (norms.has(normaliseFirmName(f.name))) return { record: f, score: 1, reasons: ['same-name'] };
  }
  for (const f of firms) {
    const others = [f.shortName, ...f.aliases].filter((n): n is string => !!n);
    if (others.some((n) => names.includes(n) || norms.has(normaliseFirmName(n)))) {
      return { record: f, score: 0.95, reasons: ['short-name'] };
    }
  }
  let best: Match<FirmRecord> | null = null;
  const mine = normaliseFirmName(extracted.name);
  for (const f of firms) {
    const s = nameSimilarity(mine, normaliseFirmName(f.name));
    if (s >= 0.9 && (!best || s > best.score)) best = { record: f, score: s, reasons: ['similar-name'] };
  }
  return best;
}

/** A stored capacity in the base unit: 10 万吨 → { value: 100000, unit: '吨' }. */
export function storedCapacity(
  quantity: number | null,
  unit: string | null,
): { value: number; unit: string } | null {
  if (quantity === null || !unit) return null;
  const m = /^(亿|万|千)?(.+)$/.exec(unit.trim());
  if (!m) return null;
  const factor = m[1] === '亿' ? 1e8 : m[1] === '万' ? 1e4 : m[1] === '千' ? 1e3 : 1;
  return { value: Math.round(quantity * factor * 1000) / 1000, unit: m[2] ?? unit };
}

/** The extracted capacity as the project form stores it: 100000 吨 → 10 万吨 (as officers write it). */
export function capacityFields(
  cap: CapacityFact | null,
): { capacityQuantity: number; capacityUnit: string; capacityProduct: string | null } | null {
  const item = cap?.items[0];
  if (!item) return null;
  const big = item.value >= 10_000 && item.value % 100 === 0;
  return {
    capacityQuantity: big ? item.value / 10_000 : item.value,
    capacityUnit: big ? `万${item.unit}` : item.unit,
    capacityProduct: item.product,
  };
}

function sameCapacity(cap: CapacityFact | null, p: ProjectRecord): boolean {
  const stored = storedCapacity(p.capacityQuantity, p.capacityUnit);
  const item = cap?.items[0];
  return !!stored && !!item && stored.unit === item.unit && Math.abs(stored.value - item.value) < 1e-6;
}

/**
 * Scores each candidate project against an extracted one: name similarity, plus 0.3 when an
 * investor is among the firms the article ties to it, plus 0.3 when the capacity is the same. A
 * score of 0.6 or more is a match.
 */
export function scoreProject(
  extracted: ExtractedProject,
  candidate: ProjectRecord,
  firmIds: ReadonlySet<string>,
): Match<ProjectRecord> {
  // Capacity has its own score: compare names without 年产… so a shared 年产2万套 does not count twice.
  const names = [extracted.name, ...extracted.aliases].map(projectNameCore);
  const theirs = projectNameCore(candidate.name);
  const sim = Math.max(...names.map((n) => nameSimilarity(n, theirs)));
  const reasons = [`name ${Math.round(sim * 100)}%`];
  let score = sim;
  if (candidate.investorIds.some((id) => firmIds.has(id))) {
    score += 0.3;
    reasons.push('investor');
  }
  if (sameCapacity(extracted.capacity, candidate)) {
    score += 0.3;
    reasons.push('capacity');
  }
  return { record: candidate, score: Math.min(1, score), reasons };
}

export const PROJECT_MATCH_THRESHOLD = 0.6;

/**
 * Pairs the article's projects with candidates, best pairs first, each candidate at most once (two
 * projects of one article are two projects). Returns, per extracted project, its match or null.
 */
export function matchProjects(
  extracted: readonly ExtractedProject[],
  candidates: readonly ProjectRecord[],
  firmIdsOf: (p: ExtractedProject) => ReadonlySet<string>,
): Array<Match<ProjectRecord> | null> {
  const pairs: Array<{ i: number; m: Match<ProjectRecord> }> = [];
  extracted.forEach((p, i) => {
    if (p.isAggregate) return;
    const firmIds = firmIdsOf(p);
    for (const c of candidates) {
      const m = scoreProject(p, c, firmIds);
      if (m.score >= PROJECT_MATCH_THRESHOLD) pairs.push({ i, m });
    }
  });
  pairs.sort((a, b) => b.m.score - a.m.score);
  const out: Array<Match<ProjectRecord> | null> = extracted.map(() => null);
  const taken = new Set<string>();
  for (const { i, m } of pairs) {
    if (out[i] || taken.has(m.record.id)) continue;
    out[i] = m;
    taken.add(m.record.id);
  }
  return out;
}

/**
 * The words of a project name that say what it makes (年产10万吨高端宠物食品项目 → 高端宠物食品):
 * what the repository searches project names for when no known firm leads to the project.
 */
export function projectNameCore(name: string): string {
  return normaliseProjectName(name)
    .replace(/年产[\d.]+[万亿千]?[^\d\s]{1,3}?(?=[\u4e00-\u9fff])(产品)?/g, '')
    .replace(/(建设|制造)$/, '');
}
