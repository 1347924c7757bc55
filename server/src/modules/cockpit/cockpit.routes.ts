import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cockpitSchema } from '../../../../shared/src/contract/cockpit';
import { scopeFilters } from '../scope/project-scope';
import { getCockpit } from './cockpit.service';

/** 驾驶舱 the leaders' cockpit. */
export async function cockpitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cockpit',
    {
      config: { access: { permission: 'cockpit.read' } },
      schema: {
        tags: ['cockpit'],
        summary: 'Cockpit figures for a year (and park/chain), each with the list query that reproduces it',
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          ...scopeFilters,
        }),
        response: { 200: cockpitSchema },
      },
    },
    async function handleCockpit(request) {
      return getCockpit(request.ctx, request.reads, request.query);
    },
  );
}
