import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../../../shared/src/permissions';
import { idParams } from '../../lib/fields';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { assertProblemItemVisible } from '../problem/problem.policy';
import { assertRequestVisible } from '../request/request.policy';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): reads another module's repository; to go through its service
import { findRequestById } from '../request/request.repository';
import { assertTaskVisible } from '../task/task.policy';
import { findAttachment } from './attachment.service';

/** The file of an attachment, if the caller may see the record it hangs on (404 otherwise). */
async function loadVisible(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  const file = await findAttachment(ctx.db.kysely, id);
  if (!file) throw errors.notFound('attachment');
  if (file.entity === 'factor_request') {
    const row = await findRequestById(ctx.db.kysely, file.entity_id);
    if (!row) throw errors.notFound('attachment');
    assertRequestVisible(actor, row);
  } else if (file.entity === 'task') {
    await assertTaskVisible(ctx.db.kysely, actor, file.entity_id);
  } else if (file.entity === 'problem_item') {
    await assertProblemItemVisible(ctx.db.kysely, actor, file.entity_id);
  } else if (file.entity === 'lead_followup') {
    // Leads are read by permission alone (lead.policy.ts): the zone's pipeline, never a firm's.
    if (!can(actor.role, 'lead.read')) throw errors.notFound('attachment');
  } else {
    throw errors.notFound('attachment');
  }
  return file;
}

export async function attachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/attachments/:id',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['attachment'],
        summary: 'Download an attachment (scope of the record it belongs to)',
        params: idParams,
      },
    },
    async function handleGetAttachment(request, reply) {
      const file = await loadVisible(request.ctx, request.params.id);
      const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content as Uint8Array);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(content);
    },
  );
}
