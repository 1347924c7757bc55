import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EXPORT_LIMITS } from '../../../../shared/src/excel-limits';
import { firmListQuery } from '../firm/firm.routes';
import { attachment } from '../import/import.routes';
import { XLSX_MIME } from '../import/import-workbook';
import { leadListQuery } from '../lead/lead.routes';
import { projectListQuery } from '../project/project.routes';
import { type ExportFile, exportFirms, exportLeads, exportProjects } from './export.service';

function send(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', attachment(file.fileName))
    .header('x-export-total', String(file.total))
    .header('x-export-truncated', String(file.truncated))
    .send(file.stream);
}

const NOTE = `the list's query (filters, q, sort; paging ignored); at most ${EXPORT_LIMITS.maxRows} rows`;

/**
 * xlsx exports of the lists, with the list's query and the list's read permission. Registered
 * before the lists' `/:id` routes would not matter: static paths win in Fastify's router.
 */
export async function exportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/firms/export.xlsx',
    {
      config: { access: { permission: 'firm.read' } },
      schema: {
        tags: ['firm'],
        summary: `Export the firm list to xlsx: ${NOTE}`,
        querystring: firmListQuery,
      },
    },
    async function handleExportFirms(request, reply) {
      const { limit: _l, offset: _o, ...query } = request.query;
      return send(reply, await exportFirms(request.ctx, query));
    },
  );

  r.get(
    '/api/leads/export.xlsx',
    {
      config: { access: { permission: 'lead.read' } },
      schema: {
        tags: ['lead'],
        summary: `Export the lead list to xlsx: ${NOTE}`,
        querystring: leadListQuery,
      },
    },
    async function handleExportLeads(request, reply) {
      const { limit: _l, offset: _o, ...query } = request.query;
      return send(reply, await exportLeads(request.ctx, query));
    },
  );

  r.get(
    '/api/projects/export.xlsx',
    {
      config: { access: { permission: 'project.read' } },
      schema: {
        tags: ['project'],
        summary: `Export the project list to xlsx: ${NOTE}`,
        querystring: projectListQuery,
      },
    },
    async function handleExportProjects(request, reply) {
      const { limit: _l, offset: _o, ...query } = request.query;
      return send(reply, await exportProjects(request.ctx, query));
    },
  );
}
