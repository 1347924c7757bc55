import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Promises and results (issue 14, decision 015): 投资协议 agreements with their commitments (a
 * changed commitment is a new row; the old one is marked superseded by the amendment, never
 * overwritten), actual figures with their source, the consequences the zone recorded, and the
 * yearly 亩均效益 evaluation with the configuration it ran with.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('agreement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('signed_date', 'text', (c) => c.notNull())
    .addColumn('zone_party', 'text', (c) => c.notNull())
    .addColumn('signing_company', 'text', (c) => c.notNull())
    .addColumn('signing_firm_id', 'text', (c) => c.references('firm.id'))
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreement_project_idx').on('agreement').column('project_id').execute();
  await db.schema
    .createTable('agreement_amendment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_amendment_agreement_idx')
    .on('agreement_amendment')
    .column('agreement_id')
    .execute();
  await db.schema
    .createTable('agreement_commitment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    // null for a deadline (its date is due_date)
    .addColumn('value', 'double precision')
    .addColumn('due_year', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text')
    // the amendment that made this row (null: the agreement as signed)
    .addColumn('amendment_id', 'text')
    // the amendment that replaced it (null: in force)
    .addColumn('superseded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_commitment_due_idx')
    .on('agreement_commitment')
    .columns(['superseded_by', 'due_year'])
    .execute();
  await db.schema
    .createIndex('agreement_commitment_agreement_idx')
    .on('agreement_commitment')
    .column('agreement_id')
    .execute();
  await db.schema
    .createTable('actual_figure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('firm_id', 'text', (c) => c.references('firm.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('actual_figure_project_idx')
    .on('actual_figure')
    .columns(['project_id', 'year'])
    .execute();
  await db.schema
    .createIndex('actual_figure_year_idx')
    .on('actual_figure')
    .columns(['year', 'firm_id'])
    .execute();
  await db.schema
    .createTable('compliance_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id'))
    .addColumn('commitment_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('new_due_date', 'text')
    .addColumn('amendment_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_action_project_idx')
    .on('compliance_action')
    .column('project_id')
    .execute();
  await db.schema
    .createTable('mu_config')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mu_evaluation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('benchmarks_json', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_by_name', 'text')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mu_evaluation_item')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('mu_evaluation.id').onDelete('cascade'))
    .addColumn('firm_id', 'text', (c) => c.notNull())
    .addColumn('firm_name', 'text', (c) => c.notNull())
    .addColumn('class', 'text')
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('mu_evaluation_item_pk', ['evaluation_id', 'firm_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'mu_evaluation_item',
    'mu_evaluation',
    'mu_config',
    'compliance_action',
    'actual_figure',
    'agreement_commitment',
    'agreement_amendment',
    'agreement',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
