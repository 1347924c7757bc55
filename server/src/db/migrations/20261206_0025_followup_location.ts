import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Where a visit was logged (issue 17): an officer may attach the phone's position to a follow-up.
 * Only when they choose to — the browser asks, and photos lose their EXIF position when resized.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('lead_followup').addColumn('lat', 'double precision').execute();
  await db.schema.alterTable('lead_followup').addColumn('lng', 'double precision').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('lead_followup').dropColumn('lng').execute();
  await db.schema.alterTable('lead_followup').dropColumn('lat').execute();
}
