import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idString } from '../../lib/fields';
import { attachment } from '../import/import.routes';
import { XLSX_MIME } from '../import/import-workbook';
import { DOCX_MIME, dispatchReport } from './report.service';

/** Reports that leave the system: the dispatch report (.docx/.xlsx) and the project dossier. */
export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['report'];
  for (const format of ['docx', 'xlsx'] as const) {
    r.get(
      `/api/reports/dispatch.${format}`,
      {
        config: { access: { permission: 'report.read' } },
        schema: {
          tags,
          summary: `Dispatch report of a round (default: the latest) as .${format}`,
          querystring: z.strictObject({ roundId: idString.optional() }),
        },
      },
      async function handleDispatchReport(request, reply) {
        const file = await dispatchReport(request.ctx, request.reads, format, request.query.roundId);
        return reply
          .header('content-type', format === 'docx' ? DOCX_MIME : XLSX_MIME)
          .header('content-disposition', attachment(file.fileName))
          .send(file.content);
      },
    );
  }

  r.get(
    '/api/projects/:id/dossier.docx',
    {
      config: { access: { permission: 'project.read' } },
      schema: {
        tags,
        summary: '一项目一档: the project’s facts, timeline, reports and photos as .docx',
        params: idParams,
      },
    },
    async function handleDossier(request, reply) {
      // docx is loaded with the first dossier, not at start-up (issue 19: a lean process).
      const { projectDossier } = await import('./dossier.service');
      const file = await projectDossier(request.ctx, request.params.id);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachment(file.fileName))
        .send(file.content);
    },
  );
}
