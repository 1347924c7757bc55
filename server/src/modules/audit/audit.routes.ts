import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditListSchema } from '../../../../shared/src/contract/account';
import { pagingQuery } from '../../lib/list-query';
import { presentAuditEntry } from './audit.presenter';

const isoTime = z.iso.datetime({ offset: true }).or(z.iso.date());

function toUtc(v: string | undefined): string | undefined {
  if (!v) return undefined;
  // A bare date means that day in Asia/Shanghai, the zone's local time.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00+08:00`) : new Date(v);
  return d.toISOString();
}

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (append-only: there is no route that edits or deletes it)',
        querystring: z.strictObject({
          actor: z.string().max(64).optional(),
          entity: z.string().max(32).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          from: isoTime.optional(),
          to: isoTime.optional(),
          sort: z.enum(['at', '-at']).default('-at'),
          ...pagingQuery,
        }),
        response: { 200: auditListSchema },
      },
    },
    async function handleListAudit(request) {
      const q = request.query;
      const { rows, total } = await request.reads.run('audit.list', {
        ...q,
        from: toUtc(q.from),
        to: toUtc(q.to),
      });
      return {
        total,
        items: rows.map(presentAuditEntry),
      };
    },
  );
}
