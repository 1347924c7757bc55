import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complianceQuery, complianceSchema } from '../../../../shared/src/contract/agreement';
import { idParams } from '../../lib/fields';
import { attachment } from '../import/import.routes';
import { complianceNotice, listCompliance } from './compliance.service';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 履约考核: commitments against actual figures, and the notice for a firm behind (issue 14). */
export async function complianceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/compliance',
    {
      config: { access: { permission: 'compliance.read' } },
      schema: {
        tags: ['compliance'],
        summary:
          'Each commitment in force against the figures of a year: met, behind (gap), not due, no data',
        querystring: complianceQuery,
        response: { 200: complianceSchema },
      },
    },
    async function handleListCompliance(request) {
      return listCompliance(request.ctx, request.reads, request.query);
    },
  );
  r.get(
    '/api/projects/:id/compliance-notice.docx',
    {
      config: { access: { permission: 'compliance.read' } },
      schema: {
        tags: ['compliance'],
        summary: 'The printable 履约提醒函 (.docx, government layout) of a project for a year',
        params: idParams,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async function handleComplianceNotice(request, reply) {
      const { file, fileName } = await complianceNotice(
        request.ctx,
        request.reads,
        request.params.id,
        request.query.year,
      );
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(file);
    },
  );
}
