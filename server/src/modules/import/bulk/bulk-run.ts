import fs from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import type { ImportReportTable } from '../../../db/database';
import { withBatchedSearchIndex, withLargePageCache } from '../../../db/dialect-sql';
import type { ServiceContext } from '../../../plugins/context';
import { AppError } from '../../../plugins/errors';
import { writeAudit } from '../../audit/audit.writer';
import * as importRepo from '../import.repository';
import { KIND_LABELS } from '../import-columns';
import { planFirmImport } from '../import-firms';
import { type ImportCounts, type Issues, RowsRefused } from '../import-plan';
import type { ParsedSheet } from '../import-workbook';
import { keepHeartbeat } from '../job-owner';
import * as repo from './bulk.repository';
import { type BulkRow, type OpenedSource, openSource, SourceError } from './bulk-source';

/**
 * The bulk firm import's batch loop. Rows are taken from the file in batches of `batch_size`; each
 * batch is checked and matched by the workbook import's own planner (planFirmImport: the same
 * column readers, the same POST /api/firms schema, USCC check character and industry codes, the
 * same matching by USCC then normalised name, the same audit row per created or updated firm), then:
 * - no bad row: written in one transaction, together with the job's counters and resume point;
 * - any bad row: nothing of the batch is written; its problems go to import_report, in one
 *   transaction with the resume point.
 * So after a crash the job row says exactly which batches are done, and a resumed run (same file,
 * same job) continues after the last of them — from its byte offset in a CSV.
 */

export interface RunOptions {
  /** Stop between batches (the CLI's Ctrl-C); the job stays resumable. A stop asked for over HTTP (import_bulk.stop_requested) is read after each batch. */
  signal?: AbortSignal;
  /** Stop after this many batches in this run (an import spread over maintenance windows). */
  maxBatches?: number;
  /** Delete the file once every batch is finished (an upload kept under the data folder). */
  removeFileWhenDone?: boolean;
  /**
   * `per-row` keeps SQLite's per-row FTS trigger during the batch: only the benchmark uses it, to
   * print the before/after of the batched search upkeep in the same run.
   */
  searchIndex?: 'batched' | 'per-row';
  /** Called after each batch (the CLI prints progress). */
  onBatch?: (b: BatchOutcome) => void;
  /** Where unexpected failures go (the request logger, or the CLI's stderr). */
  log?: { error(obj: object, msg: string): void };
}

export interface BatchOutcome {
  batch: number;
  firstRow: number;
  lastRow: number;
  committed: boolean;
  counts: ImportCounts;
  badRows: number;
  rowsRead: number;
  ms: number;
}

const both = (m: Bilingual) => `${m.zh} / ${m.en}`;

/** Another run advanced the job under this one (a resume raced it): this batch is rolled back. */
class Superseded extends Error {}

function reportRows(jobId: string, batch: number, issues: Issues): ImportReportTable[] {
  const out: ImportReportTable[] = [];
  for (const [rowNo, list] of issues) {
    list.forEach((issue, position) => {
      out.push({
        job_id: jobId,
        batch,
        row_no: rowNo,
        position,
        field_zh: issue.column?.zh ?? null,
        field_en: issue.column?.en ?? null,
        message_zh: issue.message.zh,
        message_en: issue.message.en,
      });
    });
  }
  return out;
}

/**
 * Runs a claimed job (status running) from its resume point to the end of the file, or until
 * stopped. Unexpected errors leave the job failed and resumable; they are logged, not thrown.
 */
export async function runBulkJob(ctx: ServiceContext, jobId: string, opts: RunOptions = {}): Promise<void> {
  // The heartbeat tells other processes (and the next start) that this job's process is alive.
  const stopHeartbeat = keepHeartbeat(ctx.db.kysely, ctx.clock, jobId);
  try {
    await runBatches(ctx, jobId, opts);
  } finally {
    stopHeartbeat();
  }
}

async function runBatches(ctx: ServiceContext, jobId: string, opts: RunOptions): Promise<void> {
  const db = ctx.db.kysely;
  const stamp = () => ctx.clock.now().toISOString();
  const job = await repo.findBulkJob(db, jobId);
  if (!job?.file_path) throw new Error(`bulk job ${jobId} has no file`);
  let state = {
    batch: Number(job.batches_committed) + Number(job.batches_failed),
    committed: Number(job.batches_committed),
    failed: Number(job.batches_failed),
    nextRow: Number(job.next_row),
    nextByte: Number(job.next_byte),
    processed: Number(job.processed),
    created: Number(job.created),
    updated: Number(job.updated),
    unchanged: Number(job.unchanged),
    errorRows: Number(job.error_count),
  };
  const fail = (message: Bilingual) =>
    importRepo.updateJob(db, jobId, {
      status: 'failed',
      message: both(message),
      updated_at: stamp(),
      finished_at: stamp(),
    });
  const filePath = job.file_path;
  // A file refused for what it is (not a workbook the reader can read, a cap passed, a cell too long)
  // is refused again on any resume, which must present the same bytes: an uploaded one is removed
  // rather than kept for a resume that cannot succeed — up to 1 GB per upload, hostile ones included.
  const refuseFile = async (message: Bilingual) => {
    if (opts.removeFileWhenDone) {
      await fs.promises.rm(filePath, { force: true });
      await repo.updateBulk(db, jobId, { file_path: null });
    }
    await fail(message);
  };

  let source: OpenedSource;
  try {
    source = await openSource(job.file_path, { row: state.nextRow, byte: state.nextByte });
  } catch (err) {
    if (err instanceof SourceError) return refuseFile(err.bilingual);
    opts.log?.error({ err, jobId }, 'bulk import could not open its file');
    return fail({ zh: '无法打开导入文件', en: 'Could not open the import file' });
  }

  async function runBatch(rows: BulkRow[]): Promise<void> {
    const started = performance.now();
    const batch = state.batch + 1;
    const first = rows[0] as BulkRow;
    const last = rows[rows.length - 1] as BulkRow;
    const sheet: ParsedSheet = {
      label: KIND_LABELS.firm,
      headerRow: source.headerRow,
      preamble: [],
      rows,
      columnIndex: source.columnIndex,
    };
    const plan = await planFirmImport(ctx, sheet, () => yieldToLoop().then(() => undefined));
    const move = {
      next_row: last.rowNumber,
      next_byte: last.end,
    };
    const jobPatch = (c: ImportCounts, badRows: number, message: Bilingual) => ({
      processed: state.processed + rows.length,
      created: state.created + c.created,
      updated: state.updated + c.updated,
      unchanged: state.unchanged + c.unchanged,
      error_count: state.errorRows + badRows,
      message: both(message),
      updated_at: stamp(),
    });
    const none: ImportCounts = { created: 0, updated: 0, unchanged: 0 };

    const refuse = async (issues: Issues) => {
      const msg = {
        zh: `第${batch}批（第${first.rowNumber}–${last.rowNumber}行）有${issues.size}行错误，整批未写入`,
        en: `Batch ${batch} (rows ${first.rowNumber}–${last.rowNumber}): ${issues.size} bad rows, nothing of it written`,
      };
      await db.transaction().execute(async (trx) => {
        if (
          !(await repo.advanceBulk(trx, jobId, state.nextRow, { ...move, batches_failed: state.failed + 1 }))
        ) {
          throw new Superseded();
        }
        await repo.insertReport(trx, reportRows(jobId, batch, issues));
        await importRepo.updateJob(trx, jobId, jobPatch(none, issues.size, msg));
      });
      return { counts: none, badRows: issues.size };
    };

    let outcome: { counts: ImportCounts; badRows: number };
    let committed = false;
    if (plan.issues.size > 0) outcome = await refuse(plan.issues);
    else {
      try {
        const counts = await db.transaction().execute(async (trx) => {
          if (
            !(await repo.advanceBulk(trx, jobId, state.nextRow, {
              ...move,
              batches_committed: state.committed + 1,
            }))
          ) {
            throw new Superseded();
          }
          const write = () => plan.write(trx);
          const c =
            opts.searchIndex === 'per-row' ? await write() : await withBatchedSearchIndex(trx, 'firm', write);
          await writeAudit(trx, ctx, {
            entity: 'import_job',
            entityId: jobId,
            action: 'import_batch',
            after: { batch, firstRow: first.rowNumber, lastRow: last.rowNumber, rows: rows.length, ...c },
          });
          await importRepo.updateJob(
            trx,
            jobId,
            jobPatch(c, 0, {
              zh: `第${batch}批已写入（至第${last.rowNumber}行）`,
              en: `Batch ${batch} written (up to row ${last.rowNumber})`,
            }),
          );
          return c;
        });
        outcome = { counts, badRows: 0 };
        committed = true;
      } catch (err) {
        if (!(err instanceof RowsRefused)) throw err;
        outcome = await refuse(err.issues);
      }
    }
    state = {
      ...state,
      batch,
      committed: state.committed + (committed ? 1 : 0),
      failed: state.failed + (committed ? 0 : 1),
      nextRow: move.next_row,
      nextByte: move.next_byte,
      processed: state.processed + rows.length,
      created: state.created + outcome.counts.created,
      updated: state.updated + outcome.counts.updated,
      unchanged: state.unchanged + outcome.counts.unchanged,
      errorRows: state.errorRows + outcome.badRows,
    };
    opts.onBatch?.({
      batch,
      firstRow: first.rowNumber,
      lastRow: last.rowNumber,
      committed,
      counts: outcome.counts,
      badRows: outcome.badRows,
      rowsRead: state.processed,
      ms: performance.now() - started,
    });
  }

  const size = Number(job.batch_size);
  /** SQLite page cache during the run (see withLargePageCache). */
  const CACHE_MB = 128;
  let ranThisRun = 0;
  const stopRequested = async () =>
    opts.signal?.aborted === true ||
    (opts.maxBatches !== undefined && ranThisRun >= opts.maxBatches) ||
    (await repo.stopRequested(db, jobId));
  /** Reads the file batch by batch; false when stopped before its end. */
  const readAll = async (): Promise<boolean> => {
    let rows: BulkRow[] = [];
    for await (const r of source.rows()) {
      rows.push(r);
      if (rows.length < size) continue;
      await runBatch(rows);
      rows = [];
      ranThisRun++;
      if (await stopRequested()) return false;
    }
    if (rows.length > 0) await runBatch(rows);
    return true;
  };
  try {
    if (!(await withLargePageCache(db, CACHE_MB, readAll))) {
      return fail({
        zh: `已在第${state.nextRow}行后暂停（已提交${state.committed}批），可继续导入`,
        en: `Stopped after row ${state.nextRow} (${state.committed} batches committed); resume to continue`,
      });
    }
    const refused =
      state.failed > 0
        ? {
            zh: `；${state.failed} 批因 ${state.errorRows} 行错误未写入，请下载报告`,
            en: `; ${state.failed} batches not written because of ${state.errorRows} bad rows, see the report`,
          }
        : { zh: '', en: '' };
    const summary = {
      zh: `导入完成：读取 ${state.processed} 行，提交 ${state.committed} 批（新增 ${state.created}，更新 ${state.updated}，无变化 ${state.unchanged}）${refused.zh}`,
      en: `Done: ${state.processed} rows read, ${state.committed} batches committed (${state.created} created, ${state.updated} updated, ${state.unchanged} unchanged)${refused.en}`,
    };
    // The upload goes first, so a job seen as done has no file left behind.
    if (opts.removeFileWhenDone) await fs.promises.rm(job.file_path, { force: true });
    await importRepo.updateJob(db, jobId, {
      status: 'done',
      total: state.processed,
      message: both(summary),
      updated_at: stamp(),
      finished_at: stamp(),
    });
  } catch (err) {
    if (err instanceof Superseded) return; // the other run owns the job now
    if (err instanceof SourceError) return refuseFile(err.bilingual);
    const message =
      err instanceof AppError
        ? err.bilingual
        : {
            zh: '导入中断（服务器内部错误），已提交的批次保留，可继续导入',
            en: 'The import stopped (internal error); committed batches are kept, resume to continue',
          };
    if (!(err instanceof AppError)) opts.log?.error({ err, jobId }, 'bulk import failed');
    try {
      await fail(message);
    } catch (again) {
      opts.log?.error({ err: again, jobId }, 'could not record the failed bulk import');
    }
  }
}
