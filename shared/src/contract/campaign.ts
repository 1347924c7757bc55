import { z } from 'zod';
import { CAMPAIGN_KINDS } from '../task-status';
import { figureSchema } from './programme';

/** Campaigns (专项行动) and reform programmes, with their actions and the progress of their tasks. */

const progressSchema = z.object({
  taskTotal: z.number().int(),
  taskClosed: z.number().int(),
  taskOverdue: z.number().int(),
  /** Mean of the tasks' latest reported percentages (closed = 100), 0–100. */
  progress: z.number(),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  theme: z.string().nullable(),
  year: z.number().int().nullable(),
  region: z.string().nullable(),
  description: z.string().nullable(),
  actionCount: z.number().int(),
  figures: z.array(figureSchema),
  isSample: z.boolean(),
  ...progressSchema.shape,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignActionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  leadDepartmentName: z.string().nullable(),
  isSample: z.boolean(),
  ...progressSchema.shape,
});
export type CampaignAction = z.infer<typeof campaignActionSchema>;

export const campaignDetailSchema = campaignSchema.extend({ actions: z.array(campaignActionSchema) });
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
