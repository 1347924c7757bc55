import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHAIN_LIMITS, CHAIN_POSITIONS } from '../../../../shared/src/chain';
import {
  addLinkBody,
  attachedSchema,
  linkFields,
  linkSchema,
  targetsResponseSchema,
} from '../../../../shared/src/contract/chain';
import { idString, localDate, nameText, queryBool, shortText } from '../../lib/fields';
import { leadSchema } from '../lead/lead.presenter';
import {
  ATTACHABLE,
  attachRecord,
  linkOptionSchema,
  linkOptions,
  linkRecords,
  linkRecordsSchema,
} from './chain-attach.service';
import { addLink, deleteLink, moveLink, updateLinkRecord } from './chain-link.service';
import { createLeadFromTarget, listTargets } from './chain-target.service';

const chainParams = z.object({ id: idString });
const linkParams = z.object({ id: idString, linkId: idString });
const confirmQuery = z.strictObject({ confirm: queryBool.optional() });
/** Industrial chains (issue 4): /api/chains… and the referral network /api/referrals. */

/** The link editor, a link's records and ranked targets, attachments and link options. */
export async function chainLinkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'chain.read' } as const;
  const write = { permission: 'chain.write' } as const;
  const tags = ['chain'];

  r.get(
    '/api/chains/link-options',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Every link as a picker option (chain / link / sub-link)',
        response: { 200: z.object({ items: z.array(linkOptionSchema) }) },
      },
    },
    async function handleLinkOptions(request) {
      return { items: await linkOptions(request.ctx) };
    },
  );

  r.post(
    '/api/chains/:id/links',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Add a link (top level needs a position; index places it among siblings)',
        params: chainParams,
        body: addLinkBody,
        response: { 201: linkSchema },
      },
    },
    async function handleAddLink(request, reply) {
      return reply.status(201).send(await addLink(request.ctx, request.params.id, request.body));
    },
  );

  r.patch(
    '/api/chains/:id/links/:linkId',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Rename or edit a link (a top-level position change moves its subtree)',
        params: linkParams,
        body: z.strictObject({ ...linkFields, name: nameText.optional() }),
        response: { 200: linkSchema },
      },
    },
    async function handleUpdateLink(request) {
      return updateLinkRecord(request.ctx, request.params.id, request.params.linkId, request.body);
    },
  );

  r.post(
    '/api/chains/:id/links/:linkId/move',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Move a link (with its sub-links) under another parent and/or reorder',
        params: linkParams,
        body: z.strictObject({
          parentId: idString.nullable(),
          index: z.number().int().min(0).optional(),
          position: z.enum(CHAIN_POSITIONS).optional(),
        }),
        response: { 200: z.object({ links: z.array(linkSchema) }) },
      },
    },
    async function handleMoveLink(request) {
      return { links: await moveLink(request.ctx, request.params.id, request.params.linkId, request.body) };
    },
  );

  r.delete(
    '/api/chains/:id/links/:linkId',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Delete a link with its sub-links; without confirm=true answers 409 with what is attached',
        params: linkParams,
        querystring: confirmQuery,
        response: { 200: z.object({ deleted: z.literal(true), attached: attachedSchema }) },
      },
    },
    async function handleDeleteLink(request) {
      const attached = await deleteLink(
        request.ctx,
        request.params.id,
        request.params.linkId,
        request.query.confirm === true,
      );
      return { deleted: true as const, attached };
    },
  );

  r.get(
    '/api/chains/:id/links/:linkId/records',
    {
      config: { access: read },
      schema: {
        tags,
        summary: "A link's (and sub-links') firms, projects and leads",
        params: linkParams,
        response: { 200: linkRecordsSchema },
      },
    },
    async function handleLinkRecords(request) {
      return linkRecords(request.ctx, request.reads, request.params.id, request.params.linkId);
    },
  );

  r.get(
    '/api/chains/:id/links/:linkId/targets',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Ranked external firms that would fill the link, with the reasons for each rank',
        params: linkParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(CHAIN_LIMITS.maxTargets).optional(),
        }),
        response: { 200: targetsResponseSchema },
      },
    },
    async function handleTargets(request) {
      return listTargets(request.ctx, request.reads, request.params.id, request.params.linkId, request.query);
    },
  );

  r.post(
    '/api/chains/:id/links/:linkId/targets/:firmId/lead',
    {
      config: { access: { permission: 'lead.write' } },
      schema: {
        tags,
        summary:
          'Create a lead from a ranked target (pre-filled: target, link, source, referrer when tied; origin recorded)',
        params: linkParams.extend({ firmId: idString }),
        body: z.strictObject({
          title: nameText.optional(),
          referrerFirmId: idString.nullable().optional(),
          nextStep: shortText.nullable().optional(),
          nextStepDate: localDate.nullable().optional(),
        }),
        response: { 201: z.object({ lead: leadSchema, origin: z.record(z.string(), z.unknown()) }) },
      },
    },
    async function handleLeadFromTarget(request, reply) {
      const p = request.params;
      return reply
        .status(201)
        .send(await createLeadFromTarget(request.ctx, p.id, p.linkId, p.firmId, request.body));
    },
  );

  r.put(
    '/api/chains/attachments',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Attach a firm, lead or project to a link (linkId null detaches)',
        body: z.strictObject({ entity: z.enum(ATTACHABLE), id: idString, linkId: idString.nullable() }),
        response: {
          200: z.object({ entity: z.enum(ATTACHABLE), id: z.string(), linkId: z.string().nullable() }),
        },
      },
    },
    async function handleAttach(request) {
      return attachRecord(request.ctx, request.body);
    },
  );
}
