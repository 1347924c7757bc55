import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Bulk firm import (issue 4, "Scale and speed"): a CSV or xlsx of millions of rows is written in
 * batches, each all-or-nothing. The job itself stays an `import_job` row (so the existing progress
 * route and audit trail apply); `import_bulk` adds what a resumable run needs — the batch counters
 * and where the last finished batch ended (data row and, for CSV, byte offset) — and
 * `import_report` holds the refused rows. Both are advanced in the batch's own transaction, so
 * after a crash they describe exactly what was committed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_bulk')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('import_job.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('batch_size', 'integer', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('file_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('batches_committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batches_failed', 'integer', (c) => c.notNull().defaultTo(0))
    // Data rows consumed by finished batches (committed or failed) and, for CSV, the byte offset
    // right after the last of them: a resumed run seeks there instead of re-reading the file.
    .addColumn('next_row', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('next_byte', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('stop_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('import_report')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_job.id').onDelete('cascade'))
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('row_no', 'bigint', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('field_zh', 'text')
    .addColumn('field_en', 'text')
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_report_pk', ['job_id', 'batch', 'row_no', 'position'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('import_report').ifExists().execute();
  await db.schema.dropTable('import_bulk').ifExists().execute();
}
