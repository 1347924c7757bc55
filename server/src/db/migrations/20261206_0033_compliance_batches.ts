import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Compliance is computed a batch of projects at a time (compliance.task.ts), so each batch reads a
 * project's commitments and its lead firm's own figures by key. Without these, every batch scanned
 * agreement_commitment and the figures of every firm.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('agreement_commitment_project_idx')
    .on('agreement_commitment')
    .columns(['project_id', 'superseded_by'])
    .execute();
  await db.schema
    .createIndex('actual_figure_firm_idx')
    .on('actual_figure')
    .columns(['firm_id', 'year'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('actual_figure_firm_idx').execute();
  await db.schema.dropIndex('agreement_commitment_project_idx').execute();
}
