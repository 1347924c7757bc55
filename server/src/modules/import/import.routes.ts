import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMITS } from '../../../../shared/src/excel-limits';
import { idParams } from '../../lib/fields';
import { AppError, errors } from '../../plugins/errors';
import {
  getImportErrorFile,
  getImportJob,
  importJobSchema,
  importTemplate,
  startImport,
} from './import.service';
import { IMPORT_KINDS, type ImportKind, KIND_LABELS } from './import-columns';
import { XLSX_MIME } from './import-workbook';

/** `attachment; filename*=UTF-8''…`: Chinese file names survive every browser. */
export function attachment(name: string): string {
  return `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const MB = Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024);
const tooLarge = () =>
  new AppError(413, 'FILE_TOO_LARGE', {
    zh: `文件超过 ${MB} MB 上限，请拆分后分批导入`,
    en: `The file is larger than ${MB} MB; split it and import the parts`,
  });

/** Excel import (contract: docs/contracts/pipeline-api.md, Excel). */
export async function importRoutes(app: FastifyInstance) {
  // Multipart only here (this plugin's scope); one file, a few small fields.
  await app.register(multipart, {
    limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'import.run' } as const;

  r.get(
    '/api/import/template.xlsx',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: 'Import template (xlsx): Chinese headers, English line, hints row, dropdowns',
        querystring: z.strictObject({ kind: z.enum(IMPORT_KINDS) }),
      },
    },
    async function handleTemplate(request, reply) {
      const kind = request.query.kind;
      const file = await importTemplate(kind);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${KIND_LABELS[kind].zh}-导入模板.xlsx`))
        .send(file);
    },
  );

  r.post(
    '/api/import',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: `Start an import: multipart with kind (firm|lead|project) and file (xlsx, ≤ ${MB} MB) → 202 { jobId }`,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async function handleStartImport(request, reply) {
      if (!request.isMultipart()) {
        const message = {
          zh: '请以 multipart/form-data 上传文件（字段 kind 与 file）',
          en: 'Upload the file as multipart/form-data (fields kind and file)',
        };
        throw errors.badRequest('IMPORT_NOT_MULTIPART', message, [{ path: 'file', message }]);
      }
      let kind: string | null = null;
      let file: { name: string | null; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            file ??= { name: part.filename || null, bytes };
          } else if (part.fieldname === 'kind') kind = String(part.value);
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
      const parsedKind = z.enum(IMPORT_KINDS).safeParse(kind);
      if (!parsedKind.success) {
        throw errors.validation([
          {
            path: 'kind',
            message: { zh: '须为 firm、lead 或 project', en: 'must be firm, lead or project' },
          },
        ]);
      }
      if (!file) {
        throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      }
      const started = await startImport(
        request.ctx,
        { kind: parsedKind.data as ImportKind, fileName: file.name, bytes: file.bytes },
        request.log,
      );
      return reply.status(202).send(started);
    },
  );

  r.get(
    '/api/import/:id',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: 'Progress and outcome of an import',
        params: idParams,
        response: { 200: importJobSchema },
      },
    },
    async function handleGetImport(request) {
      return getImportJob(request.ctx, request.params.id);
    },
  );

  r.get(
    '/api/import/:id/errors.xlsx',
    {
      config: { access },
      schema: {
        tags: ['import'],
        summary: 'The error file of a failed import: the uploaded rows with an 错误 column',
        params: idParams,
      },
    },
    async function handleImportErrors(request, reply) {
      const file = await getImportErrorFile(request.ctx, request.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment('导入错误.xlsx')).send(file);
    },
  );
}
