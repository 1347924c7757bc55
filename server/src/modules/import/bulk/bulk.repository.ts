import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, ImportBulkTable, ImportReportTable } from '../../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** Report rows per INSERT: 8 columns × 1,000 stays far below both databases' parameter limits. */
const REPORT_CHUNK = 1000;

export async function insertBulk(db: Q, row: Insertable<ImportBulkTable>): Promise<void> {
  await db.insertInto('import_bulk').values(row).execute();
}

/** A bulk job: its import_job row joined with the batch state. */
export function findBulkJob(db: Q, jobId: string) {
  return db
    .selectFrom('import_job as j')
    .innerJoin('import_bulk as b', 'b.job_id', 'j.id')
    .select([
      'j.id',
      'j.status',
      'j.file_name',
      'j.processed',
      'j.created',
      'j.updated',
      'j.unchanged',
      'j.error_count',
      'j.message',
      'j.actor_id',
      'j.actor_name',
      'j.created_at',
      'j.updated_at',
      'j.finished_at',
      'j.owner_host',
      'j.owner_pid',
      'j.owner_instance',
      'j.heartbeat_at',
      'b.format',
      'b.encoding',
      'b.batch_size',
      'b.file_path',
      'b.file_bytes',
      'b.file_sha256',
      'b.batches_committed',
      'b.batches_failed',
      'b.next_row',
      'b.next_byte',
      'b.stop_requested',
    ])
    .where('j.id', '=', jobId)
    .executeTakeFirst();
}

export type BulkJobRow = NonNullable<Awaited<ReturnType<typeof findBulkJob>>>;

/**
 * Moves the resume point from `expectedRow` to the end of the batch just finished. Returns false
 * when the job is no longer at `expectedRow` (another run took it over): the caller rolls back.
 */
export async function advanceBulk(
  trx: Q,
  jobId: string,
  expectedRow: number,
  patch: Updateable<ImportBulkTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable('import_bulk')
    .set(patch)
    .where('job_id', '=', jobId)
    .where('next_row', '=', expectedRow)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateBulk(db: Q, jobId: string, patch: Updateable<ImportBulkTable>): Promise<void> {
  await db.updateTable('import_bulk').set(patch).where('job_id', '=', jobId).execute();
}

/** True when someone asked the job to stop (POST …/stop, possibly on another process). */
export async function stopRequested(db: Q, jobId: string): Promise<boolean> {
  const r = await db
    .selectFrom('import_bulk')
    .select('stop_requested')
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return Number(r?.stop_requested ?? 0) === 1;
}

export async function insertReport(trx: Q, rows: readonly ImportReportTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += REPORT_CHUNK) {
    await trx
      .insertInto('import_report')
      .values(rows.slice(i, i + REPORT_CHUNK))
      .execute();
  }
}

/** The report in file order, a page at a time (a report may be long; the download streams it). */
export function reportPage(
  db: Q,
  jobId: string,
  after: { batch: number; row: number; pos: number } | null,
  limit: number,
) {
  let q = db
    .selectFrom('import_report')
    .select(['batch', 'row_no', 'position', 'field_zh', 'field_en', 'message_zh', 'message_en'])
    .where('job_id', '=', jobId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('batch', '>', after.batch),
        eb.and([eb('batch', '=', after.batch), eb('row_no', '>', after.row)]),
        eb.and([eb('batch', '=', after.batch), eb('row_no', '=', after.row), eb('position', '>', after.pos)]),
      ]),
    );
  }
  return q.orderBy('batch').orderBy('row_no').orderBy('position').limit(limit).execute();
}
