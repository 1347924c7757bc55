import { chainMapData } from '../../server/src/modules/chain/chain-read.repository';
import { rankLinkTargets } from '../../server/src/modules/chain/chain-targets.task';
import { LINKS_PER_CHAIN, linkIndex } from '../generate/tables/chain.generator';
import { CHAINS } from '../generate/tables/pipeline-names';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario, Statement } from './types';

/**
 * Industrial chains (issue 4). Targets: ranking one link against the firm table (5M firms at
 * province scale) p50 < 300 ms; a 60-link chain map < 100 ms. The statements of a ranking depend
 * on the data (the candidate ids of one query feed the next), so each variant is captured on its
 * own and the raw side replays exactly those statements.
 */
const YEAR = 2026;
const RANKED_LINKS = 24;

export const chainTargetsScenario: Scenario = {
  name: 'chain-targets',
  description:
    'GET /api/chains/:id/links/:linkId/targets — bounded candidates (code, keyword, ties) then scoring, top 30',
  async prepare(ctx) {
    const variants: Array<{ chain: number; slot: number; ops: Statement[] }> = [];
    for (let i = 0; i < RANKED_LINKS; i++) {
      const chain = i % CHAINS.length;
      // Top-level links and leaves alike: a top-level link anchors the firms of its sub-links too.
      const slot = ctx.rng.int(0, LINKS_PER_CHAIN - 1);
      const linkId = ctx.generation.contextFor('chain_link').idOf('chain_link', linkIndex(chain, slot));
      const ops = await captureStatements(ctx.db, (k) => rankLinkTargets(k, { linkId, limit: 30 }));
      variants.push({ chain, slot, ops });
    }
    const ids = ctx.generation.contextFor('chain');
    const links = ctx.generation.contextFor('chain_link');
    const order = Array.from({ length: 500 }, () => ctx.rng.int(0, variants.length - 1));
    return {
      paths: order.map((v) => {
        const x = variants[v] as (typeof variants)[number];
        return `/api/chains/${ids.idOf('chain', x.chain)}/links/${links.idOf('chain_link', linkIndex(x.chain, x.slot))}/targets?limit=30`;
      }),
      rawOps: order.map((v) => (variants[v] as (typeof variants)[number]).ops),
    };
  },
};

export const chainMapScenario: Scenario = {
  name: 'chain-map',
  description:
    'GET /api/chains/:id/map — a 60-link chain: links, local firms, projects, investment, leads, year actuals',
  async prepare(ctx) {
    const ids = ctx.generation.contextFor('chain');
    const ops: Statement[][] = [];
    for (let c = 0; c < CHAINS.length; c++) {
      ops.push(
        await captureStatements(ctx.db, (k) =>
          chainMapData(k, { chainId: ids.idOf('chain', c), year: YEAR }),
        ),
      );
    }
    const order = Array.from({ length: 300 }, (_, i) => i % CHAINS.length);
    return {
      paths: order.map((c) => `/api/chains/${ids.idOf('chain', c)}/map?year=${YEAR}`),
      rawOps: order.map((c) => ops[c] as Statement[]),
    };
  },
};
