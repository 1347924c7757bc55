import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { assertProjectEditable, assertProjectVisible } from '../project/project.policy';
import { projectOfficer } from './round.repository';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may file or correct a project's round report. Its figures are 入统 statistics, so the rule is
 * the project's own (project.policy.ts): an enterprise reports its firm's projects (any other is a
 * 404); an officer the projects they own (another's is a 403, as when editing that project); an
 * admin any.
 */
export async function assertMayReport(db: Q, actor: Actor, projectId: string): Promise<void> {
  await assertProjectVisible(db, actor, projectId);
  if (actor.role === 'enterprise') return;
  const project = await projectOfficer(db, projectId);
  if (!project) throw errors.notFound('project');
  assertProjectEditable(actor, project);
}
