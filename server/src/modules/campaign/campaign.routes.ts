import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignDetailSchema, campaignSchema } from '../../../../shared/src/contract/campaign';
import { CAMPAIGN_KINDS } from '../../../../shared/src/task-status';
import { idParams, idString, longText, nameText, shortText } from '../../lib/fields';
import { listResponse } from '../../lib/list-query';
import { createCampaign, getCampaign, listCampaignRecords } from './campaign.service';

/** Campaigns (十二项提升行动, a county's reform pilots): actions, their tasks and progress. */
export async function campaignRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaign'];
  r.get(
    '/api/campaigns',
    {
      config: { access: { permission: 'campaign.read' } },
      schema: {
        tags,
        summary: 'Campaigns with their progress',
        response: { 200: listResponse(campaignSchema) },
      },
    },
    async function handleListCampaigns(request) {
      return listCampaignRecords(request.ctx);
    },
  );

  r.get(
    '/api/campaigns/:id',
    {
      config: { access: { permission: 'campaign.read' } },
      schema: {
        tags,
        summary: 'One campaign with its actions and their progress',
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async function handleGetCampaign(request) {
      return getCampaign(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/campaigns',
    {
      config: { access: { permission: 'campaign.write' } },
      schema: {
        tags,
        summary: 'Create a campaign with its actions',
        body: z.strictObject({
          name: nameText,
          kind: z.enum(CAMPAIGN_KINDS),
          theme: shortText.nullable().optional(),
          year: z.number().int().min(2000).max(2100).nullable().optional(),
          region: shortText.nullable().optional(),
          description: longText.nullable().optional(),
          actions: z
            .array(z.strictObject({ name: nameText, leadDepartmentId: idString.nullable().optional() }))
            .max(50)
            .optional(),
        }),
        response: { 201: campaignDetailSchema },
      },
    },
    async function handleCreateCampaign(request, reply) {
      return reply.status(201).send(await createCampaign(request.ctx, request.body));
    },
  );
}
