import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUnitBody, unitSchema, updateUnitBody } from '../../../../shared/src/contract/park';
import { PARK_LIMITS, UNIT_STATUSES } from '../../../../shared/src/park';
import { idParams, idString, queryList } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { createUnit, getUnit, listUnits, updateUnit } from './unit.service';

/** 标准厂房 building units (issue 18): building, floor, unit, area, load, crane, status, firm, lease. */
export async function unitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'park.read' } as const;
  const write = { permission: 'park.write' } as const;
  const tags = ['park'];

  r.get(
    '/api/units',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Building units with filters: park, building, status, chain, floor-area range (m²)',
        querystring: z.strictObject({
          parkId: idString.optional(),
          buildingId: idString.optional(),
          status: queryList(z.enum(UNIT_STATUSES)).optional(),
          chainId: idString.optional(),
          minM2: z.coerce.number().min(0).max(PARK_LIMITS.maxUnitM2).optional(),
          maxM2: z.coerce.number().min(0).max(PARK_LIMITS.maxUnitM2).optional(),
          ...pagingQuery,
        }),
        response: { 200: listResponse(unitSchema) },
      },
    },
    async function handleListUnits(request) {
      return listUnits(request.ctx, request.query);
    },
  );

  r.post(
    '/api/units',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Create a unit (its building is made on first use of the name)',
        body: createUnitBody,
        response: { 201: unitSchema },
      },
    },
    async function handleCreateUnit(request, reply) {
      return reply.status(201).send(await createUnit(request.ctx, request.body));
    },
  );

  r.get(
    '/api/units/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitSchema } },
    },
    async function handleGetUnit(request) {
      return getUnit(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/units/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a unit: status, firm, lease (send the version read)',
        params: idParams,
        body: updateUnitBody,
        response: { 200: unitSchema },
      },
    },
    async function handleUpdateUnit(request) {
      return updateUnit(request.ctx, request.params.id, request.body);
    },
  );
}
