import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteTargetsQuery,
  deleteTargetsResultSchema,
  setTargetsBody,
  setTargetsResultSchema,
  targetsSchema,
  targetUnitOptionsSchema,
} from '../../../../shared/src/contract/target';
import { deleteTargets, listTargets, listTargetUnits, setTargets } from './target.service';

/** 考核 annual targets per unit, actuals from the records, completion, time elapsed, ranking. */
export async function targetRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/targets',
    {
      config: { access: { permission: 'target.read' } },
      schema: {
        tags: ['target'],
        summary:
          'Targets of a year with actuals computed from the records, rates and rankings (rule included)',
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: targetsSchema },
      },
    },
    async function handleListTargets(request) {
      return listTargets(request.ctx, request.reads, request.query.year);
    },
  );
  r.put(
    '/api/targets',
    {
      config: { access: { permission: 'target.write' } },
      schema: {
        tags: ['target'],
        summary: 'Set a unit’s annual targets (null removes one)',
        body: setTargetsBody,
        response: { 200: setTargetsResultSchema },
      },
    },
    async function handleSetTargets(request) {
      return setTargets(request.ctx, request.body);
    },
  );
  r.delete(
    '/api/targets',
    {
      config: { access: { permission: 'target.write' } },
      schema: {
        tags: ['target'],
        summary: 'Remove every target of a unit for a year (each row audited)',
        querystring: deleteTargetsQuery,
        response: { 200: deleteTargetsResultSchema },
      },
    },
    async function handleDeleteTargets(request) {
      return deleteTargets(request.ctx, request.query);
    },
  );
  r.get(
    '/api/targets/units',
    {
      config: { access: { permission: 'target.write' } },
      schema: {
        tags: ['target'],
        summary: 'The units a target can be set for: the zone, parks, officers (teams), chains',
        response: { 200: targetUnitOptionsSchema },
      },
    },
    async function handleListTargetUnits(request) {
      return listTargetUnits(request.ctx);
    },
  );
}
