import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  issueReportBody,
  reportIssueListSchema,
  reportIssueSchema,
  withdrawIssueBody,
} from '../../../../shared/src/contract/report';
import { idParams, idString } from '../../lib/fields';
import { attachment } from '../import/import.routes';
import { XLSX_MIME } from '../import/import-workbook';
import { DOCX_MIME, dispatchReport } from './report.service';
import { issueReport, listReportIssues, withdrawReportIssue } from './report-issue.service';

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
    '/api/reports/dispatch/issues',
    {
      config: { access: { permission: 'report.read' } },
      schema: {
        tags,
        summary: 'Issued dispatch reports (文号, 发文单位, 抄送), newest first, and the form defaults',
        response: { 200: reportIssueListSchema },
      },
    },
    async function handleListIssues(request) {
      return listReportIssues(request.ctx);
    },
  );

  r.post(
    '/api/reports/dispatch/issues',
    {
      config: { access: { permission: 'report.issue' } },
      schema: {
        tags,
        summary: '签发: issue a round’s dispatch report with the next 文号 of its kind this year',
        body: issueReportBody,
        response: { 201: reportIssueSchema },
      },
    },
    async function handleIssueReport(request, reply) {
      return reply.status(201).send(await issueReport(request.ctx, request.body));
    },
  );

  r.post(
    '/api/reports/dispatch/issues/:id/withdraw',
    {
      config: { access: { permission: 'report.issue' } },
      schema: {
        tags,
        summary:
          '作废: withdraw an issued report with a reason; it stays listed and the round can be issued again',
        params: idParams,
        body: withdrawIssueBody,
        response: { 200: reportIssueSchema },
      },
    },
    async function handleWithdrawIssue(request) {
      return withdrawReportIssue(request.ctx, request.params.id, request.body);
    },
  );

  r.get(
    '/api/campaigns/:id/task-book.docx',
    {
      config: { access: { permission: 'campaign.read' } },
      schema: {
        tags,
        summary:
          '任务书: a campaign’s tasks, lead units, timetable and roadmap as .docx (the caller’s tasks)',
        params: idParams,
      },
    },
    async function handleCampaignTaskBook(request, reply) {
      const { campaignTaskBook } = await import('./campaign-task-book');
      const file = await campaignTaskBook(request.ctx, request.params.id);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachment(file.fileName))
        .send(file.content);
    },
  );

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
