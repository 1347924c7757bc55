import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applyResultSchema,
  intakeDecisionSchema,
  intakeListItemSchema,
  intakeSchema,
  provenanceListSchema,
} from '../../../../shared/src/contract/intake';
import { INTAKE_LIMITS } from '../../../../shared/src/intake';
import { idParams, localDate } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { AppError, errors, type FieldError } from '../../plugins/errors';
import { applyIntake, createIntake } from './intake.service';
import { decodeUpload } from './intake-decode';
import { intakeErrors } from './intake-errors';
import { getIntake, listIntakes, listProvenance } from './intake-read.service';

const MB = Math.round(INTAKE_LIMITS.maxFileBytes / 1024 / 1024);
const tooLarge = () =>
  new AppError(413, 'FILE_TOO_LARGE', {
    zh: `文件超过 ${MB} MB 上限，请只上传相关页面或粘贴文字`,
    en: `The file is larger than ${MB} MB; upload only the pages that matter or paste the text`,
  });

/** The JSON form of POST /api/intake: pasted text and the article's date. */
const textBody = z.strictObject({
  text: z.string().max(INTAKE_LIMITS.maxTextChars * 2),
  articleDate: localDate.nullable().optional(),
});

function bodyFields(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: { zh: `格式不正确：${i.message}`, en: i.message },
  }));
}

/** 资讯录入 News intake (issue 7): read news into reviewable proposals, apply them, show provenance. */
export async function intakeRoutes(app: FastifyInstance) {
  // Multipart only in this plugin's scope: one file and a date field.
  await app.register(multipart, {
    limits: { fileSize: INTAKE_LIMITS.maxFileBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const run = { permission: 'intake.run' } as const;
  const read = { permission: 'intake.read' } as const;

  r.post(
    '/api/intake',
    {
      config: { access: run },
      // Pasted text can be a long report (300k characters ≈ 900 KB of UTF-8) plus JSON escaping.
      bodyLimit: INTAKE_LIMITS.maxFileBytes,
      schema: {
        tags: ['intake'],
        summary: `Read a news text into articles and proposals: JSON { text, articleDate? } or multipart (file: .txt/.docx/.pdf ≤ ${MB} MB, articleDate)`,
        response: { 201: intakeSchema },
      },
    },
    async function handleCreateIntake(request, reply) {
      let articleDate: string | null = null;
      if (request.isMultipart()) {
        let file: { name: string | null; bytes: Buffer } | null = null;
        let dateField: string | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              file ??= { name: part.filename || null, bytes };
            } else if (part.fieldname === 'articleDate') dateField = String(part.value);
          }
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        if (dateField) {
          const d = localDate.safeParse(dateField);
          if (!d.success) {
            throw errors.validation([
              { path: 'articleDate', message: { zh: '日期格式应为 YYYY-MM-DD', en: 'a date YYYY-MM-DD' } },
            ]);
          }
          articleDate = d.data;
        }
        if (!file) {
          throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
        }
        const decoded = await decodeUpload(file.name, file.bytes);
        const dto = await createIntake(request.ctx, { decoded, fileName: file.name, articleDate });
        return reply.status(201).send(dto);
      }
      const parsed = textBody.safeParse(request.body ?? {});
      if (!parsed.success) {
        if (parsed.error.issues.some((i) => i.path[0] === 'text' && i.code === 'too_big')) {
          throw intakeErrors.tooLong((request.body as { text: string }).text.length);
        }
        throw errors.validation(bodyFields(parsed.error.issues));
      }
      articleDate = parsed.data.articleDate ?? null;
      const dto = await createIntake(request.ctx, {
        decoded: { text: parsed.data.text, kind: 'text', encoding: null },
        fileName: null,
        articleDate,
      });
      return reply.status(201).send(dto);
    },
  );

  r.get(
    '/api/intake',
    {
      config: { access: read },
      schema: {
        tags: ['intake'],
        summary: 'Intakes, newest first',
        querystring: z.strictObject({ ...pagingQuery }),
        response: { 200: listResponse(intakeListItemSchema) },
      },
    },
    async function handleListIntakes(request) {
      return listIntakes(request.ctx, request.query);
    },
  );

  r.get(
    '/api/intake/:id',
    {
      config: { access: read },
      schema: {
        tags: ['intake'],
        summary: 'One intake with its articles (text and highlights) and proposals',
        params: idParams,
        response: { 200: intakeSchema },
      },
    },
    async function handleGetIntake(request) {
      return getIntake(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/intake/:id/apply',
    {
      config: { access: run },
      schema: {
        tags: ['intake'],
        summary:
          'Apply the accepted proposals (with edits) through the pipeline services, all or nothing; the rest are dropped',
        params: idParams,
        body: z.strictObject({
          decisions: z.array(intakeDecisionSchema).max(INTAKE_LIMITS.maxDecisions),
        }),
        response: { 200: applyResultSchema },
      },
    },
    async function handleApplyIntake(request) {
      return applyIntake(request.ctx, request.params.id, request.body.decisions);
    },
  );

  for (const [entity, path] of [
    ['project', '/api/projects/:id/provenance'],
    ['firm', '/api/firms/:id/provenance'],
    ['lead', '/api/leads/:id/provenance'],
  ] as const) {
    r.get(
      path,
      {
        config: { access: read },
        schema: {
          tags: ['intake'],
          summary: `来源资讯: the news articles this ${entity} was changed from, newest first`,
          params: idParams,
          response: { 200: provenanceListSchema },
        },
      },
      async function handleProvenance(request) {
        return listProvenance(request.ctx, entity, request.params.id);
      },
    );
  }
}
