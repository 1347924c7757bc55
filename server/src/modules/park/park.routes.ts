import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemsResponse } from '../../../../shared/src/contract/list';
import { createParkBody, parkSchema, updateParkBody } from '../../../../shared/src/contract/park';
import { idParams, idString } from '../../lib/fields';
import { createPark, getPark, listParks, updatePark } from './park.service';

/** 园区/载体 parks (issue 18): figures derived from their plots, units, projects and reports. */
export async function parkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'park.read' } as const;
  const write = { permission: 'park.write' } as const;
  const tags = ['park'];

  r.get(
    '/api/parks',
    {
      config: { access: read },
      schema: {
        tags,
        summary:
          'Parks with derived figures (land 亩, floor m², occupancy, firms, projects, output/tax per 亩)',
        querystring: z.strictObject({ chainId: idString.optional() }),
        response: { 200: itemsResponse(parkSchema) },
      },
    },
    async function handleListParks(request) {
      return listParks(request.ctx, request.query);
    },
  );

  r.post(
    '/api/parks',
    {
      config: { access: write },
      schema: { tags, summary: 'Create a park', body: createParkBody, response: { 201: parkSchema } },
    },
    async function handleCreatePark(request, reply) {
      return reply.status(201).send(await createPark(request.ctx, request.body));
    },
  );

  r.get(
    '/api/parks/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'One park with its figures', params: idParams, response: { 200: parkSchema } },
    },
    async function handleGetPark(request) {
      return getPark(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/parks/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a park (send the version read; 409 if it changed)',
        params: idParams,
        body: updateParkBody,
        response: { 200: parkSchema },
      },
    },
    async function handleUpdatePark(request) {
      return updatePark(request.ctx, request.params.id, request.body);
    },
  );
}
