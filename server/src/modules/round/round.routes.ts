import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROUND_KINDS, ROUND_LIMITS } from '../../../../shared/src/dispatch';
import { PROJECT_STAGE_KEYS } from '../../../../shared/src/project-stage';
import { REQUEST_TYPES } from '../../../../shared/src/request-status';
import { idParams, idString, localDate, money } from '../../lib/fields';
import { pagingQuery } from '../../lib/list-query';
import { PROJECT_PRIORITIES } from '../project/project.presenter';
import { createRound, getRound, listReports, listRounds, remindMissing } from './round.service';
import { getPhoto, listRevisions, problemsToRequest, submitReport } from './round-report.service';

/** Body limit of a report with photos: the base64 of the photos plus the text around them. */
const REPORT_BODY_LIMIT =
  Math.ceil((ROUND_LIMITS.maxPhotos * ROUND_LIMITS.maxPhotoBytes * 4) / 3) + 256 * 1024;

const photo = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((ROUND_LIMITS.maxPhotoBytes * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** 调度 dispatch rounds: set (admin), report (firm/officer), who has not reported, reminders. */
export async function roundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'round.read' } as const;
  const tags = ['round'];

  r.get(
    '/api/rounds',
    {
      config: { access: read },
      schema: { tags, summary: 'Dispatch rounds, newest first, with reporting counts' },
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
        body: z.strictObject({
          kind: z.enum(ROUND_KINDS),
          date: localDate.optional(),
          title: z.string().trim().max(200).optional(),
          deadline: localDate.optional(),
          stages: z.array(z.enum(PROJECT_STAGE_KEYS)).max(20).optional(),
          priorities: z.array(z.enum(PROJECT_PRIORITIES)).max(5).optional(),
        }),
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
      schema: { tags, summary: 'A round with its projects and who has reported', params: idParams },
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
        body: z.strictObject({
          projectId: idString,
          investmentPeriod: money,
          investmentInStats: z.boolean().optional(),
          fundsPeriod: money,
          exportsPeriod: money.optional(),
          outputPeriod: money.nullable().optional(),
          taxPeriod: money.nullable().optional(),
          // Omitted: the running figure from earlier reports plus this period.
          investmentCumulative: money.nullable().optional(),
          fundsCumulative: money.nullable().optional(),
          narrative: z.string().trim().min(1).max(ROUND_LIMITS.narrativeMax),
          problems: z.string().trim().max(ROUND_LIMITS.narrativeMax).nullable().optional(),
          photos: z.array(photo).max(ROUND_LIMITS.maxPhotos).optional(),
          // A correction: the version read (409 if the report changed since); omitted for a first filing.
          version: z.number().int().min(1).optional(),
        }),
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
      schema: { tags, summary: 'Remind every project without a report', params: idParams },
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
      },
    },
    async function handleProblemsToRequest(request, reply) {
      return reply.status(201).send(await problemsToRequest(request.ctx, request.params.id, request.body));
    },
  );
}
