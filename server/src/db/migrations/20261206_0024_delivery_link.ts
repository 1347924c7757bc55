import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Deep links in group-bot messages (issue 17): a queued outbound message remembers the app path of
 * the record it is about, so the message can carry a link a phone opens (the zone's public address
 * is added when it is sent, from LIANZHAO_PUBLIC_URL). Messages queued before have none.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbound_delivery').addColumn('link_path', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbound_delivery').dropColumn('link_path').execute();
}
