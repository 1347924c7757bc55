import { can } from '../../../../shared/src/permissions';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

/**
 * Who may see and change which firms. Route permissions (firm.read / firm.write) let a role in;
 * this narrows it to records. Enterprise users see only their own firm: any other id is a 404,
 * never a 403, so guessing ids does not confirm that a record exists.
 */
/**
 * Who a firm is presented to (decision 011): `staff` — the zone's people, who see everything —
 * or `firm`, an enterprise user looking at its own firm, who sees the registry facts, its contacts
 * and its projects, but not what the zone writes about it (note, labels), its internal pipeline
 * (lead count, leads) nor its relations with other firms. Every route over a firm presents it
 * through `presentFirm` with the caller's audience, so list, detail, relations and export agree.
 */
export type FirmAudience = 'staff' | 'firm';

export type FirmScope = { kind: 'all' } | { kind: 'own'; firmId: string | null };

export function firmScopeOf(actor: Actor): FirmScope {
  return actor.role === 'enterprise' ? { kind: 'own', firmId: actor.firmId } : { kind: 'all' };
}

export function assertFirmVisible(actor: Actor, firmId: string): void {
  const scope = firmScopeOf(actor);
  if (scope.kind === 'own' && scope.firmId !== firmId) throw errors.notFound('firm');
}

/** Officers keep the firm register (any firm); admins too; leaders only read (no firm.write). */
export function assertFirmEditable(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'officer') throw errors.forbidden();
}

/** The audience a firm is presented to (firm.presenter.ts, decision 011). */
export function firmAudienceOf(actor: Actor): FirmAudience {
  return can(actor.role, 'firm.internal') ? 'staff' : 'firm';
}
