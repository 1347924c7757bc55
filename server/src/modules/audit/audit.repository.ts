import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/database';

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: 'at' | '-at';
  limit: number;
  offset: number;
}

/** An audit row with the actor's display name (null when the actor is no user, or was deleted). */
export type AuditRow = AuditLogTable & { actor_display_name: string | null };

/** The audit log is append-only: this module reads it; only audit.writer inserts. */
export async function listAudit(
  db: Kysely<Database>,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  // actor_name is set on every row (the username, or the name tried at a failed sign-in).
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [countRow, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    q
      // actor_name is the username on every row (sign-ins carry no actor id), so it names the user.
      .leftJoin('app_user', 'app_user.username', 'audit_log.actor_name')
      .selectAll('audit_log')
      .select('app_user.display_name as actor_display_name')
      .orderBy('audit_log.at', f.sort === 'at' ? 'asc' : 'desc')
      .orderBy('audit_log.id', f.sort === 'at' ? 'asc' : 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return { rows, total: Number(countRow?.n ?? 0) };
}
