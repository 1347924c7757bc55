import { z } from 'zod';

/** The chain link (产业链环节) a firm, lead or project is on, as the pipeline shows it: 宠物产业链 › 宠物食品. */
export const recordLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  chainId: z.string(),
  chainName: z.string(),
});
export type RecordLink = z.infer<typeof recordLinkSchema>;
