import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Which process runs an import job, and when it last said so (issue 11 #12). A job's row stayed
 * `running` after its process was killed; now a starting server, or a resume, can tell a job whose
 * process is gone (same host and a dead pid, or no heartbeat for a while) from one another live
 * process is running — several processes may serve one PostgreSQL. Rows from before carry no owner
 * and are judged by `updated_at`.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_job').addColumn('owner_host', 'text').execute();
  await db.schema.alterTable('import_job').addColumn('owner_pid', 'integer').execute();
  // Random per process start: a restarted server may get the same pid (pid 1 in a container).
  await db.schema.alterTable('import_job').addColumn('owner_instance', 'text').execute();
  await db.schema.alterTable('import_job').addColumn('heartbeat_at', 'text').execute();
  await db.schema.createIndex('import_job_status_idx').on('import_job').column('status').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('import_job_status_idx').ifExists().execute();
  for (const c of ['heartbeat_at', 'owner_instance', 'owner_pid', 'owner_host']) {
    await db.schema.alterTable('import_job').dropColumn(c).execute();
  }
}
