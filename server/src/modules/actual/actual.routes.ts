import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actualImportResultSchema,
  actualInput,
  actualListSchema,
} from '../../../../shared/src/contract/agreement';
import { IMPORT_LIMITS } from '../../../../shared/src/excel-limits';
import { idParams } from '../../lib/fields';
import { AppError, errors } from '../../plugins/errors';
import { attachment } from '../import/import.routes';
import { XLSX_MIME } from '../import/import-workbook';
import { addActual, listActuals } from './actual.service';
import { actualTemplate, importActuals } from './actual-import';

/** Actual figures with their source (issue 14): a project's list, entry, and the bureaus' tables. */
export async function actualRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 2, fieldSize: 1024, parts: 4 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/projects/:id/actuals',
    {
      config: { access: { permission: 'agreement.read' } },
      schema: {
        tags: ['actual'],
        summary: 'A project’s actual figures with source, the one counted, and sources that disagree',
        params: idParams,
        response: { 200: actualListSchema },
      },
    },
    async function handleListActuals(request) {
      return listActuals(request.ctx, request.params.id);
    },
  );
  r.post(
    '/api/projects/:id/actuals',
    {
      config: { access: { permission: 'actual.write' } },
      schema: {
        tags: ['actual'],
        summary: 'Record an actual figure (year, period, measure, value, source, confirmed by)',
        params: idParams,
        body: actualInput,
        response: { 201: actualListSchema },
      },
    },
    async function handleAddActual(request, reply) {
      return reply.status(201).send(await addActual(request.ctx, request.params.id, request.body));
    },
  );
  r.get(
    '/api/actuals/template.xlsx',
    {
      config: { access: { permission: 'import.run' } },
      schema: { tags: ['actual'], summary: 'The actual-figures import template (xlsx)' },
    },
    async function handleActualTemplate(_request, reply) {
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('实际数据-导入模板.xlsx'))
        .send(await actualTemplate());
    },
  );
  r.post(
    '/api/actuals/import',
    {
      config: { access: { permission: 'import.run' } },
      schema: {
        tags: ['actual'],
        summary:
          'Import a statistics/tax table (multipart file, xlsx): all or nothing, error file when refused',
        response: { 200: actualImportResultSchema },
      },
    },
    async function handleImportActuals(request) {
      if (!request.isMultipart()) {
        const message = {
          zh: '请以 multipart/form-data 上传文件（字段 file）',
          en: 'Upload the file as multipart/form-data (field file)',
        };
        throw errors.badRequest('IMPORT_NOT_MULTIPART', message, [{ path: 'file', message }]);
      }
      let bytes: Buffer | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') bytes ??= await part.toBuffer();
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'FILE_TOO_LARGE', {
            zh: '文件过大，请拆分后分批导入',
            en: 'The file is too large; split it',
          });
        }
        throw err;
      }
      if (!bytes)
        throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      return importActuals(request.ctx, bytes);
    },
  );
}
