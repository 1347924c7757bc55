import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FIRM_SIZE_CLASSES,
  firmDetailSchema,
  firmDuplicateSchema,
  firmFields,
  firmSchema,
} from '../../../../shared/src/contract/firm';
import {
  FIRM_RELATION_KINDS,
  firmRelationListSchema,
  firmRelationSchema,
} from '../../../../shared/src/contract/firm-relation';
import { idParams, idString, nameText, queryBool, shortText } from '../../lib/fields';
import { listResponse, pagingQuery, sortParam } from '../../lib/list-query';
import { FIRM_SORTS } from './firm.repository';
import {
  addFirmRelation,
  createFirm,
  findFirmDuplicates,
  getFirm,
  listFirmRecords,
  listFirmRelations,
  removeFirmRelation,
  updateFirm,
} from './firm.service';

// The editable fields are the contract's (shared/src/contract/firm.ts); the import and intake take them too.
export { firmFields } from '../../../../shared/src/contract/firm';

export const firmListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  isLocal: queryBool.optional(),
  industryCode: z.string().max(8).optional(),
  tag: z.string().max(40).optional(),
  sizeClass: z.enum(FIRM_SIZE_CLASSES).optional(),
  listed: queryBool.optional(),
  isSample: queryBool.optional(),
  linkId: z.string().max(64).optional(),
  sort: sortParam(FIRM_SORTS, 'name'),
  ...pagingQuery,
});

export async function firmRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'firm.read' } as const;
  const write = { permission: 'firm.write' } as const;

  r.get(
    '/api/firms',
    {
      config: { access: read },
      schema: {
        tags: ['firm'],
        summary: 'List firms (企业库): filters, Chinese search, sort, page',
        querystring: firmListQuery,
        response: { 200: listResponse(firmSchema) },
      },
    },
    async function handleListFirms(request) {
      return listFirmRecords(request.ctx, request.query);
    },
  );

  r.get(
    '/api/firms/duplicates',
    {
      config: { access: read },
      schema: {
        tags: ['firm'],
        summary: 'Firms with the same USCC, or a normalised name equal to their name or an alias',
        querystring: z.strictObject({
          name: z.string().max(200).optional(),
          uscc: z.string().max(40).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(firmDuplicateSchema.required({ reason: true, matched: true })),
          }),
        },
      },
    },
    async function handleFirmDuplicates(request) {
      return findFirmDuplicates(request.ctx, request.query);
    },
  );

  r.post(
    '/api/firms',
    {
      config: { access: write },
      schema: {
        tags: ['firm'],
        summary: 'Create a firm (409 DUPLICATE_FIRM on the same USCC or name)',
        body: z.strictObject({ name: nameText, ...firmFields }),
        response: { 201: firmSchema },
      },
    },
    async function handleCreateFirm(request, reply) {
      return reply.status(201).send(await createFirm(request.ctx, request.body));
    },
  );

  r.get(
    '/api/firms/:id',
    {
      config: { access: read },
      schema: {
        tags: ['firm'],
        summary: 'One firm with relations, projects and leads',
        params: idParams,
        response: { 200: firmDetailSchema },
      },
    },
    async function handleGetFirm(request) {
      return getFirm(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/firms/:id',
    {
      config: { access: write },
      schema: {
        tags: ['firm'],
        summary: 'Edit a firm (send the version read; 409 STALE_VERSION if it changed)',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), name: nameText.optional(), ...firmFields }),
        response: { 200: firmSchema },
      },
    },
    async function handleUpdateFirm(request) {
      return updateFirm(request.ctx, request.params.id, request.body);
    },
  );

  r.get(
    '/api/firms/:id/relations',
    {
      // The zone's 以商招商 graph: not for an enterprise user, even about its own firm (decision 011).
      config: { access: { permission: 'firm.internal' } },
      schema: {
        tags: ['firm'],
        summary: 'Relations of a firm (以商招商 graph)',
        params: idParams,
        response: { 200: firmRelationListSchema },
      },
    },
    async function handleListRelations(request) {
      return listFirmRelations(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/firms/:id/relations',
    {
      config: { access: write },
      schema: {
        tags: ['firm'],
        summary: 'Add a relation from this firm to another',
        params: idParams,
        body: z.strictObject({
          toFirmId: idString,
          kind: z.enum(FIRM_RELATION_KINDS),
          note: shortText.nullable().optional(),
        }),
        response: { 201: firmRelationSchema },
      },
    },
    async function handleAddRelation(request, reply) {
      return reply.status(201).send(await addFirmRelation(request.ctx, request.params.id, request.body));
    },
  );

  r.delete(
    '/api/firm-relations/:id',
    {
      config: { access: write },
      schema: { tags: ['firm'], summary: 'Remove a relation', params: idParams, response: { 204: z.null() } },
    },
    async function handleRemoveRelation(request, reply) {
      await removeFirmRelation(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
