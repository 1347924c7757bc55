import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, sniffAttachmentType } from '../../../../shared/src/attachments';
import { type AttachmentUpload, attachmentUpload } from '../../../../shared/src/contract/attachment';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';

type Q = Kysely<Database> | Transaction<Database>;

/** The records attachments hang on. */
export type AttachmentEntity = 'factor_request' | 'task' | 'problem_item' | 'lead_followup';

export type { AttachmentUpload };
// The upload's schema is the contract's; re-exported for the modules that take uploads.
export { attachmentUpload };

/** Route body limit for uploads: the base64 of the largest file plus the JSON around it. */
export const UPLOAD_BODY_LIMIT = Math.ceil((ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 64 * 1024;

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  uploadedByName: string | null;
  createdAt: string;
}

/**
 * Checks an upload (size, type by its first bytes, count per record) and stores it in the
 * caller's transaction, with its audit row. Returns the stored file's metadata.
 */
export async function storeAttachment(
  trx: Q,
  ctx: ServiceContext,
  entity: AttachmentEntity,
  entityId: string,
  upload: AttachmentUpload,
): Promise<AttachmentMeta> {
  const actor = requireActor(ctx);
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > ATTACHMENT_LIMITS.maxBytes) {
    throw errors.validation([
      {
        path: 'contentBase64',
        message: {
          zh: `附件不能为空，且不超过 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`,
          en: `The file must not be empty or larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`,
        },
      },
    ]);
  }
  const mime = sniffAttachmentType(bytes);
  if (!mime) {
    throw errors.validation([
      {
        path: 'contentBase64',
        message: {
          zh: '仅支持 PNG、JPEG 图片和 PDF 文件',
          en: 'Only PNG and JPEG images and PDF files are accepted',
        },
      },
    ]);
  }
  const count = await trx
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (Number(count?.n ?? 0) >= ATTACHMENT_LIMITS.maxPerRecord) {
    throw errors.badRequest('TOO_MANY_ATTACHMENTS', {
      zh: `每条记录最多 ${ATTACHMENT_LIMITS.maxPerRecord} 个附件`,
      en: `At most ${ATTACHMENT_LIMITS.maxPerRecord} attachments per record`,
    });
  }
  // The stored name keeps the person's name but gets the extension of what the file really is.
  const ext = ATTACHMENT_TYPES[mime].ext;
  const stem = upload.fileName.replace(/[\\/\0]/g, '_').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const row = {
    id: newId(),
    entity,
    entity_id: entityId,
    file_name: `${stem}.${ext}`,
    mime,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    uploaded_by_id: actor.userId,
    uploaded_by_name: actor.displayName,
    created_at: ctx.clock.now().toISOString(),
  };
  await trx.insertInto('attachment').values(row).execute();
  const { content: _c, ...meta } = row;
  await writeAudit(trx, ctx, { entity: 'attachment', entityId: row.id, action: 'create', after: meta });
  return {
    id: row.id,
    fileName: row.file_name,
    mime,
    size: row.size,
    uploadedByName: row.uploaded_by_name,
    createdAt: row.created_at,
  };
}

/** Metadata of the attachments of one record, oldest first (never the bytes). */
export async function listAttachmentMeta(db: Q, entity: AttachmentEntity, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'entity_id', 'file_name', 'mime', 'size', 'uploaded_by_name', 'created_at'])
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    uploadedByName: r.uploaded_by_name,
    createdAt: r.created_at,
  }));
}

export function findAttachment(db: Q, id: string) {
  return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}
