import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestSchema } from '../../../../shared/src/contract/request';
import {
  createRoundBody,
  remindResultSchema,
  reportFiledSchema,
  reportRevisionListSchema,
  roundDetailSchema,
  roundListSchema,
  roundReportListSchema,
  roundSchema,
  submitReportBody,
} from '../../../../shared/src/contract/round';
import { ROUND_LIMITS } from '../../../../shared/src/dispatch';
import { REQUEST_TYPES } from '../../../../shared/src/request-status';
import { idParams, idString, localDate } from '../../lib/fields';
import { pagingQuery } from '../../lib/list-query';
import { createRound, getRound, listReports, listRounds, remindMissing } from './round.service';
import { getPhoto, listRevisions, problemsToRequest, submitReport } from './round-report.service';

/** Body limit of a report with photos: the base64 of the photos plus the text around them. */
const REPORT_BODY_LIMIT =
  Math.ceil((ROUND_LIMITS.maxPhotos * ROUND_LIMITS.maxPhotoBytes * 4) / 3) + 256 * 1024;

/** 调度 dispatch rounds: set (admin), report (firm/officer), who has not reported, reminders. */
export async function roundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'round.read' } as const;
  const tags = ['round'];

  r.get(
    '/api/rounds',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Dispatch rounds, newest first, with reporting counts',
        response: { 200: roundListSchema },
      },
    },
    async function handleListRounds(request) {
      return listRounds(request.ctx);
    },
  );

  r.post(
    '/api/rounds',
    {
      config: { access: { permission: 'round.manage' } },
      schema: {
        tags,
        summary: 'Set a round: a week or month, a deadline, the projects by stage/priority (frozen now)',
        body: createRoundBody,
        response: { 201: roundSchema },
      },
    },
    async function handleCreateRound(request, reply) {
      return reply.status(201).send(await createRound(request.ctx, request.body));
    },
  );

  r.get(
    '/api/rounds/reports',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Round reports by round, project, period end, park or chain (an enterprise: its own)',
        querystring: z.strictObject({
          roundId: idString.optional(),
          projectId: idString.optional(),
          periodFrom: localDate.optional(),
          periodTo: localDate.optional(),
          park: z.string().max(200).optional(),
          chainId: idString.optional(),
          ...pagingQuery,
        }),
        response: { 200: roundReportListSchema },
      },
    },
    async function handleListReports(request) {
      return listReports(request.ctx, request.query);
    },
  );

  r.get(
    '/api/rounds/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'A round with its projects and who has reported',
        params: idParams,
        response: { 200: roundDetailSchema },
      },
    },
    async function handleGetRound(request) {
      return getRound(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/rounds/:id/reports',
    {
      config: { access: { permission: 'round.report' } },
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'File or correct a project’s report (figures of the period, 入统, cumulative figures checked against earlier reports, narrative, problems, photos); a correction sends the version it read (409 when stale); every version is kept',
        params: idParams,
        body: submitReportBody,
        response: { 201: reportFiledSchema },
      },
    },
    async function handleSubmitReport(request, reply) {
      return reply.status(201).send(await submitReport(request.ctx, request.params.id, request.body));
    },
  );

  r.post(
    '/api/rounds/:id/remind',
    {
      config: { access: { permission: 'round.remind' } },
      schema: {
        tags,
        summary: 'Remind every project without a report',
        params: idParams,
        response: { 200: remindResultSchema },
      },
    },
    async function handleRemind(request) {
      return remindMissing(request.ctx, request.params.id);
    },
  );

  r.get(
    '/api/round-reports/:id/photos/:photoId',
    {
      config: { access: read },
      schema: { tags, summary: 'A report photo', params: z.object({ id: idString, photoId: idString }) },
    },
    async function handleGetPhoto(request, reply) {
      const p = await getPhoto(request.ctx, request.params.id, request.params.photoId);
      return reply
        .header('content-type', p.mime)
        .header('cache-control', 'private, max-age=3600')
        .send(p.content);
    },
  );

  r.get(
    '/api/round-reports/:id/revisions',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Every version of a report, newest first: who wrote it, when, the figures as written',
        params: idParams,
        response: { 200: reportRevisionListSchema },
      },
    },
    async function handleListRevisions(request) {
      return listRevisions(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/round-reports/:id/request',
    {
      config: { access: { permission: 'round.report' } },
      schema: {
        tags,
        summary: 'Turn the report’s problems into a factor request in one step',
        params: idParams,
        body: z.strictObject({ type: z.enum(REQUEST_TYPES), title: z.string().trim().max(200).optional() }),
        response: { 201: requestSchema },
      },
    },
    async function handleProblemsToRequest(request, reply) {
      return reply.status(201).send(await problemsToRequest(request.ctx, request.params.id, request.body));
    },
  );
}
