import {
  findProjectsByIds,
  investorsOf,
  lateStatsOf,
  listProjectIds,
  stageTotals,
} from '../../server/src/modules/project/project.repository';
import { todayInShanghai } from '../../shared/src/dates';
import { PROJECT_STAGES } from '../../shared/src/project-stage';
import { WORLD_NOW_MS } from '../generate/context';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario } from './types';

const TODAY = todayInShanghai(new Date(WORLD_NOW_MS));
/** Cards per column in the kanban answer (project.service.ts projectKanban). */
const FIRST_CARDS = 30;

/**
 * GET /api/projects/kanban over the whole zone (10 000 projects at zone scale): the per-stage counts
 * and totals, then the first cards of every column with their investors and late milestones — the
 * statements the route runs, captured once and replayed as the raw SQL side.
 */
export const kanbanScenario: Scenario = {
  name: 'project-kanban',
  description: 'GET /api/projects/kanban, no filter: stage counts and totals + first 30 cards of each column',
  async prepare(ctx) {
    const { kysely, dialect } = ctx.db;
    const statements = await captureStatements(ctx.db, async (k) => {
      await stageTotals(k, dialect, { limit: 0, offset: 0 }, { kind: 'all' }, TODAY);
      for (const stage of PROJECT_STAGES) {
        const { ids } = await listProjectIds(
          kysely,
          dialect,
          { stage: [stage.key], sort: '-totalInvestment', limit: FIRST_CARDS, offset: 0 },
          { kind: 'all' },
          TODAY,
        );
        if (ids.length === 0) continue;
        await listProjectIds(
          k,
          dialect,
          { stage: [stage.key], sort: '-totalInvestment', limit: FIRST_CARDS, offset: 0 },
          { kind: 'all' },
          TODAY,
        );
        await findProjectsByIds(k, ids);
        await investorsOf(k, ids);
        await lateStatsOf(k, ids, TODAY);
      }
    });
    return { paths: ['/api/projects/kanban'], rawOps: [statements] };
  },
};
