import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { UPLOAD_LIMITS } from '../../../../../shared/src/upload-limits';
import { newId } from '../../../lib/ids';
import type { ServiceContext } from '../../../plugins/context';
import { requireActor } from '../../../plugins/context';
import { errors } from '../../../plugins/errors';
import { checkZipDirectory } from '../../../upload/zip-guard';
import { assertFirmEditable } from '../../firm/firm.policy';
import * as importRepo from '../import.repository';
import { ownedByThisProcess, ownerGone } from '../job-owner';
import { INTERRUPTED } from '../job-recovery.service';
import * as repo from './bulk.repository';
import { type RunOptions, runBulkJob } from './bulk-run';
import { SourceError, sniffFormat } from './bulk-source';

/**
 * Bulk firm import (issue 4): a CSV or xlsx of any length, written in all-or-nothing batches with
 * a resumable report. Jobs live in import_job + import_bulk, so any app process can report on
 * them and resume them; the file stays where it was given (the CLI's path, or the upload under the
 * data folder) until the job is done.
 */

import type { BulkJob as BulkJobDto } from '../../../../../shared/src/contract/import';

export { bulkJobSchema } from '../../../../../shared/src/contract/import';

export const BULK_LIMITS = {
  /** Rows per batch: big enough that per-statement costs vanish, small enough that a refused batch is a short fix. */
  defaultBatch: 5000,
  maxBatch: 50_000,
  /** An upload of 2 GB holds ~10M firm rows: a province's register with room to spare. */
  maxFileBytes: 2 * 1024 * 1024 * 1024,
} as const;

const both = (m: Bilingual) => `${m.zh} / ${m.en}`;

/** SHA-256 of a file, streamed: a resume must read the very file the job started with. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function badFile(message: Bilingual) {
  return errors.badRequest('BULK_IMPORT_FILE', message, [{ path: 'file', message }]);
}

/**
 * Records a bulk job for the file at `path` (refusing what is neither CSV nor xlsx, 400) and claims
 * it for the caller, who then runs it (runBulkJob). `sha256` may be given when already computed
 * while the upload was saved.
 */
export async function createBulkJob(
  ctx: ServiceContext,
  input: { path: string; fileName: string | null; batchSize?: number; sha256?: string },
): Promise<{ jobId: string }> {
  const actor = requireActor(ctx);
  assertFirmEditable(actor);
  let sniffed: Awaited<ReturnType<typeof sniffFormat>>;
  try {
    sniffed = await sniffFormat(input.path);
  } catch (err) {
    if (err instanceof SourceError) throw badFile(err.bilingual);
    throw err;
  }
  // A bomb (or a damaged zip) is refused now, from the zip directory alone (413/400).
  if (sniffed.format === 'xlsx') await checkZipDirectory(input.path, UPLOAD_LIMITS.bulkXlsx);
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const stat = await fs.promises.stat(input.path);
  const sha = input.sha256 ?? (await fileSha256(input.path));
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await importRepo.insertJob(trx, {
      id,
      kind: 'firm',
      status: 'running',
      file_name: input.fileName,
      total: 0,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      error_count: 0,
      message: both({ zh: '正在读取文件', en: 'Reading the file' }),
      error_file: null,
      actor_id: actor.userId,
      actor_name: actor.username,
      created_at: nowIso,
      updated_at: nowIso,
      finished_at: null,
      ...ownedByThisProcess(nowIso),
    });
    await repo.insertBulk(trx, {
      job_id: id,
      format: sniffed.format,
      encoding: sniffed.encoding,
      batch_size: input.batchSize ?? BULK_LIMITS.defaultBatch,
      file_path: input.path,
      file_bytes: stat.size,
      file_sha256: sha,
      batches_committed: 0,
      batches_failed: 0,
      next_row: 0,
      next_byte: 0,
      stop_requested: 0,
    });
  });
  return { jobId: id };
}

async function visibleJob(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  const job = await repo.findBulkJob(ctx.db.kysely, id);
  // Another officer's import is not theirs to follow (404, like any record out of scope).
  if (!job || (job.actor_id !== actor.userId && actor.role !== 'admin')) throw errors.notFound('import');
  return job;
}

/** A job still marked running whose process is gone (job-owner.ts): shown as interrupted, resumable. */
function isInterrupted(ctx: ServiceContext, job: repo.BulkJobRow): boolean {
  return job.status === 'running' && ownerGone(job, ctx.clock.now());
}

/** Progress and outcome of a bulk import. */
export async function getBulkJob(ctx: ServiceContext, id: string): Promise<BulkJobDto> {
  const job = await visibleJob(ctx, id);
  const stale = isInterrupted(ctx, job);
  return {
    id: job.id,
    status: stale ? 'failed' : (job.status as BulkJobDto['status']),
    // A refused upload is removed (bulk-run.ts): without its file a failed job cannot go on.
    resumable: stale || (job.status === 'failed' && job.file_path !== null),
    fileName: job.file_name,
    format: job.format as BulkJobDto['format'],
    encoding: job.encoding,
    batchSize: Number(job.batch_size),
    rowsRead: Number(job.processed),
    batchesCommitted: Number(job.batches_committed),
    batchesFailed: Number(job.batches_failed),
    created: Number(job.created),
    updated: Number(job.updated),
    unchanged: Number(job.unchanged),
    errorRows: Number(job.error_count),
    resumeRow: Number(job.next_row),
    resumeByte: Number(job.next_byte),
    fileBytes: Number(job.file_bytes),
    message: stale ? both(INTERRUPTED.bulk) : job.message,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/**
 * Claims a stopped, failed or interrupted job for another run. `path` replaces the file's location
 * (the CLI names it again, or an upload replaces a lost one); either way the file must be the one
 * the job started with (same SHA-256).
 */
export async function claimBulkJob(
  ctx: ServiceContext,
  id: string,
  path?: string,
): Promise<{ filePath: string }> {
  const actor = requireActor(ctx);
  assertFirmEditable(actor);
  const job = await visibleJob(ctx, id);
  if (job.status === 'done') {
    throw errors.conflict('BULK_IMPORT_DONE', { zh: '该导入已完成', en: 'This import is already finished' });
  }
  const file = path ?? job.file_path;
  if (!file || !fs.existsSync(file)) {
    throw badFile({
      zh: '找不到该导入的文件，请重新上传同一文件以继续',
      en: 'The file of this import is gone; upload the same file again to resume',
    });
  }
  if ((await fileSha256(file)) !== job.file_sha256) {
    throw badFile({
      zh: '文件与该导入开始时的文件不同，不能继续；请新建导入',
      en: 'This is not the file the import started with; start a new import instead',
    });
  }
  // A running job is taken over only when its process is gone; and only if nobody took it meanwhile.
  const nowIso = ctx.clock.now().toISOString();
  const free = job.status === 'failed' || isInterrupted(ctx, job);
  const claimed =
    free &&
    (await importRepo.updateJobIfUnchanged(ctx.db.kysely, id, job, {
      status: 'running',
      updated_at: nowIso,
      finished_at: null,
      ...ownedByThisProcess(nowIso),
    }));
  if (!claimed) {
    throw errors.conflict('BULK_IMPORT_RUNNING', {
      zh: '该导入正在进行中',
      en: 'This import is still running',
    });
  }
  await repo.updateBulk(ctx.db.kysely, id, { file_path: file, stop_requested: 0 });
  return { filePath: file };
}

/**
 * Asks a running job to stop after its current batch. The flag is in the database, so the request
 * may land on any process; the job then stays resumable.
 */
export async function requestBulkStop(ctx: ServiceContext, id: string): Promise<void> {
  const job = await visibleJob(ctx, id);
  if (job.status !== 'running') {
    throw errors.conflict('BULK_IMPORT_NOT_RUNNING', {
      zh: '该导入未在进行',
      en: 'This import is not running',
    });
  }
  await repo.updateBulk(ctx.db.kysely, id, { stop_requested: 1 });
}

/** Runs a claimed job in this process, in the background (the HTTP path). */
export function runInBackground(ctx: ServiceContext, id: string, opts: RunOptions = {}): void {
  void (async () => {
    await yieldToLoop(); // answer the request first
    await runBulkJob(ctx, id, opts);
  })().catch((err: unknown) => opts.log?.error({ err, jobId: id }, 'bulk import failed'));
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field; text that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const REPORT_PAGE = 5000;

/**
 * The report of a bulk import as CSV (UTF-8 with BOM, which Excel opens correctly): one line per
 * problem of a refused row, in file order. Produced page by page, so a long report never sits in
 * memory; it grows as the import (and any resumed run) goes on.
 */
export async function* bulkReportCsv(ctx: ServiceContext, id: string): AsyncGenerator<string> {
  await visibleJob(ctx, id);
  yield '\uFEFF批次 batch,行号 row,字段,field,错误,error\r\n';
  let after: { batch: number; row: number; pos: number } | null = null;
  for (;;) {
    const page = await repo.reportPage(ctx.db.kysely, id, after, REPORT_PAGE);
    if (page.length === 0) return;
    yield page
      .map((r) =>
        [r.batch, Number(r.row_no), r.field_zh, r.field_en, r.message_zh, r.message_en]
          .map(csvField)
          .join(','),
      )
      .join('\r\n')
      .concat('\r\n');
    const last = page[page.length - 1];
    if (!last || page.length < REPORT_PAGE) return;
    after = { batch: last.batch, row: Number(last.row_no), pos: last.position };
  }
}
