import { type Kysely, sql } from 'kysely';
import { createSortIndex } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The project list filtered by a chain link (the filter bar's link picker, `linkId`) and a stage,
 * biggest investment first (issue 19's Q1): read in order from (link, stage, investment, id) instead
 * of sorting every project of the link and stage — as project_chain_stage_inv_idx (0002) does for
 * the imported free-text chain_link.
 */
export async function up(db: AnyDb): Promise<void> {
  await createSortIndex(
    db,
    'project_link_stage_inv_idx',
    'project',
    ['link_id', 'stage'],
    'total_investment',
  );
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index if exists project_link_stage_inv_idx`.execute(db);
}
