import { type Kysely, sql } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Department heads as users, and withdrawing an issued report (issue 15).
 *
 * - `department.head_user_id`: the unit's head (负责人) as an account, so the first escalation step
 *   reaches a person. `head_name` stays as the imported text and is never cleared by this: where no
 *   user is linked it is what the screens show. `version` guards the admin's edit (409 on a stale one).
 * - `report_issue.withdrawn_*`: an issued report can be withdrawn (作废) with a reason; the row stays
 *   with its 文号, and the round may be issued again with a new number. So "one issue per round"
 *   becomes "one issue in force per round" (a partial unique index, which both databases support).
 */
export async function up(db: AnyDb): Promise<void> {
  // No foreign key: SQLite cannot drop a referencing column (down); the service checks the user.
  await db.schema.alterTable('department').addColumn('head_user_id', 'text').execute();
  await db.schema
    .alterTable('department')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.alterTable('report_issue').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('report_issue').addColumn('withdrawn_by', 'text').execute();
  await db.schema.alterTable('report_issue').addColumn('withdrawn_by_name', 'text').execute();
  await db.schema.alterTable('report_issue').addColumn('withdraw_reason', 'text').execute();
  await db.schema.dropIndex('report_issue_round_uq').execute();
  await db.schema
    .createIndex('report_issue_round_in_force_uq')
    .on('report_issue')
    .column('round_id')
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('report_issue_round_in_force_uq').execute();
  await db.schema
    .createIndex('report_issue_round_uq')
    .on('report_issue')
    .column('round_id')
    .unique()
    .execute();
  for (const c of ['withdraw_reason', 'withdrawn_by_name', 'withdrawn_by', 'withdrawn_at'])
    await db.schema.alterTable('report_issue').dropColumn(c).execute();
  await db.schema.alterTable('department').dropColumn('version').execute();
  await db.schema.alterTable('department').dropColumn('head_user_id').execute();
}
