import { type Kysely, sql } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * `project_rollup` is keyed (park, link, stage), so the sums that do not name a park — the project
 * list's total for a chain link and a stage (issue 19's Q1), a chain's cockpit, a stage's total —
 * read every row of it: 244 µs of Q1's 675 µs of SQL at zone scale, and the table grows with
 * parks × links × stages. Indexed by link then stage, and by stage, they read only their own rows.
 * No covering columns: on PostgreSQL the counts change on every project write, and an index on
 * them would stop those updates from being HOT.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`create index if not exists project_rollup_link_stage_idx on project_rollup (link_id, stage)`.execute(
    db,
  );
  await sql`create index if not exists project_rollup_stage_idx on project_rollup (stage)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index if exists project_rollup_stage_idx`.execute(db);
  await sql`drop index if exists project_rollup_link_stage_idx`.execute(db);
}
