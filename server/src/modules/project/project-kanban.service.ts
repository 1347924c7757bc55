import type { KanbanCard, ProjectKanban } from '../../../../shared/src/contract/project';
import { daysBetween } from '../../../../shared/src/dates';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { projectScopeOf } from './project.policy';
import * as repo from './project.repository';

/** Cards per column in the kanban answer; the column's next pages come from the list route. */
export const KANBAN_FIRST_CARDS = 30;

/**
 * Projects by stage (看板): every stage column with its count and investment (one grouped query), the
 * first cards of each non-empty column (a short indexed query each) and the late milestones of those
 * cards (one query). A card carries only what it shows (kanbanCardSchema): the whole project
 * presenter per card, and a count per column, made this route 25× slower than its SQL (issue 16).
 */
export async function projectKanban(
  ctx: ServiceContext,
  filter: Omit<repo.ProjectListFilter, 'limit' | 'offset'>,
): Promise<ProjectKanban> {
  const actor = requireActor(ctx);
  const scope = projectScopeOf(actor);
  const db = ctx.db.kysely;
  const day = today(ctx);
  const totals = await repo.stageTotals(db, ctx.db.dialect, { ...filter, limit: 0, offset: 0 }, scope, day);
  const stages = PROJECT_STAGES.map((s) => s.key).filter((key) => totals.some((t) => t.stage === key));
  const rows = await repo.kanbanCardRows(db, ctx.db.dialect, filter, scope, day, stages, KANBAN_FIRST_CARDS);
  const late = await repo.lateStatsOf(
    db,
    rows.map((r) => r.id),
    day,
  );
  const cards = new Map<string, KanbanCard[]>();
  for (const r of rows) {
    const stats = late.get(r.id);
    const card: KanbanCard = {
      id: r.id,
      code: r.code,
      name: r.name,
      stage: r.stage as KanbanCard['stage'],
      totalInvestment: r.total_investment === null ? null : Number(r.total_investment),
      priority: (r.priority as KanbanCard['priority']) ?? null,
      lateMilestones: stats?.count ?? 0,
      maxDaysLate: stats ? daysBetween(stats.oldest, day) : 0,
      isSample: Number(r.is_sample) === 1,
    };
    cards.set(r.stage, [...(cards.get(r.stage) ?? []), card]);
  }
  return {
    columns: PROJECT_STAGES.map((s) => {
      const t = totals.find((x) => x.stage === s.key);
      // SUM over only unknown amounts is NULL: the column then shows —, not 0元.
      const investment = t?.investment;
      return {
        stage: s.key,
        count: Number(t?.n ?? 0),
        totalInvestment: investment === null || investment === undefined ? null : Number(investment),
        items: cards.get(s.key) ?? [],
      };
    }),
  };
}
