import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The rest of a dispatch report (issue 6): whether the period's investment is counted in the
 * statistics (入统 — only that part counts towards the 固定资产投资 target), and output value and
 * tax of the period for projects in production. Cumulative investment and funds already exist
 * (0007); earlier reports are taken as 入统, which is what 0007's investment column meant.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('round_report')
    .addColumn('investment_in_stats', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Integer yuan; null when the project is not producing yet (or the reporter did not say).
  await db.schema.alterTable('round_report').addColumn('output_period', 'bigint').execute();
  await db.schema.alterTable('round_report').addColumn('tax_period', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of ['tax_period', 'output_period', 'investment_in_stats']) {
    await db.schema.alterTable('round_report').dropColumn(c).execute();
  }
}
