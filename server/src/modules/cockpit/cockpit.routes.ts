import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCockpit, listWarnings } from './cockpit.service';

const filters = {
  park: z.string().max(200).optional(),
  chain: z.string().max(64).optional(),
};

/** 驾驶舱 the leaders' cockpit and 预警 early warnings. */
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
          ...filters,
        }),
      },
    },
    async function handleCockpit(request) {
      return getCockpit(request.ctx, request.reads, request.query);
    },
  );

  r.get(
    '/api/warnings',
    {
      config: { access: { permission: 'warning.read' } },
      schema: {
        tags: ['cockpit'],
        summary: 'Early warnings: late milestones, stuck stages, overdue requests, missing round reports',
        querystring: z.strictObject({
          ...filters,
          limit: z.coerce.number().int().min(1).max(2000).optional(),
          // A page starts at most this deep: the task reads offset + limit of each kind.
          offset: z.coerce.number().int().min(0).max(8000).optional(),
        }),
      },
    },
    async function handleWarnings(request) {
      return listWarnings(request.ctx, request.reads, request.query);
    },
  );
}
