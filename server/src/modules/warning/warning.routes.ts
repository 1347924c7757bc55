import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFilters } from '../cockpit/cockpit.routes';
import { listWarnings } from './warning.service';

/** 预警 early warnings: the page behind the cockpit's warning counts. */
export async function warningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/warnings',
    {
      config: { access: { permission: 'warning.read' } },
      schema: {
        tags: ['cockpit'],
        summary: 'Early warnings: late milestones, stuck stages, overdue requests, missing round reports',
        querystring: z.strictObject({
          ...scopeFilters,
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
