import { DEFAULT_LIST_EXACT_TOTAL_CAP } from '../../server/src/config';
import { listProjects } from '../../server/src/modules/project/project.service';
import type { listProjectIds } from '../../server/src/modules/project/project-page.repository';
import { PROJECT_STAGES } from '../../shared/src/project-stage';
import { WORLD_NOW_MS } from '../generate/context';
import { LINKS_PER_CHAIN, linkIndex } from '../generate/tables/chain.generator';
import { CHAINS } from '../generate/tables/pipeline-names';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario, ScenarioContext, Statement } from './types';

const VARIANTS = 1_000;
const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key);
const CLOCK = { now: () => new Date(WORLD_NOW_MS) };
/** The bench's admin as the list service sees it (the route adds only the session check). */
const ADMIN = {
  userId: 'bench',
  username: 'admin',
  displayName: 'bench',
  role: 'admin',
  departmentId: null,
  firmId: null,
  via: 'token',
  sessionId: null,
} as const;

/**
 * The statements of one list request after the session check: exactly what the list service sends
 * (its total, its page, the page's rows and look-ups), captured by calling it.
 */
function capturePage(
  ctx: ScenarioContext,
  filter: Omit<Parameters<typeof listProjectIds>[2], 'limit' | 'offset'>,
) {
  return captureStatements(ctx.db, (k) =>
    listProjects(
      { db: { ...ctx.db, kysely: k }, actor: ADMIN, ip: null, clock: CLOCK },
      {
        ...filter,
        limit: 50,
        offset: 0,
      },
      { exactTotalUpTo: DEFAULT_LIST_EXACT_TOTAL_CAP },
    ),
  );
}

/**
 * Q1's variants: a link picked in the project list's filter bar (`linkId`: the link and the links
 * below it — a chain's 12 top links each hold 4 of its 48 leaves, where the projects sit) and an
 * active stage. The imported free-text `chainLink` (`链·环节`) is a filter the web never sends.
 */
function chainQueries(ctx: ScenarioContext) {
  const links = ctx.generation.contextFor('chain_link');
  const out: Array<{ linkId: string; stage: string }> = [];
  for (let i = 0; i < VARIANTS; i++) {
    const chain = ctx.rng.int(0, CHAINS.length - 1);
    const slot = ctx.rng.int(0, LINKS_PER_CHAIN - 1);
    out.push({ linkId: links.idOf('chain_link', linkIndex(chain, slot)), stage: ctx.rng.pick(ACTIVE) });
  }
  return out;
}

/**
 * The raw side replays, per variant, the statements of that variant's own request: the total and
 * page query with its chain link and stage, then the look-ups (rows with their names, late
 * milestones, dispatch cumulatives, figure sources) of the ids that page really returns. One fixed page of ids for every variant would stay cache-hot and
 * flatter the raw side (issue 19: 465 raw ops/s that way against 174 with the real pages).
 */
export const projectsByChainScenario: Scenario = {
  name: 'projects-by-chain',
  description:
    'GET /api/projects filtered by chain link (linkId, as the filter bar) and stage, by total investment desc, page of 50',
  async prepare(ctx) {
    const queries = chainQueries(ctx);
    const byKey = new Map<string, Statement[]>();
    for (const q of queries) {
      const key = `${q.linkId}|${q.stage}`;
      if (byKey.has(key)) continue;
      byKey.set(
        key,
        await capturePage(ctx, { linkId: q.linkId, stage: [q.stage], sort: '-totalInvestment' }),
      );
    }
    return {
      paths: queries.map(
        (q) =>
          `/api/projects?${new URLSearchParams({ linkId: q.linkId, stage: q.stage, sort: '-totalInvestment', limit: '50' })}`,
      ),
      rawOps: queries.map((q) => byKey.get(`${q.linkId}|${q.stage}`) as Statement[]),
    };
  },
};

/** Two-character terms (the records' bigrams, as dialect-sql.ts explains) and longer ones (FTS5 / trigram). */
const TERMS = [
  '宠物',
  '重工',
  '家居',
  '化工',
  '宠物食品',
  '压力容器',
  '智能家居',
  '坤源宠物',
  '铜材加工',
  '聊城',
];

export const projectSearchScenario: Scenario = {
  name: 'projects-search',
  description: 'GET /api/projects?q=<Chinese term> (2–4 characters), by total investment desc, page of 50',
  async prepare(ctx) {
    // Each term's own page and the look-ups of its own ids (as projects-by-chain).
    const ops: Statement[][] = [];
    for (const q of TERMS) ops.push(await capturePage(ctx, { q, sort: '-totalInvestment' }));
    const order = Array.from({ length: VARIANTS }, () => ctx.rng.int(0, TERMS.length - 1));
    return {
      paths: order.map((i) => `/api/projects?${new URLSearchParams({ q: TERMS[i]!, limit: '50' })}`),
      rawOps: order.map((i) => ops[i]!),
    };
  },
};
