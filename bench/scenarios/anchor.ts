import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database';
import { presentProjects } from '../../server/src/modules/project/project.service';
import { WORLD_NOW_MS } from '../generate/context';
import { captureStatements } from '../lib/capture-sql';
import { cockpitScenario } from './dispatch';
import { projectSearchScenario, projectsByChainScenario } from './pipeline';
import type { Scenario, ScenarioContext, Statement } from './types';

/**
 * The issue-19 anchors that the other scenarios do not already cover: Q3 (one project's page data),
 * Q3 while two clients hammer the cockpit, and 200 users at once on a mix of reads. Q1 is
 * `projects-by-chain`, the cockpit is `cockpit`; `--scenario province-anchor` runs the whole set.
 */
const DETAIL_VARIANTS = 300;
const CLOCK = { now: () => new Date(WORLD_NOW_MS) };

/** Project ids spread over the table (not the first rows only: those would stay cache-hot). */
async function spreadProjectIds(ctx: ScenarioContext, n: number): Promise<string[]> {
  const total = ctx.generation.count('project');
  const g = ctx.generation.contextFor('project');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(g.idOf('project', ctx.rng.int(0, total - 1)));
  const found = await ctx.db.kysely.selectFrom('project').select('id').where('id', 'in', ids).execute();
  if (found.length === 0) throw new Error('no generated project found: regenerate the bench data');
  const have = new Set(found.map((r) => r.id));
  return ids.filter((id) => have.has(id));
}

/** The statements of GET /api/projects/:id after the session check: the project's page data. */
function captureDetail(ctx: ScenarioContext, id: string): Promise<Statement[]> {
  return captureStatements(ctx.db, (k: Kysely<Database>) =>
    presentProjects({ db: { ...ctx.db, kysely: k }, actor: null, ip: null, clock: CLOCK }, [id]),
  );
}

async function detailLoad(ctx: ScenarioContext) {
  const ids = await spreadProjectIds(ctx, DETAIL_VARIANTS);
  const ops: Statement[][] = [];
  for (const id of ids) ops.push(await captureDetail(ctx, id));
  return { paths: ids.map((id) => `/api/projects/${id}`), rawOps: ops };
}

export const projectDetailScenario: Scenario = {
  name: 'project-detail',
  description: 'Q3: GET /api/projects/:id, one project (investors, officer, lateness, link, figures)',
  prepare: detailLoad,
};

export const readWhileCockpitScenario: Scenario = {
  name: 'read-while-cockpit',
  description: 'Q3 with 2 clients loading GET /api/cockpit (zone / park / chain) beside it',
  async prepare(ctx) {
    const detail = await detailLoad(ctx);
    const cockpit = await cockpitScenario.prepare(ctx);
    return { ...detail, background: { paths: cockpit.paths, connections: 2 } };
  },
};

/** Requests per 20 of the mix: what a zone's staff mostly do (lists and records), and the cockpit. */
const MIX = { list: 8, detail: 8, search: 3, cockpit: 1 } as const;

export const mixed200Scenario: Scenario = {
  name: 'mixed-200',
  description: `200 clients at once: lists ${MIX.list}, project pages ${MIX.detail}, search ${MIX.search}, cockpit ${MIX.cockpit} per 20 requests (reads only)`,
  async prepare(ctx) {
    const [list, detail, search, cockpit] = [
      (await projectsByChainScenario.prepare(ctx)).paths,
      (await spreadProjectIds(ctx, DETAIL_VARIANTS)).map((id) => `/api/projects/${id}`),
      (await projectSearchScenario.prepare(ctx)).paths,
      (await cockpitScenario.prepare(ctx)).paths,
    ];
    const paths: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const take = (from: string[], n: number) => {
        for (let j = 0; j < n; j++) paths.push(from[(i * n + j) % from.length] as string);
      };
      take(list, MIX.list);
      take(detail, MIX.detail);
      take(search, MIX.search);
      take(cockpit, MIX.cockpit);
    }
    // Each client takes the next path: shuffle so the cockpit requests are spread over the clients.
    for (let i = paths.length - 1; i > 0; i--) {
      const j = ctx.rng.int(0, i);
      [paths[i], paths[j]] = [paths[j] as string, paths[i] as string];
    }
    return { paths, connections: 200, timeoutSeconds: 30 };
  },
};

/** `--scenario province-anchor`: the issue-19 anchor figures (startup and RSS are measured apart). */
export const PROVINCE_ANCHOR = [
  'projects-by-chain',
  'project-detail',
  'cockpit',
  'read-while-cockpit',
  'mixed-200',
  'startup',
] as const;
