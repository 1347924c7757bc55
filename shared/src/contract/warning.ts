import { z } from 'zod';
import { SEVERITIES, WARNING_KINDS } from '../dispatch';

/** `GET /api/warnings/options`: the choices of the warnings page's park, chain and officer filters. */
export const warningOptionsSchema = z.object({
  parks: z.array(z.string()),
  chains: z.array(z.object({ id: z.string(), name: z.string() })),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type WarningOptions = z.infer<typeof warningOptionsSchema>;

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** One early warning (预警): a late milestone, a stuck stage, an overdue request, a missing report… */
export const warningSchema = z.object({
  /** Stable across pages and reloads: the kind and the record it is about. */
  id: z.string(),
  kind: z.enum(WARNING_KINDS),
  severity: z.enum(SEVERITIES),
  days: z.number(),
  reason: bilingual,
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** Where the record behind it opens in the web. */
  link: z.string(),
});
export type Warning = z.infer<typeof warningSchema>;

/** `GET /api/warnings`: a page of warnings, most severe first, and how many there are in all. */
export const warningListSchema = z.object({ items: z.array(warningSchema), total: z.number() });
export type WarningList = z.infer<typeof warningListSchema>;
