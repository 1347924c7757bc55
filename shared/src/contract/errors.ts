import { z } from 'zod';

/** One offending field of a rejected request; `path` is dotted (`address.city`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The body of every error answer (server plugins/errors.ts renders it once for every route). */
export const apiErrorSchema = z.object({
  error: z
    .object({
      code: z.string(),
      status: z.number().int(),
      message: z.object({ zh: z.string(), en: z.string() }),
      fields: z.array(fieldErrorSchema).optional(),
      requestId: z.string().optional(),
    })
    // Extra members some errors carry (e.g. the duplicates a create collided with).
    .catchall(z.unknown()),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
