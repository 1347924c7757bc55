/**
 * Industrial chains (产业链, issue 4): enums, limits and the default target-ranking weights, used by
 * the server (validation, scoring) and the web (labels, the weights form).
 */

/** 上游 / 中游 / 下游: where a link sits on the chain. Children inherit their root's position. */
export const CHAIN_POSITIONS = ['up', 'mid', 'down'] as const;
export type ChainPosition = (typeof CHAIN_POSITIONS)[number];

export const LINK_PRIORITIES = ['high', 'medium', 'low'] as const;
export type LinkPriority = (typeof LINK_PRIORITIES)[number];

/** zone: the zone's own chain; county: a county's cluster (阳谷县); city: a city key chain (listed). */
export const CHAIN_SCOPES = ['zone', 'county', 'city'] as const;
export type ChainScope = (typeof CHAIN_SCOPES)[number];

/**
 * A link's state on the map, from the local firms attached to it or to its sub-links:
 * strong (强, two or more), weak (弱, one), missing (缺, none) — 强链 / 补链 targets.
 */
export const LINK_STATES = ['strong', 'weak', 'missing'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export function linkState(localFirms: number): LinkState {
  if (localFirms >= 2) return 'strong';
  return localFirms === 1 ? 'weak' : 'missing';
}

/** What a target's rank is made of; each factor is 0–1 and weighs `weight` points. */
export const RANKING_FACTORS = ['industry', 'keyword', 'tie', 'size', 'listed', 'signal'] as const;
export type RankingFactor = (typeof RANKING_FACTORS)[number];
export type RankingWeights = Record<RankingFactor, number>;

/**
 * Defaults sum to 100, so a score reads as "out of 100". Industry fit and ties to firms already here
 * (以商招商, the zone's proven path) weigh most; size and listing only break near-ties.
 */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  industry: 30,
  keyword: 20,
  tie: 25,
  size: 10,
  listed: 5,
  signal: 10,
};

export const CHAIN_LIMITS = {
  /** A chain map must stay readable at 60 links; 200 is the hard cap of one chain. */
  maxLinks: 200,
  /** Depth of the link tree: link → sub-link → detail is as deep as real chain maps go. */
  maxDepth: 4,
  maxCodesPerLink: 20,
  maxKeywordsPerLink: 20,
  /** One weight's ceiling: weights are relative, 100 is plenty of range. */
  maxWeight: 100,
  /** Ranked targets returned for one link. */
  maxTargets: 100,
} as const;

/** Signals in a firm's tags or notes that it may be ready to invest (近期信号). */
export const TARGET_SIGNALS = {
  expansion: { zh: '扩产', en: 'expansion', words: ['扩产', '扩建', '扩张', '新建产能', '扩能'] },
  financing: { zh: '融资', en: 'financing', words: ['融资', '增资', '获投', '定增'] },
  listing: { zh: '上市', en: 'listing', words: ['拟上市', '上市辅导', 'ipo', '新三板'] },
  capacity: { zh: '产能紧张', en: 'capacity pressure', words: ['产能紧张', '产能不足', '满产', '订单饱满'] },
} as const;
export type TargetSignal = keyof typeof TARGET_SIGNALS;

/** The chain link a firm, lead or project is attached to: the contract's type (contract/record-link.ts). */
export type { RecordLink } from './contract/record-link';
