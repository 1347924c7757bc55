import type { Kysely } from 'kysely';
import type { DialectName } from '../../server/src/db/connect';
import type { Database } from '../../server/src/db/database';
import {
  kanbanCardRows,
  lateStatsOf,
  stageTotals,
} from '../../server/src/modules/project/project.repository';
import { KANBAN_FIRST_CARDS } from '../../server/src/modules/project/project-kanban.service';
import { todayInShanghai } from '../../shared/src/dates';
import { PROJECT_STAGES } from '../../shared/src/project-stage';
import { WORLD_NOW_MS } from '../generate/context';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario } from './types';

const TODAY = todayInShanghai(new Date(WORLD_NOW_MS));

/**
 * What GET /api/projects/kanban runs with no filter (project-kanban.service.ts): the per-stage counts
 * and totals, the first cards of every non-empty column (a query each), the late milestones of
 * those cards. Also the raw side of bench/kanban-browser.ts.
 */
export async function kanbanStatements(kysely: Kysely<Database>, dialect: DialectName): Promise<void> {
  const totals = await stageTotals(kysely, dialect, { limit: 0, offset: 0 }, { kind: 'all' }, TODAY);
  const stages = PROJECT_STAGES.map((s) => s.key).filter((key) => totals.some((t) => t.stage === key));
  const rows = await kanbanCardRows(kysely, dialect, {}, { kind: 'all' }, TODAY, stages, KANBAN_FIRST_CARDS);
  await lateStatsOf(
    kysely,
    rows.map((r) => r.id),
    TODAY,
  );
}

/**
 * GET /api/projects/kanban over the whole zone (10 000 projects at zone scale) — the statements the
 * route runs, captured once and replayed as the raw SQL side.
 */
export const kanbanScenario: Scenario = {
  name: 'project-kanban',
  description: `GET /api/projects/kanban, no filter: stage counts and totals + first ${KANBAN_FIRST_CARDS} cards of each column`,
  async prepare(ctx) {
    const statements = await captureStatements(ctx.db, (k) => kanbanStatements(k, ctx.db.dialect));
    return { paths: ['/api/projects/kanban'], rawOps: [statements] };
  },
};
