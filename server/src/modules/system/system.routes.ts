import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

export async function systemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { hide: true } },
    async function handleHealth() {
      return { status: 'ok' };
    },
  );
  r.get(
    '/readyz',
    { config: { access: { public: true } }, schema: { hide: true } },
    async function handleReady(request, reply) {
      try {
        await sql`select 1`.execute(request.ctx.db.kysely);
        return { status: 'ready', database: request.ctx.db.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: request.ctx.db.dialect });
      }
    },
  );
  r.get(
    '/api/meta',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'The zone this instance serves (shown on the sign-in page)',
        response: {
          200: z.object({ zone: z.object({ name: z.string(), shortName: z.string() }).nullable() }),
        },
      },
    },
    async function handleMeta(request) {
      const zone = await request.ctx.db.kysely.selectFrom('zone').selectAll().executeTakeFirst();
      return { zone: zone ? { name: zone.name, shortName: zone.short_name } : null };
    },
  );
}
