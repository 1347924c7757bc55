import type { Kysely, Transaction } from 'kysely';
import type { ActualSource } from '../../../../shared/src/agreement';
import type { Database } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { assertProjectEditable, assertProjectVisible } from '../project/project.policy';
import { projectOf } from './agreement.repository';
import { departmentAssigned } from './agreement-scope';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may see and change a project's agreements and figures: the project's own scope (an
 * enterprise only its firm's projects, any other id a 404), a department only the projects it is
 * assigned to (agreement-scope.ts; others a 404), and for changes the project's officer or an
 * admin. An enterprise files figures for its own projects, always as a firm report.
 */
export async function visibleProject(db: Q, actor: Actor, projectId: string) {
  const project = await projectOf(db, projectId);
  if (!project) throw errors.notFound('project');
  if (actor.role === 'department') {
    if (!actor.departmentId || !(await departmentAssigned(db, actor.departmentId, projectId)))
      throw errors.notFound('project');
    return project;
  }
  await assertProjectVisible(db, actor, projectId);
  return project;
}

export async function editableProject(db: Q, actor: Actor, projectId: string) {
  const project = await visibleProject(db, actor, projectId);
  assertProjectEditable(actor, project);
  return project;
}

/** The project a figure may be filed on by this actor with this source. */
export async function fileableProject(db: Q, actor: Actor, projectId: string, source: ActualSource) {
  if (actor.role !== 'enterprise') return editableProject(db, actor, projectId);
  const project = await visibleProject(db, actor, projectId);
  if (source !== 'firm_report') {
    throw errors.validation([
      {
        path: 'source',
        message: { zh: '企业只能以“企业填报”提交数据', en: 'A firm files its figures as a firm report' },
      },
    ]);
  }
  return project;
}
