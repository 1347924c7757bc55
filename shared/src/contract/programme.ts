import { z } from 'zod';
import { taskSchema } from './task';

/**
 * Figures of a programme (对口支援: cohorts, students, graduates, over the undergraduate line) or of
 * a campaign (a county's pilots and promoted experiences): a key, a value and a unit, optionally
 * per period (a year or a cohort); a running total has period ''.
 */
export const figureSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  period: z.string(),
  note: z.string().nullable(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;

/** A 对口支援 programme: a task of type `programme` with its own figures. */
export const programmeSchema = taskSchema.extend({ figures: z.array(figureSchema) });
export type Programme = z.infer<typeof programmeSchema>;
