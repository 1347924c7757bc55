import { z } from 'zod';

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
