import { z } from 'zod';
import { ATTACHMENT_LIMITS } from '../attachments';

/**
 * An upload: the file as base64 in a JSON body. A route that takes one raises its body limit to fit
 * ATTACHMENT_LIMITS.maxBytes (base64 is 4/3 of the bytes); the server checks the bytes again.
 */
export const attachmentUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(ATTACHMENT_LIMITS.fileNameMaxLength),
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type AttachmentUpload = z.infer<typeof attachmentUpload>;

/** A file attached to a request, task or problem, as the API lists it (the bytes are fetched apart). */
export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof attachmentSchema>;
