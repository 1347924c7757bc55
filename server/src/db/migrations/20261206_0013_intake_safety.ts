import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * News intake safety (issue 13): an article's normalised-text hash, so the same article imported
 * twice is recognised and linked to the first; and, per provenance row, the values applied with the
 * span each came from and its basis (a figure from news is an estimate, not a reported figure).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('intake_article').addColumn('text_hash', 'text').execute();
  // The first import of the same article, found when this one was read (null: first of its kind).
  await db.schema.alterTable('intake_article').addColumn('duplicate_of', 'text').execute();
  await db.schema
    .createIndex('intake_article_hash_idx')
    .on('intake_article')
    .columns(['text_hash'])
    .execute();
  // Per proposal, the span each proposed field was read from ({ field: { start, end } }).
  await db.schema
    .alterTable('intake_proposal')
    .addColumn('field_spans_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('provenance')
    .addColumn('values_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('intake_article_hash_idx').execute();
  await db.schema.alterTable('intake_article').dropColumn('text_hash').execute();
  await db.schema.alterTable('intake_article').dropColumn('duplicate_of').execute();
  await db.schema.alterTable('provenance').dropColumn('values_json').execute();
  await db.schema.alterTable('intake_proposal').dropColumn('field_spans_json').execute();
}
