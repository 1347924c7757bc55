import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import * as repo from './user.repository';

// The contract (shared/src/contract/account.ts); re-exported for the officer routes.
export { officerSchema } from '../../../../shared/src/contract/account';

const STAFF_ROLES = ['officer', 'leader'] as const;

/** Active officers and leaders by display name; no usernames, no account state. */
export async function listOfficers(ctx: ServiceContext) {
  requireActor(ctx);
  const rows = await repo.listActiveByRoles(ctx.db.kysely, STAFF_ROLES);
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      role: r.role as (typeof STAFF_ROLES)[number],
    })),
  };
}
