import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  muConfigAnswerSchema,
  muConfigBody,
  muEvaluationQuery,
  muEvaluationSchema,
  muRunBody,
  muYearParams,
} from '../../../../shared/src/contract/agreement';
import { attachment } from '../import/import.routes';
import { XLSX_MIME } from '../import/import-workbook';
import { exportEvaluation, getEvaluation, getMuConfig, runEvaluation, setMuConfig } from './mu.service';

/** 亩均效益综合评价: run a year, read its ranking, export it, set the zone's weights (issue 14). */
export async function muRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/mu-evaluations',
    {
      config: { access: { permission: 'mu.run' } },
      schema: {
        tags: ['mu-evaluation'],
        summary:
          'Run (or rerun) the 亩均 evaluation of a year with the zone’s weights and thresholds; answers the first page',
        body: muRunBody,
        response: { 201: muEvaluationSchema },
      },
    },
    async function handleRunMu(request, reply) {
      return reply.status(201).send(await runEvaluation(request.ctx, request.reads, request.body.year));
    },
  );
  r.get(
    '/api/mu-evaluations/:year',
    {
      config: { access: { permission: 'mu.read' } },
      schema: {
        tags: ['mu-evaluation'],
        summary:
          'A page of a year’s evaluation: firms with scores, class A–D, rank, last year’s class; unrated with reason',
        params: muYearParams,
        querystring: muEvaluationQuery,
        response: { 200: muEvaluationSchema },
      },
    },
    async function handleGetMu(request) {
      return getEvaluation(request.ctx, request.reads, request.params.year, request.query);
    },
  );
  r.get(
    '/api/mu-evaluations/:year/export.xlsx',
    {
      config: { access: { permission: 'mu.read' } },
      schema: { tags: ['mu-evaluation'], summary: 'The year’s ranking as xlsx', params: muYearParams },
    },
    async function handleExportMu(request, reply) {
      const file = await exportEvaluation(request.ctx, request.reads, request.params.year);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`亩均效益评价-${request.params.year}.xlsx`))
        .send(file);
    },
  );
  r.get(
    '/api/mu-config',
    {
      config: { access: { permission: 'mu.read' } },
      schema: {
        tags: ['mu-evaluation'],
        summary: 'The zone’s 亩均 weights, cap, class thresholds and size (defaults: decision 015)',
        response: { 200: muConfigAnswerSchema },
      },
    },
    async function handleGetMuConfig(request) {
      return getMuConfig(request.ctx);
    },
  );
  r.put(
    '/api/mu-config',
    {
      config: { access: { permission: 'mu.run' } },
      schema: {
        tags: ['mu-evaluation'],
        summary: 'Set the zone’s 亩均 weights (adding up to 100), cap, thresholds and size',
        body: muConfigBody,
        response: { 200: muConfigAnswerSchema },
      },
    },
    async function handleSetMuConfig(request) {
      return setMuConfig(request.ctx, request.body);
    },
  );
}
