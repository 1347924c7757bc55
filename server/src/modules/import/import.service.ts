import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { type ImportJob as ImportJobDto, importJobSchema } from '../../../../shared/src/contract/import';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { AppError, errors } from '../../plugins/errors';
import { runParseTask } from '../../upload/parse-runner';
import { checkZipDirectory } from '../../upload/zip-guard';
import { writeAudit } from '../audit/audit.writer';
import * as repo from './import.repository';

export { importJobSchema };

import type { ImportKind } from './import-columns';
import { planFirmImport } from './import-firms';
import { planLeadImport } from './import-leads';
import { type Issues, type Planner, RowsRefused } from './import-plan';
import { planProjectImport } from './import-projects';
import { formatIssues } from './import-rows';
import { buildErrorWorkbook, buildTemplate, looksLikeXlsx, type ParsedSheet } from './import-workbook';
import { keepHeartbeat, ownedByThisProcess, ownerGone } from './job-owner';
import { INTERRUPTED } from './job-recovery.service';

/**
 * Excel import (导入): the upload is answered at once with a job id; the job runs in this process
 * in the background, and everything about it (progress, outcome, error file) is in its import_job
 * row, so the progress request can land on any app process.
 *
 * All or nothing: every row is read and checked first. If any row is wrong nothing is written, and
 * the error file (the uploaded rows with an 错误 column) says what is wrong in each bad row.
 * Otherwise all rows are written in one transaction with an audit row per created or updated record
 * (and one for the import itself), so the trail is the same as if each had been entered by hand.
 */

const PLANNERS: Record<ImportKind, Planner> = {
  firm: planFirmImport,
  lead: planLeadImport,
  project: planProjectImport,
};

const both = (m: Bilingual) => `${m.zh} / ${m.en}`;

/** The template of `kind` (download, fill in, import). */
export function importTemplate(kind: ImportKind): Promise<Buffer> {
  return buildTemplate(kind);
}

/**
 * Starts an import: refuses what is plainly not an xlsx (400) or unpacks past the caps (413), records the job and runs it in the
 * background. `log` receives unexpected failures (the job then says only that it failed).
 */
export async function startImport(
  ctx: ServiceContext,
  input: { kind: ImportKind; fileName: string | null; bytes: Buffer },
  log?: FastifyBaseLogger,
): Promise<{ jobId: string }> {
  const actor = requireActor(ctx);
  if (input.bytes.length === 0 || !looksLikeXlsx(input.bytes)) {
    const message = {
      zh: '上传的不是 Excel (.xlsx) 文件：请用下载的模板填写后上传（不支持 .xls、.csv）',
      en: 'The upload is not an Excel (.xlsx) file: fill in the downloaded template and upload it (.xls and .csv are not read)',
    };
    throw errors.badRequest('IMPORT_NOT_XLSX', message, [{ path: 'file', message }]);
  }
  // A bomb (or a damaged zip) is refused now, from the zip directory alone, before a job exists.
  await checkZipDirectory(input.bytes, UPLOAD_LIMITS.xlsx);
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  await repo.insertJob(ctx.db.kysely, {
    id,
    kind: input.kind,
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
  // The heartbeat tells other processes (and the next start) that this job's process is alive.
  const stopHeartbeat = keepHeartbeat(ctx.db.kysely, ctx.clock, id);
  void runImport(ctx, id, input, log).finally(stopHeartbeat);
  return { jobId: id };
}

async function runImport(
  ctx: ServiceContext,
  jobId: string,
  input: { kind: ImportKind; fileName: string | null; bytes: Buffer },
  log?: FastifyBaseLogger,
): Promise<void> {
  const db = ctx.db.kysely;
  const stamp = () => ctx.clock.now().toISOString();
  const finish = (patch: Parameters<typeof repo.updateJob>[2]) =>
    repo.updateJob(db, jobId, { ...patch, updated_at: stamp(), finished_at: stamp() });
  let sheet: ParsedSheet | null = null;
  const failWithRows = async (issues: Issues) => {
    if (!sheet) return;
    const byRow = new Map([...issues].map(([row, list]) => [row, `第${row}行：${formatIssues(list)}`]));
    const file = await buildErrorWorkbook(sheet, byRow);
    await finish({
      status: 'failed',
      error_count: issues.size,
      error_file: file.toString('base64'),
      message: both({
        zh: `${issues.size} 行有误，未写入任何数据；请下载错误文件，改正后重新导入`,
        en: `${issues.size === 1 ? '1 row is' : `${issues.size} rows are`} wrong and nothing was written; download the error file, fix it and import it again`,
      }),
    });
  };
  try {
    await yieldToLoop(); // answer the upload first
    // In the parse worker: the loop stays free, time and memory are capped (server/src/upload).
    const read = await runParseTask('importSheet', { bytes: input.bytes, kind: input.kind });
    if (!read.ok) {
      if (read.cause) log?.warn({ jobId, cause: read.cause }, 'import file unreadable');
      await finish({ status: 'failed', message: both(read.message) });
      return;
    }
    sheet = read.sheet;
    const total = sheet.rows.length;
    await repo.updateJob(db, jobId, {
      total,
      message: both({ zh: '正在检查', en: 'Checking rows' }),
      updated_at: stamp(),
    });
    const progress = async (processed: number) => {
      await repo.updateJob(db, jobId, { processed, updated_at: stamp() });
      await yieldToLoop();
    };
    const plan = await PLANNERS[input.kind](ctx, sheet, progress);
    if (plan.issues.size > 0) {
      await failWithRows(plan.issues);
      return;
    }
    await repo.updateJob(db, jobId, {
      processed: total,
      message: both({ zh: '正在写入', en: 'Writing' }),
      updated_at: stamp(),
    });
    const counts = await db.transaction().execute(async (trx) => {
      const c = await plan.write(trx);
      await writeAudit(trx, ctx, {
        entity: 'import_job',
        entityId: jobId,
        action: 'import',
        after: { kind: input.kind, fileName: input.fileName, rows: total, ...c },
      });
      return c;
    });
    await finish({
      status: 'done',
      processed: total,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      message: both({
        zh: `导入完成：新增 ${counts.created} 条，更新 ${counts.updated} 条，无变化 ${counts.unchanged} 条`,
        en: `Imported: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
      }),
    });
  } catch (err) {
    try {
      if (err instanceof RowsRefused) await failWithRows(err.issues);
      else if (err instanceof AppError) {
        await finish({
          status: 'failed',
          message: both({
            zh: `${err.bilingual.zh}；未写入任何数据`,
            en: `${err.bilingual.en}; nothing was written`,
          }),
        });
      } else {
        log?.error({ err, jobId }, 'import failed');
        await finish({
          status: 'failed',
          message: both({
            zh: '导入失败（服务器内部错误），未写入任何数据；请联系管理员',
            en: 'The import failed (internal error) and nothing was written; please contact the administrator',
          }),
        });
      }
    } catch (again) {
      log?.error({ err: again, jobId }, 'could not record the failed import');
    }
  }
}

async function visibleJob(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  const job = await repo.findJob(ctx.db.kysely, id);
  // Another officer's import is not theirs to follow (404, like any record out of scope).
  if (!job || (job.actor_id !== actor.userId && actor.role !== 'admin')) throw errors.notFound('import');
  return job;
}

/** Progress and outcome of an import (polled by the import dialog). */
export async function getImportJob(ctx: ServiceContext, id: string): Promise<ImportJobDto> {
  const job = await visibleJob(ctx, id);
  // Still marked running, but its process is gone (job-owner.ts): nothing was written.
  const stale = job.status === 'running' && ownerGone(job, ctx.clock.now());
  return {
    id: job.id,
    kind: job.kind as ImportKind,
    status: stale ? 'failed' : (job.status as ImportJobDto['status']),
    fileName: job.file_name,
    processed: Number(job.processed),
    total: Number(job.total),
    created: Number(job.created),
    updated: Number(job.updated),
    unchanged: Number(job.unchanged),
    errorCount: Number(job.error_count),
    message: stale ? both(INTERRUPTED.workbook) : job.message,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/** The error workbook of a failed import: the uploaded rows with an 错误 column. */
export async function getImportErrorFile(ctx: ServiceContext, id: string): Promise<Buffer> {
  await visibleJob(ctx, id);
  const row = await repo.findJobErrorFile(ctx.db.kysely, id);
  if (!row?.error_file) throw errors.notFound('import error file');
  return Buffer.from(row.error_file, 'base64');
}
