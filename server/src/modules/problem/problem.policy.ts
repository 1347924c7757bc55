import type { Kysely, Transaction } from 'kysely';
import { can } from '../../../../shared/src/permissions';
import type { Database, ProblemItemTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Problem lists (问题清单): officers, leaders and admins see all; a department sees the lists that
 * hold at least one item of its own (and the whole list, so it sees what the others owe too).
 * An item's closing (销号) is proposed by its responsible department (or an officer or admin on
 * its behalf) and verified or returned by a holder of `supervision.verify` — the 督查室 or a
 * leader — from outside that department (decision 013).
 */
export async function assertProblemListVisible(db: Q, actor: Actor, listId: string): Promise<void> {
  if (actor.role === 'enterprise') throw errors.notFound('problem list');
  if (actor.role !== 'department') return;
  const mine = await db
    .selectFrom('problem_item')
    .select('id')
    .where('list_id', '=', listId)
    .where('department_id', '=', actor.departmentId ?? '-')
    .executeTakeFirst();
  if (!mine) throw errors.notFound('problem list');
}

export async function assertProblemItemVisible(db: Q, actor: Actor, itemId: string): Promise<void> {
  const item = await db
    .selectFrom('problem_item')
    .select('list_id')
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw errors.notFound('problem item');
  await assertProblemListVisible(db, actor, item.list_id);
}

export function mayProposeItem(actor: Actor, item: Pick<ProblemItemTable, 'department_id'>): boolean {
  if (actor.role === 'admin' || actor.role === 'officer') return true;
  return actor.role === 'department' && actor.departmentId === item.department_id;
}

export function mayVerifyItem(actor: Actor, item: Pick<ProblemItemTable, 'department_id'>): boolean {
  return can(actor.role, 'supervision.verify') && actor.departmentId !== item.department_id;
}
