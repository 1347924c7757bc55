import { defineGenerator } from '../types';
import { CHAINS } from './pipeline-names';

/**
 * Industrial chains of the generated world (issue 4): one chain per generator chain (CHAINS), each
 * with 60 links — 12 top-level links (4 upstream, 4 midstream, 4 downstream) with 4 sub-links each —
 * the size at which the map must stay readable and fast. Firms and projects point at the 48 leaf
 * links (`leafLinkIndexOf`); the first firms of each chain are its local chain leaders.
 */
export const LINKS_PER_CHAIN = 60;
const ROOTS = 12;
const POSITIONS = ['up', 'mid', 'down'] as const;
/** Chain leaders per chain: firms 0, 6, 12, … of the chain (forced local by the firm generator). */
export const LEADERS_PER_CHAIN = 10;
export const FORCED_LOCAL_FIRMS = CHAINS.length * LEADERS_PER_CHAIN;

export function linkIndex(chain: number, slot: number): number {
  return chain * LINKS_PER_CHAIN + slot;
}

/** The leaf link (global chain_link row index) a firm belongs to: spread over its chain's 48 leaves. */
export function leafLinkIndexOf(firm: number): number {
  const chain = firm % CHAINS.length;
  const k = Math.floor(firm / CHAINS.length);
  return linkIndex(chain, ROOTS + ((k * 7) % (LINKS_PER_CHAIN - ROOTS)));
}

const KINDS = ['supplier', 'customer', 'partner'] as const;
const at = new Date(Date.UTC(2026, 0, 1)).toISOString();

export const chainGenerator = defineGenerator({
  table: 'chain',
  version: 1,
  dependsOn: [],
  counts: { small: CHAINS.length, zone: CHAINS.length, province: CHAINS.length },
  columns: [
    'id',
    'name',
    'name_en',
    'official_name',
    'official_title',
    'description',
    'goal',
    'scope',
    'region',
    'is_city_key',
    'sort_order',
    'is_sample',
    'version',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    for (const [i, c] of CHAINS.entries()) {
      yield {
        id: ctx.idOf('chain', i),
        name: c.chain,
        name_en: null,
        official_name: null,
        official_title: null,
        description: null,
        goal: null,
        scope: 'zone',
        region: null,
        is_city_key: 0,
        sort_order: i,
        is_sample: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
    }
  },
});

export const chainLinkGenerator = defineGenerator({
  table: 'chain_link',
  version: 1,
  dependsOn: ['chain'],
  counts: {
    small: CHAINS.length * LINKS_PER_CHAIN,
    zone: CHAINS.length * LINKS_PER_CHAIN,
    province: CHAINS.length * LINKS_PER_CHAIN,
  },
  columns: [
    'id',
    'chain_id',
    'parent_id',
    'name',
    'position',
    'sort_order',
    'description',
    'industry_codes_json',
    'keywords_json',
    'priority',
    'is_sample',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    for (const [c, chain] of CHAINS.entries()) {
      for (let slot = 0; slot < LINKS_PER_CHAIN; slot++) {
        const root = slot < ROOTS ? slot : (slot - ROOTS) % ROOTS;
        const word = chain.links[root % chain.links.length] as string;
        yield {
          id: ctx.idOf('chain_link', linkIndex(c, slot)),
          chain_id: ctx.idOf('chain', c),
          parent_id: slot < ROOTS ? null : ctx.idOf('chain_link', linkIndex(c, root)),
          name:
            slot < ROOTS
              ? `${word}${root + 1}`
              : `${word}${root + 1}-${Math.floor((slot - ROOTS) / ROOTS) + 1}`,
          position: POSITIONS[root % 3] as string,
          sort_order: slot,
          description: null,
          industry_codes_json: JSON.stringify([chain.industry]),
          keywords_json: JSON.stringify([word, chain.word]),
          priority: 'medium',
          is_sample: 1,
          created_at: at,
          updated_at: at,
        };
      }
    }
  },
});

export const chainLeaderGenerator = defineGenerator({
  table: 'chain_leader',
  version: 1,
  dependsOn: ['chain', 'firm'],
  counts: {
    small: FORCED_LOCAL_FIRMS,
    zone: FORCED_LOCAL_FIRMS,
    province: FORCED_LOCAL_FIRMS,
  },
  columns: ['chain_id', 'firm_id', 'link_id', 'note', 'position'],
  *rows(ctx) {
    for (let i = 0; i < FORCED_LOCAL_FIRMS; i++) {
      yield {
        chain_id: ctx.idOf('chain', i % CHAINS.length),
        firm_id: ctx.idOf('firm', i),
        link_id: null,
        note: null,
        position: Math.floor(i / CHAINS.length),
      };
    }
  },
});

/**
 * 以商招商 graph: a third of the edges tie an external firm of the same chain to one of its
 * leaders (a leader has hundreds of suppliers, customers and partners), the rest join random firms
 * of the same chain.
 */
export const firmRelationGenerator = defineGenerator({
  table: 'firm_relation',
  version: 1,
  dependsOn: ['firm'],
  // At most three laps over each chain's firms (see the kinds below).
  counts: { small: 1_000, zone: 100_000, province: 1_000_000 },
  columns: ['id', 'from_firm_id', 'to_firm_id', 'kind', 'note', 'is_sample', 'created_at'],
  *rows(ctx) {
    const n = firmRelationGenerator.counts[ctx.scale];
    const firms = ctx.count('firm');
    const perChain = Math.floor(firms / CHAINS.length);
    const span = perChain - LEADERS_PER_CHAIN;
    for (let i = 0; i < n; i++) {
      const chain = i % CHAINS.length;
      // `from` walks the chain's non-leader firms; each lap over them uses another kind, so
      // (from, to, kind) stays unique (firm_relation_uq) for up to three laps.
      const step = Math.floor(i / CHAINS.length);
      const lap = Math.floor(step / span);
      const from = chain + CHAINS.length * (LEADERS_PER_CHAIN + (step % span));
      const toLeader = i % 3 === 0;
      let to = toLeader
        ? chain + CHAINS.length * ctx.rng.int(0, LEADERS_PER_CHAIN - 1)
        : chain + CHAINS.length * ctx.rng.int(LEADERS_PER_CHAIN, perChain - 1);
      if (to === from) to -= CHAINS.length;
      yield {
        id: ctx.idOf('firm_relation', i),
        from_firm_id: ctx.idOf('firm', from),
        to_firm_id: ctx.idOf('firm', to),
        kind: KINDS[lap % KINDS.length] as string,
        note: null,
        is_sample: 1,
        created_at: at,
      };
    }
  },
});
