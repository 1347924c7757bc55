import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadConfig } from '../../../config';
import { idParams } from '../../../lib/fields';
import { newId } from '../../../lib/ids';
import { AppError, errors } from '../../../plugins/errors';
import { attachment } from '../import.routes';
import {
  BULK_LIMITS,
  bulkJobSchema,
  bulkReportCsv,
  claimBulkJob,
  createBulkJob,
  getBulkJob,
  requestBulkStop,
  runInBackground,
} from './bulk.service';

const GB = BULK_LIMITS.maxFileBytes / 1024 / 1024 / 1024;

/** Uploads are kept under the data folder until their job is done (a resume reads them again). */
function uploadDir(): string {
  return path.join(loadConfig().dataDir, 'imports');
}

const batchField = z.coerce.number().int().min(1).max(BULK_LIMITS.maxBatch);

/**
 * Bulk firm import (issue 4): `POST /api/imports/firms/bulk` streams the upload to a file (never
 * into memory) and answers 202 with the job id; the job runs in the background in batches.
 */
export async function bulkImportRoutes(app: FastifyInstance) {
  // This plugin's own multipart scope: one large file, a few small fields.
  await app.register(multipart, {
    limits: { fileSize: BULK_LIMITS.maxFileBytes, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'import.run' } as const;

  r.post(
    '/api/imports/firms/bulk',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: `Start a bulk firm import: multipart with file (CSV in UTF-8 or GBK, or xlsx; ≤ ${GB} GB), optional batchSize (default ${BULK_LIMITS.defaultBatch}), or resumeJobId to resume a job with the same file uploaded again → 202 { jobId }`,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async function handleStartBulkImport(request, reply) {
      if (!request.isMultipart()) {
        const message = {
          zh: '请以 multipart/form-data 上传文件（字段 file）',
          en: 'Upload the file as multipart/form-data (field file)',
        };
        throw errors.badRequest('IMPORT_NOT_MULTIPART', message, [{ path: 'file', message }]);
      }
      const dir = uploadDir();
      await fs.promises.mkdir(dir, { recursive: true });
      let saved: { path: string; name: string | null; sha256: string } | null = null;
      let writing: string | null = null;
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (saved) {
              part.file.resume();
              continue;
            }
            const target = path.join(dir, `${newId()}.upload`);
            writing = target;
            const hash = createHash('sha256');
            const tap = new Transform({
              transform(chunk: Buffer, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
              },
            });
            await pipeline(part.file, tap, fs.createWriteStream(target));
            if (part.file.truncated) {
              await fs.promises.rm(target, { force: true });
              throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
            }
            saved = { path: target, name: part.filename || null, sha256: hash.digest('hex') };
          } else fields[part.fieldname] = String(part.value);
        }
      } catch (err) {
        // A cut-off or refused upload leaves no file behind.
        if (writing) await fs.promises.rm(writing, { force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'FILE_TOO_LARGE', {
            zh: `文件超过 ${GB} GB 上限，请拆分后分别导入`,
            en: `The file is larger than ${GB} GB; split it and import the parts`,
          });
        }
        throw err;
      }
      if (!saved) {
        throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      }
      const file = saved;
      try {
        const resumeId = fields.resumeJobId;
        if (resumeId) {
          await claimBulkJob(request.ctx, resumeId, file.path);
          runInBackground(request.ctx, resumeId, { log: request.log, removeFileWhenDone: true });
          return reply.status(202).send({ jobId: resumeId });
        }
        const batch = fields.batchSize === undefined ? undefined : batchField.safeParse(fields.batchSize);
        if (batch && !batch.success) {
          throw errors.validation([
            {
              path: 'batchSize',
              message: {
                zh: `每批行数须为 1 到 ${BULK_LIMITS.maxBatch} 的整数`,
                en: `batchSize must be a whole number from 1 to ${BULK_LIMITS.maxBatch}`,
              },
            },
          ]);
        }
        const started = await createBulkJob(request.ctx, {
          path: file.path,
          fileName: file.name,
          batchSize: batch?.data,
          sha256: file.sha256,
        });
        runInBackground(request.ctx, started.jobId, { log: request.log, removeFileWhenDone: true });
        return reply.status(202).send(started);
      } catch (err) {
        await fs.promises.rm(file.path, { force: true });
        throw err;
      }
    },
  );

  r.get(
    '/api/imports/firms/bulk/:id',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary:
          'Progress and outcome of a bulk firm import: rows read, batches committed and failed, resume point',
        params: idParams,
        response: { 200: bulkJobSchema },
      },
    },
    async function handleGetBulkImport(request) {
      return getBulkJob(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/imports/firms/bulk/:id/resume',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary:
          'Resume a stopped or interrupted bulk import from its last finished batch (the kept upload) → 202',
        params: idParams,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async function handleResumeBulkImport(request, reply) {
      const id = request.params.id;
      const { filePath } = await claimBulkJob(request.ctx, id);
      // An upload is removed once done; a file the CLI named is the operator's and stays.
      const uploaded = path.resolve(filePath).startsWith(path.resolve(uploadDir()) + path.sep);
      runInBackground(request.ctx, id, { log: request.log, removeFileWhenDone: uploaded });
      return reply.status(202).send({ jobId: id });
    },
  );

  r.post(
    '/api/imports/firms/bulk/:id/stop',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: 'Stop a running bulk import after its current batch (it stays resumable) → 202',
        params: idParams,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async function handleStopBulkImport(request, reply) {
      await requestBulkStop(request.ctx, request.params.id);
      return reply.status(202).send({ jobId: request.params.id });
    },
  );

  r.get(
    '/api/imports/firms/bulk/:id/report.csv',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary:
          'The report of a bulk import (CSV, UTF-8 with BOM): batch, row, field and error in Chinese and English',
        params: idParams,
      },
    },
    async function handleBulkReport(request, reply) {
      const lines = bulkReportCsv(request.ctx, request.params.id);
      // The first chunk (header) only comes after the visibility check, so a 404 is still a 404.
      const first = await lines.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('批量导入报告.csv'))
        .send(Readable.from(all()));
    },
  );
}
