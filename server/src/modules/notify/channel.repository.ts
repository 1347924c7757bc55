import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutboundChannelTable, OutboundDeliveryTable } from '../../db/database';

/** The outbound tables' statements: the channels and the messages queued on them. */
type Q = Kysely<Database> | Transaction<Database>;

/** How many deliveries each channel has in each status. */
export function deliveryCountsByChannel(db: Q) {
  return db
    .selectFrom('outbound_delivery')
    .select(['channel_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['channel_id', 'status'])
    .execute();
}

/** The deliveries' errors, newest attempt first (a channel's first is its last error). */
export function deliveryErrorsNewestFirst(db: Q) {
  return db
    .selectFrom('outbound_delivery')
    .select(['channel_id', 'last_error'])
    .where('last_error', 'is not', null)
    .orderBy('next_attempt_at', 'desc')
    .execute();
}

export function listChannelRows(db: Q): Promise<OutboundChannelTable[]> {
  return db.selectFrom('outbound_channel').selectAll().orderBy('created_at').execute();
}

export function findChannel(db: Q, id: string): Promise<OutboundChannelTable | undefined> {
  return db.selectFrom('outbound_channel').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertChannel(db: Q, row: OutboundChannelTable): Promise<void> {
  await db.insertInto('outbound_channel').values(row).execute();
}

/** Applies a patch if the channel is still at `version`; false if someone changed it first. */
export async function updateChannelVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<OutboundChannelTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('outbound_channel')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function enabledChannels(db: Q): Promise<OutboundChannelTable[]> {
  return db.selectFrom('outbound_channel').selectAll().where('enabled', '=', 1).execute();
}

/** Queues a message on a channel unless the channel already has one with the same dedupe key. */
export async function insertDeliveryOnce(db: Q, row: Insertable<OutboundDeliveryTable>): Promise<void> {
  await db
    .insertInto('outbound_delivery')
    .values(row)
    .onConflict((oc) => oc.columns(['channel_id', 'dedupe_key']).doNothing())
    .execute();
}

/** The pending deliveries due by `nowIso` on enabled channels, oldest due first, with their channel. */
export function dueDeliveries(db: Q, nowIso: string, limit: number) {
  return db
    .selectFrom('outbound_delivery')
    .innerJoin('outbound_channel', 'outbound_channel.id', 'outbound_delivery.channel_id')
    .select([
      'outbound_delivery.id',
      'outbound_delivery.subject',
      'outbound_delivery.body',
      'outbound_delivery.link_path',
      'outbound_delivery.attempts',
      'outbound_channel.kind',
      'outbound_channel.config_json',
      'outbound_channel.secret',
    ])
    .where('outbound_delivery.status', '=', 'pending')
    .where('outbound_delivery.next_attempt_at', '<=', nowIso)
    .where('outbound_channel.enabled', '=', 1)
    .orderBy('outbound_delivery.next_attempt_at')
    .limit(limit)
    .execute();
}

/** Claims a pending delivery for sending (pending → sending); false if another process has it. */
export async function claimDelivery(db: Q, id: string): Promise<boolean> {
  const claim = await db
    .updateTable('outbound_delivery')
    .set({ status: 'sending' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

export async function markDeliverySent(db: Q, id: string, attempts: number, sentAt: string): Promise<void> {
  await db
    .updateTable('outbound_delivery')
    .set({
      status: 'sent',
      attempts,
      sent_at: sentAt,
      last_error: null,
    })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: back to pending for the next try at `nextAttemptAt`, or failed for good. */
export async function markDeliveryAttemptFailed(
  db: Q,
  id: string,
  fields: { status: 'failed' | 'pending'; attempts: number; lastError: string; nextAttemptAt: string },
): Promise<void> {
  await db
    .updateTable('outbound_delivery')
    .set({
      status: fields.status,
      attempts: fields.attempts,
      last_error: fields.lastError,
      next_attempt_at: fields.nextAttemptAt,
    })
    .where('id', '=', id)
    .execute();
}
