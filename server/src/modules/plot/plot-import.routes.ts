import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importFormSchema, importPreviewSchema } from '../../../../shared/src/contract/park';
import { PARK_LIMITS, PLOT_IMPORT_FIELDS } from '../../../../shared/src/park';
import { errors } from '../../plugins/errors';
import { importPlots } from './plot-import.service';

const MB = Math.round(PARK_LIMITS.maxImportBytes / 1024 / 1024);
const mappingSchema = z.record(z.string().max(200), z.enum(PLOT_IMPORT_FIELDS));

function tooLarge() {
  const message = { zh: `文件超过 ${MB} MB 上限`, en: `The file is larger than ${MB} MB (the limit)` };
  return errors.badRequest('PLOT_IMPORT_TOO_LARGE', message, [{ path: 'file', message }]);
}

/** POST /api/plots/import: outlines from GeoJSON, KML/KMZ or a zipped shapefile; preview, then apply. */
export async function plotImportRoutes(app: FastifyInstance) {
  // Multipart only in this plugin's scope: one file and three small fields.
  await app.register(multipart, {
    limits: { fileSize: PARK_LIMITS.maxImportBytes, files: 1, fields: 3, fieldSize: 8192, parts: 5 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/plots/import',
    {
      config: { access: { permission: 'park.write' } },
      schema: {
        tags: ['park'],
        summary: `Import plot outlines (multipart: file .geojson/.kml/.kmz/.zip shapefile ≤ ${MB} MB, parkId, mapping JSON column→field, apply true|false). Preview shows each feature with its errors; apply writes all or nothing (400 PLOT_IMPORT_REFUSED with the preview)`,
        response: { 200: importPreviewSchema },
      },
    },
    async function handleImportPlots(request) {
      if (!request.isMultipart()) {
        const message = {
          zh: '请以 multipart/form-data 上传文件（字段 file、parkId）',
          en: 'Upload as multipart/form-data (fields file, parkId)',
        };
        throw errors.badRequest('PLOT_IMPORT_NOT_MULTIPART', message, [{ path: 'file', message }]);
      }
      let file: { name: string; bytes: Buffer } | null = null;
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') file ??= { name: part.filename ?? '', bytes: await part.toBuffer() };
          else fields[part.fieldname] = String(part.value);
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
      const form = importFormSchema.safeParse(fields);
      if (!form.success) {
        throw errors.validation(
          form.error.issues.map((i) => ({
            path: i.path.map(String).join('.') || 'parkId',
            message: { zh: `格式不正确：${i.message}`, en: i.message },
          })),
        );
      }
      if (!file)
        throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      let mapping: z.infer<typeof mappingSchema> | null = null;
      if (form.data.mapping) {
        let raw: unknown;
        try {
          raw = JSON.parse(form.data.mapping);
        } catch {
          raw = undefined;
        }
        const parsed = mappingSchema.safeParse(raw);
        if (!parsed.success) {
          throw errors.validation([
            {
              path: 'mapping',
              message: { zh: '字段映射格式不正确', en: 'The mapping is not a column → field object' },
            },
          ]);
        }
        mapping = parsed.data;
      }
      return importPlots(request.ctx, {
        parkId: form.data.parkId,
        fileName: file.name,
        bytes: file.bytes,
        mapping,
        apply: form.data.apply === 'true',
      });
    },
  );
}
