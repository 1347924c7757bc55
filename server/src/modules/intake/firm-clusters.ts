// Groups firm mentions into firms: 乖宝宠物, 乖宝宠物食品 and 乖宝宠物食品集团 are one firm; two different
// legal names (瀚洋重工有限公司, 瀚洋重工装备制造（天津）有限公司) stay two, since they are two entities.

import { type FirmMention, sameFirm } from './entity-extractor';
import { isEngineeringBureau } from './firm-agents';
import type { FirmSource } from './types';

export interface FirmCluster {
  name: string;
  aliases: Set<string>;
  legal: boolean;
  source: FirmSource;
  knownId: string | null;
  mentions: FirmMention[];
}

const SOURCE_RANK: Record<FirmSource, number> = {
  known: 0,
  'legal-suffix': 1,
  'short-suffix': 2,
  listing: 3,
  'alias-declared': 4,
  enumeration: 5,
  agent: 6,
};

export function clusterFirms(mentions: readonly FirmMention[]): {
  clusters: FirmCluster[];
  clusterOf: (m: FirmMention) => FirmCluster | undefined;
} {
  const ordered = [...mentions].sort(
    (a, b) =>
      Number(b.legal) - Number(a.legal) ||
      b.name.length - a.name.length ||
      SOURCE_RANK[a.source] - SOURCE_RANK[b.source],
  );
  const clusters: FirmCluster[] = [];
  const byMention = new Map<FirmMention, FirmCluster>();
  const byName = new Map<string, FirmCluster>();
  for (const m of ordered) {
    let target = byName.get(m.name);
    if (!target && clusters.length < 300) {
      target = clusters.find(
        (c) =>
          !(c.legal && m.legal) &&
          (sameFirm(c.name, m.name) || [...c.aliases].some((a) => sameFirm(a, m.name))) &&
          (m.declaredAlias === null ||
            !clusters.some((o) => o !== c && o.aliases.has(m.declaredAlias ?? ''))),
      );
    }
    if (!target) {
      target = {
        name: m.name,
        aliases: new Set(),
        legal: m.legal,
        source: m.source,
        knownId: m.knownId,
        mentions: [],
      };
      clusters.push(target);
    } else if (m.name !== target.name) target.aliases.add(m.name);
    byName.set(m.name, target);
    if (m.declaredAlias) {
      target.aliases.add(m.declaredAlias);
      byName.set(m.declaredAlias, target);
    }
    if (m.knownId && !target.knownId) target.knownId = m.knownId;
    target.mentions.push(m);
    byMention.set(m, target);
  }
  // Declared aliases were found as separate mentions; fold their clusters into the declaring one.
  for (const c of clusters) {
    for (const other of clusters) {
      if (
        other !== c &&
        other.mentions.length > 0 &&
        c.aliases.has(other.name) &&
        other.source === 'alias-declared'
      ) {
        for (const m of other.mentions) {
          c.mentions.push(m);
          byMention.set(m, c);
        }
        other.mentions = [];
      }
    }
  }
  const live = clusters.filter((c) => c.mentions.length > 0);
  for (const c of live) c.mentions.sort((a, b) => a.start - b.start);
  live.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return { clusters: live, clusterOf: (m) => byMention.get(m) };
}

/** Government bodies sign with firms but are not investors. */
export function isGovernment(name: string): boolean {
  if (isEngineeringBureau(name)) return false;
  return /(?:政府|管委会|委员会|人大|政协|党委|局|厅)$/.test(name);
}
