import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may see and change which projects. Route permissions let a role in; this narrows to records:
 * - enterprise: only projects its firm invests in or signs for (项目公司); any other id is a 404 (never 403: a guessed id
 *   must not be confirmed);
 * - officer: reads all, edits the projects whose officer they are;
 * - leader: reads all (no project.write permission); admin: everything.
 */
export type ProjectScope = { kind: 'all' } | { kind: 'firm'; firmId: string | null };

export function projectScopeOf(actor: Actor): ProjectScope {
  return actor.role === 'enterprise' ? { kind: 'firm', firmId: actor.firmId } : { kind: 'all' };
}

/** Throws 404 when the actor may not see the project. */
export async function assertProjectVisible(db: Q, actor: Actor, projectId: string): Promise<void> {
  const scope = projectScopeOf(actor);
  if (scope.kind === 'all') return;
  if (!scope.firmId) throw errors.notFound('project');
  const firmId = scope.firmId;
  const [invests, signs] = await Promise.all([
    db
      .selectFrom('project_investor')
      .select('project_id')
      .where('project_id', '=', projectId)
      .where('firm_id', '=', firmId)
      .executeTakeFirst(),
    db
      .selectFrom('project')
      .select('id')
      .where('id', '=', projectId)
      .where('company_firm_id', '=', firmId)
      .executeTakeFirst(),
  ]);
  if (!invests && !signs) throw errors.notFound('project');
}

/** Throws 403 unless the actor may edit the project (its stage, milestones, fields). */
export function assertProjectEditable(actor: Actor, project: Pick<ProjectTable, 'officer_id'>): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'officer' && project.officer_id === actor.userId) return;
  throw errors.forbidden();
}

/** Lead follow-ups are the zone's internal notes: not on an enterprise user's timeline. */
export function maySeeFollowups(actor: Actor): boolean {
  return actor.role !== 'enterprise';
}
