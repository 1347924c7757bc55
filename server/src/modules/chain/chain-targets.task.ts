import type { Kysely } from 'kysely';
import type { RankingWeights } from '../../../../shared/src/chain';
import { INDUSTRY_CODES, normaliseIndustryCode } from '../../../../shared/src/industry-codes';
import type { Database } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import { findLink, leadersOf } from './chain.repository';
import {
  candidateDetails,
  candidateIds,
  leadsTargeting,
  linkParentsOf,
  localFirmsOnLinks,
  zoneRankingWeights,
} from './target-candidates.repository';
import {
  type CandidateFirm,
  type CandidateTie,
  parseWeights,
  rankCandidates,
  type ScoredTarget,
  type TieStrength,
} from './target-ranking.service';

/**
 * The ranked targets of one link, as a read task (worker thread on SQLite): a bounded candidate set
 * from indexes, then the pure scoring of target-ranking.service.ts. Sizes of the candidate set:
 */
export const CANDIDATE_LIMITS = {
  /** Biggest external firms per exact industry code. */
  perCode: 150,
  /** Code candidates in all (a division code expands to several classes). */
  codeBudget: 300,
  /** First external firms per keyword (search index), for the first `keywords` keywords. */
  perKeyword: 100,
  keywords: 4,
  /** Relations read from the chain leaders and from the link's local firms (each direction). */
  perLeaders: 200,
  perLinkFirms: 60,
  /** Local firms on the link used as anchors besides the chain leaders. */
  anchors: 50,
  /** Exact codes a link expands to (its codes and their listed sub-codes). */
  codes: 30,
} as const;

/** A link's codes with every listed sub-code: firms carry the most specific code they have. */
export function exactCodes(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of codes) {
    const c = normaliseIndustryCode(raw);
    if (!/^\d{2,4}$/.test(c)) continue;
    out.add(c);
    for (const e of INDUSTRY_CODES) if (e.code.startsWith(c) && /^\d+$/.test(e.code)) out.add(e.code);
  }
  return [...out].slice(0, CANDIDATE_LIMITS.codes);
}

export interface TargetTaskParams {
  linkId: string;
  limit: number;
  /** Weights to use instead of the zone's (a preview while editing them). */
  weights?: RankingWeights | null;
}

export interface TargetTaskResult {
  found: boolean;
  chainId: string;
  weights: RankingWeights;
  candidates: number;
  items: Array<ScoredTarget & { existingLead: { id: string; code: string } | null; isSample: boolean }>;
}

/** What scoring needs to know about a link: its chain, anchors (local firms) and criteria. */
async function linkContext(db: Kysely<Database>, linkId: string) {
  const link = await findLink(db, linkId);
  if (!link) return null;
  const setting = await zoneRankingWeights(db);
  const chainLinks = await linkParentsOf(db, link.chain_id);
  // The link and its sub-links: their local firms anchor ties.
  const subtree = new Set([link.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of chainLinks) {
      if (l.parent_id && subtree.has(l.parent_id) && !subtree.has(l.id)) {
        subtree.add(l.id);
        grew = true;
      }
    }
  }
  const leaders = (await leadersOf(db, [link.chain_id])).filter((l) => l.is_local === 1);
  const leaderIds = new Set(leaders.map((l) => l.firm_id));
  const onLink = await localFirmsOnLinks(db, [...subtree], CANDIDATE_LIMITS.anchors);
  return {
    link,
    zoneWeights: parseWeights(setting?.weights_json),
    chainLinkIds: new Set(chainLinks.map((l) => l.id)),
    leaderIds,
    linkFirmIds: onLink.map((f) => f.id).filter((id) => !leaderIds.has(id)),
    criteria: {
      industryCodes: parseJsonArray<string>(link.industry_codes_json),
      keywords: parseJsonArray<string>(link.keywords_json),
    },
  };
}
type LinkContext = NonNullable<Awaited<ReturnType<typeof linkContext>>>;

/** Loads the candidates' rows and ties, scores them, keeps the best `limit`. */
async function scoreIds(
  db: Kysely<Database>,
  lc: LinkContext,
  ids: readonly string[],
  weights: RankingWeights,
  limit: number,
) {
  const { firms, relations } = await candidateDetails(db, ids);
  const strengthOf = (localId: string, localLinkId: string | null): TieStrength =>
    lc.leaderIds.has(localId)
      ? 'leader'
      : localLinkId && lc.chainLinkIds.has(localLinkId)
        ? 'chain'
        : 'local';
  const ties = new Map<string, CandidateTie[]>();
  const names = new Map<string, string>();
  const candidateOf = (r: (typeof relations)[number]) =>
    r.local_id === r.to_firm_id ? r.from_firm_id : r.to_firm_id;
  for (const r of relations) {
    names.set(r.local_id, r.local_name);
    names.set(candidateOf(r), r.candidate_name);
  }
  for (const r of relations) {
    const list = ties.get(candidateOf(r)) ?? [];
    if (list.some((t) => t.relationId === r.id)) continue;
    list.push({
      relationId: r.id,
      kind: r.kind,
      fromFirmId: r.from_firm_id,
      fromFirmName: names.get(r.from_firm_id) ?? '',
      toFirmId: r.to_firm_id,
      toFirmName: names.get(r.to_firm_id) ?? '',
      localFirmId: r.local_id,
      strength: strengthOf(r.local_id, r.local_link_id),
    });
    ties.set(candidateOf(r), list);
  }
  const candidates: CandidateFirm[] = firms.map((f) => ({
    id: f.id,
    name: f.name,
    industryCode: f.industry_code,
    businessScope: f.business_scope,
    tags: parseJsonArray<string>(f.tags_json),
    note: f.note,
    sizeClass: f.size_class,
    registeredCapital: f.registered_capital === null ? null : Number(f.registered_capital),
    listedCode: f.listed_code,
    listedExchange: f.listed_exchange,
    region: f.region,
  }));
  const sample = new Map(firms.map((f) => [f.id, f.is_sample === 1]));
  const ranked = rankCandidates(candidates, ties, lc.criteria, weights, limit);
  const leads = await leadsTargeting(
    db,
    ranked.map((t) => t.firm.id),
  );
  const leadOf = new Map(leads.map((l) => [l.target_firm_id, { id: l.id, code: l.code }]));
  return {
    candidates: candidates.length,
    items: ranked.map((t) => ({
      ...t,
      existingLead: leadOf.get(t.firm.id) ?? null,
      isSample: sample.get(t.firm.id) ?? false,
    })),
  };
}

/** The ranked targets of a link: bounded candidates from indexes, then scoring. */
export async function rankLinkTargets(db: Kysely<Database>, p: TargetTaskParams): Promise<TargetTaskResult> {
  const lc = await linkContext(db, p.linkId);
  if (!lc) return { found: false, chainId: '', weights: parseWeights(null), candidates: 0, items: [] };
  const weights = p.weights ?? lc.zoneWeights;
  const ids = await candidateIds(db, {
    codes: exactCodes(lc.criteria.industryCodes),
    keywords: lc.criteria.keywords.slice(0, CANDIDATE_LIMITS.keywords),
    leaderIds: [...lc.leaderIds],
    linkFirmIds: lc.linkFirmIds,
    perCode: CANDIDATE_LIMITS.perCode,
    codeBudget: CANDIDATE_LIMITS.codeBudget,
    perKeyword: CANDIDATE_LIMITS.perKeyword,
    perLeaders: CANDIDATE_LIMITS.perLeaders,
    perLinkFirms: CANDIDATE_LIMITS.perLinkFirms,
  });
  const scored = await scoreIds(db, lc, ids, weights, p.limit);
  return { found: true, chainId: lc.link.chain_id, weights, ...scored };
}

/** One firm scored for a link with the zone's weights (a lead made from it records this). */
export async function scoreOneTarget(db: Kysely<Database>, linkId: string, firmId: string) {
  const lc = await linkContext(db, linkId);
  if (!lc) return null;
  const scored = await scoreIds(db, lc, [firmId], lc.zoneWeights, 1);
  return { link: lc.link, weights: lc.zoneWeights, item: scored.items[0] ?? null };
}
