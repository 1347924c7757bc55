import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Closings a supervision office can trust (issue 15, decision 013). A task or a problem item may
 * carry a linked record as its evidence (a project, request or task that shows the work done),
 * next to its attachments. A problem item is no longer closed by its own unit: the unit proposes
 * (proposed), the 督查室 verifies (verified: closed_date is set) or returns it with a reason
 * (returned). Items closed before this migration were closed by their unit and count as verified.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const table of ['task', 'problem_item']) {
    await db.schema.alterTable(table).addColumn('evidence_entity', 'text').execute();
    await db.schema.alterTable(table).addColumn('evidence_entity_id', 'text').execute();
  }
  await db.schema
    .alterTable('problem_item')
    .addColumn('close_status', 'text', (c) => c.notNull().defaultTo('open'))
    .execute();
  for (const c of [
    'rectified_date',
    'proposed_at',
    'proposed_by_name',
    'verified_at',
    'return_reason',
    'returned_at',
    'returned_by_name',
  ]) {
    await db.schema.alterTable('problem_item').addColumn(c, 'text').execute();
  }
  await db
    .updateTable('problem_item')
    .set({ close_status: 'verified' })
    .where('closed_date', 'is not', null)
    .execute();
  await db.schema
    .createIndex('problem_item_close_status_idx')
    .on('problem_item')
    .columns(['close_status', 'department_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('problem_item_close_status_idx').execute();
  for (const c of [
    'returned_by_name',
    'returned_at',
    'return_reason',
    'verified_at',
    'proposed_by_name',
    'proposed_at',
    'rectified_date',
    'close_status',
    'evidence_entity_id',
    'evidence_entity',
  ]) {
    await db.schema.alterTable('problem_item').dropColumn(c).execute();
  }
  for (const c of ['evidence_entity_id', 'evidence_entity']) {
    await db.schema.alterTable('task').dropColumn(c).execute();
  }
}
