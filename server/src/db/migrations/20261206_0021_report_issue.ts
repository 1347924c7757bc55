import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Issuing a dispatch report as an official document (issue 15): a 文号/期数 per year and round kind.
 *
 * - `document_sequence` (kind, year): the last number handed out. A number is taken by one upsert
 *   (`insert … on conflict do update set last_number = last_number + 1 returning`), which both
 *   databases run atomically: two concurrent issues get two numbers, and a number rolled back with
 *   its transaction is never seen by anyone, so the sequence has no repeats.
 * - `report_issue`: one per round (a round is issued once), with the number, the 发文单位 and the
 *   抄送 line as they were when it was issued (a document does not change after it leaves).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('document_sequence')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequence_pk', ['kind', 'year'])
    .execute();

  await db.schema
    .createTable('report_issue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('cc', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('issued_by_name', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_issue_round_uq')
    .on('report_issue')
    .column('round_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('report_issue_number_uq')
    .on('report_issue')
    .columns(['kind', 'year', 'number'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_issue').execute();
  await db.schema.dropTable('document_sequence').execute();
}
