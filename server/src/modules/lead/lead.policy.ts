import { can } from '../../../../shared/src/permissions';
import type { LeadTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

/**
 * Who may change which leads. Reading is decided by the route permission (lead.read: admin,
 * leader, officer — leads are the zone's internal pipeline, never shown to enterprise users).
 * An officer edits, moves and signs the leads they own; an admin any lead; a leader none.
 */
export function assertLeadEditable(actor: Actor, lead: Pick<LeadTable, 'owner_id'>): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'officer' && lead.owner_id === actor.userId) return;
  throw errors.forbidden();
}

/** A follow-up's photo is read like the leads: by permission alone, the zone's pipeline, never a firm's. */
export async function assertFollowupFileVisible(_db: unknown, actor: Actor): Promise<void> {
  if (!can(actor.role, 'lead.read')) throw errors.notFound('attachment');
}
