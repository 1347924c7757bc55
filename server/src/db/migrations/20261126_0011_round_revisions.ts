import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** The columns a revision keeps of its report: who wrote it and everything they wrote. */
const KEPT = [
  'reporter_id',
  'reporter_name',
  'reporter_role',
  'investment_period',
  'investment_in_stats',
  'funds_period',
  'exports_period',
  'output_period',
  'tax_period',
  'investment_cumulative',
  'funds_cumulative',
  'narrative',
  'problems',
] as const;

/**
 * Every version of a round report (issue 11 #7). The figures are 入统 statistics: a correction
 * must not erase what was filed before, so each write of a report adds a revision — who wrote it,
 * when, and the figures and text as written. Keyed by (report, version): the report's version is
 * checked on every correction, so each version is written once. Reports filed before keep their
 * current state as their first known revision.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('round_report_revision')
    .addColumn('report_id', 'text', (c) => c.notNull().references('round_report.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_role', 'text', (c) => c.notNull())
    .addColumn('investment_period', 'bigint', (c) => c.notNull())
    .addColumn('investment_in_stats', 'integer', (c) => c.notNull())
    .addColumn('funds_period', 'bigint', (c) => c.notNull())
    .addColumn('exports_period', 'bigint', (c) => c.notNull())
    .addColumn('output_period', 'bigint')
    .addColumn('tax_period', 'bigint')
    .addColumn('investment_cumulative', 'bigint')
    .addColumn('funds_cumulative', 'bigint')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('problems', 'text')
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_report_revision_pk', ['report_id', 'version'])
    .execute();
  await db
    .insertInto('round_report_revision')
    .columns(['report_id', 'version', ...KEPT, 'written_at'])
    .expression(db.selectFrom('round_report').select(['id', 'version', ...KEPT, 'updated_at']))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('round_report_revision').ifExists().execute();
}
