import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { idParams } from '../../lib/fields';
import type { Actor, ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type AttachmentEntity, findAttachment } from './attachment.service';

/** Whether the caller may see the record a file hangs on; throws (a 404) when not. */
type VisibilityCheck = (db: Kysely<Database>, actor: Actor, entityId: string) => Promise<void>;

/**
 * The check of each kind of record files hang on, from the areas that own them (composed in
 * server/src/attachment-visibility.ts), so this module imports none of them (issue 12).
 */
export type AttachmentVisibility = Record<AttachmentEntity, VisibilityCheck>;

/** The file of an attachment, if the caller may see the record it hangs on (404 otherwise). */
async function loadVisible(ctx: ServiceContext, visibility: AttachmentVisibility, id: string) {
  const actor = requireActor(ctx);
  const file = await findAttachment(ctx.db.kysely, id);
  if (!file) throw errors.notFound('attachment');
  const check = Object.hasOwn(visibility, file.entity)
    ? visibility[file.entity as AttachmentEntity]
    : undefined;
  if (!check) throw errors.notFound('attachment');
  await check(ctx.db.kysely, actor, file.entity_id);
  return file;
}

export async function attachmentRoutes(app: FastifyInstance, opts: { visibility: AttachmentVisibility }) {
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
      const file = await loadVisible(request.ctx, opts.visibility, request.params.id);
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
