import {
  findProjectsByIds,
  investorsOf,
  lateStatsOf,
  listProjectIds,
} from '../../server/src/modules/project/project.repository';
import { todayInShanghai } from '../../shared/src/dates';
import { PROJECT_STAGES } from '../../shared/src/project-stage';
import { WORLD_NOW_MS } from '../generate/context';
import { CHAINS } from '../generate/tables/pipeline-names';
import { captureStatements, statementTemplate } from '../lib/capture-sql';
import type { Scenario, ScenarioContext, Statement } from './types';

const VARIANTS = 1_000;
const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key);
const TODAY = todayInShanghai(new Date(WORLD_NOW_MS));
const SENTINELS = { chain: '\u0001chain', stage: '\u0001stage' } as const;

/**
 * The statements after the page query (investors, officer names, late milestones for the 50 ids):
 * captured once for a real page; looking up 50 other ids by key costs the same.
 */
async function pageLookups(ctx: ScenarioContext): Promise<Statement[]> {
  const { ids } = await listProjectIds(
    ctx.db.kysely,
    ctx.db.dialect,
    { limit: 50, offset: 0 },
    { kind: 'all' },
    TODAY,
  );
  return captureStatements(ctx.db, async (k) => {
    await findProjectsByIds(k, ids);
    await investorsOf(k, ids);
    await lateStatsOf(k, ids, TODAY);
  });
}

function chainQueries(ctx: ScenarioContext) {
  const out: Array<{ chain: string; stage: string }> = [];
  for (let i = 0; i < VARIANTS; i++) {
    const c = ctx.rng.pick(CHAINS);
    out.push({ chain: `${c.chain}·${ctx.rng.pick(c.links)}`, stage: ctx.rng.pick(ACTIVE) });
  }
  return out;
}

export const projectsByChainScenario: Scenario = {
  name: 'projects-by-chain',
  description: 'GET /api/projects filtered by chain link and stage, by total investment desc, page of 50',
  async prepare(ctx) {
    const queries = chainQueries(ctx);
    const captured = await captureStatements(ctx.db, (k) =>
      listProjectIds(
        k,
        ctx.db.dialect,
        {
          chainLink: SENTINELS.chain,
          stage: [SENTINELS.stage],
          sort: '-totalInvestment',
          limit: 50,
          offset: 0,
        },
        { kind: 'all' },
        TODAY,
      ),
    );
    const bind = statementTemplate(captured, SENTINELS);
    const lookups = await pageLookups(ctx);
    return {
      paths: queries.map(
        (q) =>
          `/api/projects?${new URLSearchParams({ chainLink: q.chain, stage: q.stage, sort: '-totalInvestment', limit: '50' })}`,
      ),
      rawOps: queries.map((q) => [...bind(q), ...lookups]),
    };
  },
};

/** Two-character terms (LIKE scan on SQLite, as explained in dialect-sql.ts) and longer ones (FTS5 / trigram). */
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
    const lookups = await pageLookups(ctx);
    const ops: Statement[][] = [];
    for (const q of TERMS) {
      const captured = await captureStatements(ctx.db, (k) =>
        listProjectIds(
          k,
          ctx.db.dialect,
          { q, sort: '-totalInvestment', limit: 50, offset: 0 },
          { kind: 'all' },
          TODAY,
        ),
      );
      ops.push([...captured, ...lookups]);
    }
    const order = Array.from({ length: VARIANTS }, () => ctx.rng.int(0, TERMS.length - 1));
    return {
      paths: order.map((i) => `/api/projects?${new URLSearchParams({ q: TERMS[i]!, limit: '50' })}`),
      rawOps: order.map((i) => ops[i]!),
    };
  },
};
