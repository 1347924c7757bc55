import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, EscalationTable, NotificationTable } from '../../db/database';

/** The notify tables' statements: who hears of an event, the inbox rows, the escalation steps. */
type Q = Kysely<Database> | Transaction<Database>;

/** Ids of the enabled accounts of a unit (department accounts) or a firm (enterprise accounts). */
export function activeUserIdsOf(
  db: Q,
  of: { department_id: string; role: 'department' } | { firm_id: string; role: 'enterprise' },
) {
  const [column, id] =
    'firm_id' in of ? (['firm_id', of.firm_id] as const) : (['department_id', of.department_id] as const);
  return db
    .selectFrom('app_user')
    .select('id')
    .where(column, '=', id)
    .where('role', '=', of.role)
    .where('disabled', '=', 0)
    .execute();
}

/** Ids of the enabled accounts holding one of the roles. */
export function activeUserIdsWithRole(db: Q, roles: string[]) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('role', 'in', roles)
    .where('disabled', '=', 0)
    .execute();
}

/** Adds a notification unless the user already has one with the same dedupe key. */
export async function insertNotificationOnce(db: Q, row: Insertable<NotificationTable>): Promise<void> {
  await db
    .insertInto('notification')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .execute();
}

/** The escalation levels already on record for one item and deadline. */
export function recordedEscalationLevels(db: Q, entity: string, entityId: string, deadline: string) {
  return db
    .selectFrom('escalation')
    .select('level')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deadline', '=', deadline)
    .execute();
}

/** Records an escalation step unless it is on record; true if it was new. */
export async function insertEscalationOnce(db: Q, row: Insertable<EscalationTable>): Promise<boolean> {
  const res = await db
    .insertInto('escalation')
    .values(row)
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'level', 'deadline']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) !== 0;
}
