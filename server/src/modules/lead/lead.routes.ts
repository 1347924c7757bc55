import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addFollowupBody,
  createLeadBody,
  FOLLOWUP_MAX_PHOTOS,
  followupListSchema,
  followupSchema,
  leadFields,
  leadSchema,
  moveLeadStatusBody,
  signedLeadSchema,
  signLeadBody,
  updateLeadBody,
} from '../../../../shared/src/contract/lead';
import { LEAD_STATUS_KEYS } from '../../../../shared/src/lead-status';
import { LEAD_SOURCES } from '../../../../shared/src/pipeline-enums';
import { idParams, queryBool, queryList } from '../../lib/fields';
import { listResponse, pagingQuery, sortParam } from '../../lib/list-query';
import { UPLOAD_BODY_LIMIT } from '../attachment/attachment.service';
import { LEAD_SORTS } from './lead.repository';
import {
  addFollowup,
  createLead,
  getLead,
  listFollowups,
  listLeadRecords,
  moveLeadStatus,
  signLead,
  updateLead,
} from './lead.service';

/** The editable fields of a lead: the contract's (imports and intake take the same). */
export { leadFields };

/** The list's query string; the xlsx export takes the same. */
export const leadListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  status: queryList(z.enum(LEAD_STATUS_KEYS)).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  ownerId: z.string().max(64).optional(),
  mine: queryBool.optional(),
  overdue: queryBool.optional(),
  chainLink: z.string().max(200).optional(),
  linkId: z.string().max(64).optional(),
  minInvestment: z.coerce.number().int().min(0).optional(),
  maxInvestment: z.coerce.number().int().min(0).optional(),
  isSample: queryBool.optional(),
  sort: sortParam(LEAD_SORTS, 'nextStepDate'),
  ...pagingQuery,
});

const FOLLOWUP_BODY_LIMIT = FOLLOWUP_MAX_PHOTOS * UPLOAD_BODY_LIMIT;

export async function leadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'lead.read' } as const;
  const write = { permission: 'lead.write' } as const;

  r.get(
    '/api/leads',
    {
      config: { access: read },
      schema: {
        tags: ['lead'],
        summary: 'List leads (招商线索); mine=true is "my leads" by next-step date',
        querystring: leadListQuery,
        response: { 200: listResponse(leadSchema) },
      },
    },
    async function handleListLeads(request) {
      return listLeadRecords(request.ctx, request.query);
    },
  );

  r.post(
    '/api/leads',
    {
      config: { access: write },
      schema: {
        tags: ['lead'],
        summary: 'Create a lead (a referral names its referring firm)',
        body: createLeadBody,
        response: { 201: leadSchema },
      },
    },
    async function handleCreateLead(request, reply) {
      return reply.status(201).send(await createLead(request.ctx, request.body));
    },
  );

  r.get(
    '/api/leads/:id',
    {
      config: { access: read },
      schema: { tags: ['lead'], summary: 'One lead', params: idParams, response: { 200: leadSchema } },
    },
    async function handleGetLead(request) {
      return getLead(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/leads/:id',
    {
      config: { access: write },
      schema: {
        tags: ['lead'],
        summary: 'Edit a lead (its owner or an admin; send the version read)',
        params: idParams,
        body: updateLeadBody,
        response: { 200: leadSchema },
      },
    },
    async function handleUpdateLead(request) {
      return updateLead(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/leads/:id/status',
    {
      config: { access: write },
      schema: {
        tags: ['lead'],
        summary: 'Move the lead status (backward, shelve and lose need a reason)',
        params: idParams,
        body: moveLeadStatusBody,
        response: { 200: leadSchema },
      },
    },
    async function handleMoveLeadStatus(request) {
      return moveLeadStatus(request.ctx, request.params.id, request.body);
    },
  );

  r.get(
    '/api/leads/:id/followups',
    {
      config: { access: read },
      schema: {
        tags: ['lead'],
        summary: 'Follow-up log of a lead, newest first',
        params: idParams,
        response: { 200: followupListSchema },
      },
    },
    async function handleListFollowups(request) {
      return listFollowups(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/leads/:id/followups',
    {
      config: { access: write },
      // Room for the photos as base64 (resized in the browser first; each checked again here).
      bodyLimit: FOLLOWUP_BODY_LIMIT,
      schema: {
        tags: ['lead'],
        summary: 'Log a visit, call or meeting (with site photos and, if chosen, the position)',
        params: idParams,
        body: addFollowupBody,
        response: { 201: followupSchema },
      },
    },
    async function handleAddFollowup(request, reply) {
      return reply.status(201).send(await addFollowup(request.ctx, request.params.id, request.body));
    },
  );

  r.post(
    '/api/leads/:id/sign',
    {
      config: { access: write },
      schema: {
        tags: ['lead'],
        summary: 'Sign the lead: creates its project at 签约 in the same transaction',
        params: idParams,
        body: signLeadBody,
        response: { 201: signedLeadSchema },
      },
    },
    async function handleSignLead(request, reply) {
      return reply.status(201).send(await signLead(request.ctx, request.params.id, request.body));
    },
  );
}
