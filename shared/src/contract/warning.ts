import { z } from 'zod';

/** `GET /api/warnings/options`: the choices of the warnings page's park, chain and officer filters. */
export const warningOptionsSchema = z.object({
  parks: z.array(z.string()),
  chains: z.array(z.object({ id: z.string(), name: z.string() })),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type WarningOptions = z.infer<typeof warningOptionsSchema>;
