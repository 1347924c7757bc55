import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { warningListSchema, warningOptionsSchema } from '../../../../shared/src/contract/warning';
import { SEVERITIES, WARNING_KINDS } from '../../../../shared/src/dispatch';
import { scopeFilters } from '../scope/project-scope';
import { listWarnings, warningFilterOptions } from './warning.service';

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
          kind: z.enum(WARNING_KINDS).optional(),
          severity: z.enum(SEVERITIES).optional(),
          officerId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(2000).optional(),
          // A page starts at most this deep: the task reads offset + limit of each kind.
          offset: z.coerce.number().int().min(0).max(8000).optional(),
        }),
        response: { 200: warningListSchema },
      },
    },
    async function handleWarnings(request) {
      return listWarnings(request.ctx, request.reads, request.query);
    },
  );

  r.get(
    '/api/warnings/options',
    {
      config: { access: { permission: 'warning.read' } },
      schema: {
        tags: ['cockpit'],
        summary: 'The choices of the warnings filters: parks, chains and the officers holding projects',
        response: { 200: warningOptionsSchema },
      },
    },
    async function handleWarningOptions(request) {
      return warningFilterOptions(request.ctx);
    },
  );
}
