import type { Kysely } from 'kysely';
import { rebuildInvestorsJson } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The project's investors with their firms' names, as the list shows them (issue 19, Q1):
 * `[{"firmId","firmName","sharePct"}]` in position order. project_investor stays the truth; this
 * copy is rewritten in the same transaction as every write that changes a project's investors or an
 * investor firm's name (refreshInvestorColumns in project-search.ts), so a list page reads its
 * investors from its own rows instead of joining project_investor to the firm table per page.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('project')
    .addColumn('investors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await rebuildInvestorsJson(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('project').dropColumn('investors_json').execute();
}
