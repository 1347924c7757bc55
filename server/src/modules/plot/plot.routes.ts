import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPlotBody,
  linkPlotProjectBody,
  movePlotStatusBody,
  plotSchema,
  updatePlotBody,
} from '../../../../shared/src/contract/park';
import { PARK_LIMITS, PLOT_STATUSES } from '../../../../shared/src/park';
import { idParams, idString, queryList } from '../../lib/fields';
import { listResponse, pagingQuery, sortParam } from '../../lib/list-query';
import { PLOT_SORTS } from './plot.repository';
import { createPlot, getPlot, listPlots, movePlotStatus, setPlotProject, updatePlot } from './plot.service';
import { plotImportRoutes } from './plot-import.routes';

/** The filters of the plot list; the map takes the same. */
export const plotFilterFields = {
  parkId: idString.optional(),
  status: queryList(z.enum(PLOT_STATUSES)).optional(),
  chainId: idString.optional(),
  minMu: z.coerce.number().min(0).max(PARK_LIMITS.maxPlotMu).optional(),
  maxMu: z.coerce.number().min(0).max(PARK_LIMITS.maxPlotMu).optional(),
};

/** 地块 plots (issue 18): list, facts, status machine, the project on a plot; import: plot-import.routes.ts. */
export async function plotRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'park.read' } as const;
  const write = { permission: 'park.write' } as const;
  const tags = ['park'];
  await app.register(plotImportRoutes);

  r.get(
    '/api/plots',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Plots (地块) with filters: park, status, chain, area range (亩), code search',
        querystring: z.strictObject({
          ...plotFilterFields,
          q: z.string().max(100).optional(),
          sort: sortParam(PLOT_SORTS, 'code'),
          ...pagingQuery,
        }),
        response: { 200: listResponse(plotSchema) },
      },
    },
    async function handleListPlots(request) {
      return listPlots(request.ctx, request.query);
    },
  );

  r.post(
    '/api/plots',
    {
      config: { access: write },
      schema: { tags, summary: 'Create a plot', body: createPlotBody, response: { 201: plotSchema } },
    },
    async function handleCreatePlot(request, reply) {
      return reply.status(201).send(await createPlot(request.ctx, request.body));
    },
  );

  r.get(
    '/api/plots/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'One plot', params: idParams, response: { 200: plotSchema } },
    },
    async function handleGetPlot(request) {
      return getPlot(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/plots/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a plot’s facts and outline (send the version read)',
        params: idParams,
        body: updatePlotBody,
        response: { 200: plotSchema },
      },
    },
    async function handleUpdatePlot(request) {
      return updatePlot(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/plots/:id/status',
    {
      config: { access: write },
      schema: {
        tags,
        summary:
          'Move a plot: 储备→待出让→已出让→已供地→在建→投产, or 闲置 (409 PLOT_STATUS_REFUSED otherwise)',
        params: idParams,
        body: movePlotStatusBody,
        response: { 200: plotSchema },
      },
    },
    async function handleMovePlot(request) {
      return movePlotStatus(request.ctx, request.params.id, request.body);
    },
  );

  r.put(
    '/api/plots/:id/project',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Put a project on the plot (null takes it off); the project’s park becomes the plot’s',
        params: idParams,
        body: linkPlotProjectBody,
        response: { 200: plotSchema },
      },
    },
    async function handleSetPlotProject(request) {
      return setPlotProject(request.ctx, request.params.id, request.body);
    },
  );
}
