import type { Kysely } from 'kysely';
import type { RequestActorKind } from '../../../../shared/src/request-status';
import type { Database, FactorRequestTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { findRequestById, type RequestScope } from './request.repository';

/**
 * Who may see and move which factor requests (要素保障). Route permissions let a role in; this
 * narrows to records:
 * - department: only requests assigned to its own department (its queue);
 * - enterprise: only its own firm's requests;
 * - officer, leader, admin: all (a leader reads and comments, but does not move them).
 * A request outside the scope is a 404, never a 403: a guessed id must not be confirmed.
 */
export function requestScopeOf(actor: Actor): RequestScope {
  // An account without its binding sees nothing (the sentinel matches no row).
  if (actor.role === 'department') return { kind: 'department', departmentId: actor.departmentId ?? '-' };
  if (actor.role === 'enterprise') return { kind: 'firm', firmId: actor.firmId ?? '-' };
  return { kind: 'all' };
}

export function assertRequestVisible(
  actor: Actor,
  row: Pick<FactorRequestTable, 'department_id' | 'firm_id'>,
): void {
  const scope = requestScopeOf(actor);
  if (scope.kind === 'department' && row.department_id !== scope.departmentId)
    throw errors.notFound('request');
  if (scope.kind === 'firm' && row.firm_id !== scope.firmId) throw errors.notFound('request');
}

/** A file on a request is seen by whoever sees the request (GET /api/attachments/:id). */
export async function assertRequestFileVisible(
  db: Kysely<Database>,
  actor: Actor,
  requestId: string,
): Promise<void> {
  const row = await findRequestById(db, requestId);
  if (!row) throw errors.notFound('attachment');
  assertRequestVisible(actor, row);
}

/**
 * What the actor is for this request, for the status machine: officers and admins coordinate
 * (assign, reassign, confirm on the firm's behalf); the assigned department's users work it; the
 * firm's users are the requester.
 */
export function requestActorKinds(
  actor: Actor,
  row: Pick<FactorRequestTable, 'department_id' | 'firm_id'>,
): RequestActorKind[] {
  switch (actor.role) {
    case 'admin':
    case 'officer':
      return ['coordinator'];
    case 'department':
      return row.department_id && row.department_id === actor.departmentId ? ['department'] : [];
    case 'enterprise':
      return row.firm_id === actor.firmId ? ['requester'] : [];
    default:
      return [];
  }
}
