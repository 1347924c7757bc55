import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The project a supervised task (督办任务) is about (issue 15): the dossier and the project page list
 * the project's tasks beside its factor requests. Optional — most campaign tasks concern no one project.
 */
export async function up(db: AnyDb): Promise<void> {
  // No foreign key: SQLite cannot drop a referencing column (down); the service checks the project.
  await db.schema.alterTable('task').addColumn('project_id', 'text').execute();
  await db.schema.createIndex('task_project_idx').on('task').column('project_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('task_project_idx').execute();
  await db.schema.alterTable('task').dropColumn('project_id').execute();
}
