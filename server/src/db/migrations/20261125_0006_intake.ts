import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * News intake (资讯录入, issue 7): a pasted or uploaded text, the articles it was split into, the
 * proposals read from them (reviewed, then applied through the pipeline services), and the
 * provenance rows that tie every applied change to the article it came from.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('intake')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // text (pasted) | txt | docx | pdf
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    // Publication date that relative dates (3月份, 预计年底) were read against; null when unknown.
    .addColumn('article_date', 'text')
    // The decoded text exactly as the extractor read it: every span offset points into it.
    .addColumn('raw_text', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('extractor', 'text', (c) => c.notNull())
    .addColumn('warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // open (being reviewed) | applied
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addColumn('applied_by_name', 'text')
    .execute();
  await db.schema.createIndex('intake_created_idx').on('intake').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('intake_article')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intake.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('dateline', 'text')
    // First and last offset in intake.raw_text; spans_json has every range (a page's text can be out of order).
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('spans_json', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // What the extractor found (projects, firms, people, parks, signals, figures) with spans into raw_text.
    .addColumn('extraction_json', 'text', (c) => c.notNull())
    // The firms and projects of the zone its names were matched to (shown even when nothing changes).
    .addColumn('matches_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('intake_article_intake_idx')
    .on('intake_article')
    .columns(['intake_id', 'position'])
    .execute();

  await db.schema
    .createTable('intake_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intake.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('intake_article.id').onDelete('cascade'))
    // 1-based number within the intake: what the review screen and error messages call it (#3).
    .addColumn('position', 'integer', (c) => c.notNull())
    // create_firm | create_lead | update_project_stage | update_project_figures | add_signal_tag
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_entity', 'text', (c) => c.notNull())
    // The existing record changed; null when the proposal creates one.
    .addColumn('target_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    // The record's values when the proposal was made, for the side-by-side view; null for creates.
    .addColumn('current_json', 'text')
    .addColumn('spans_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // Another proposal of this intake this one needs (a lead for a firm created from the same article).
    .addColumn('depends_on', 'text')
    .addColumn('match_json', 'text')
    // proposed | dropped | applied
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text')
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createIndex('intake_proposal_intake_idx')
    .on('intake_proposal')
    .columns(['intake_id', 'position'])
    .execute();

  await db.schema
    .createTable('provenance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // firm | lead | project: the record a change was applied to (no FK: three tables).
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intake.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('intake_article.id'))
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('intake_proposal.id'))
    // create | update | stage | tag
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('applied_by_name', 'text')
    .execute();
  await db.schema
    .createIndex('provenance_entity_idx')
    .on('provenance')
    .columns(['entity', 'entity_id', 'applied_at'])
    .execute();
  await db.schema.createIndex('provenance_intake_idx').on('provenance').column('intake_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['provenance', 'intake_proposal', 'intake_article', 'intake']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
