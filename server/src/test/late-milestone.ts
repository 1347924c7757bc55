import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/database';

/**
 * A project with a milestone still open after its planned date — late, as the cockpit counts it —
 * counted straight from the rows: what the roll-up tests compare the stored counts with.
 */
export function hasLateMilestone(today: string) {
  return ({ exists, selectFrom }: ExpressionBuilder<Database, 'project'>) =>
    exists(
      selectFrom('milestone')
        .select('milestone.id')
        .whereRef('milestone.project_id', '=', 'project.id')
        .where('milestone.actual_date', 'is', null)
        .where('milestone.planned_date', '<', today),
    );
}
