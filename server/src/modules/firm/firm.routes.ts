import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FIRM_RELATION_KINDS,
  firmRelationListSchema,
  firmRelationSchema,
} from '../../../../shared/src/contract/firm-relation';
import {
  idParams,
  idString,
  longText,
  money,
  nameText,
  personName,
  queryBool,
  shortText,
  TEXT_LIMITS,
} from '../../lib/fields';
import { listResponse, pagingQuery, sortParam } from '../../lib/list-query';
import { FIRM_SIZE_CLASSES, firmDetailSchema, firmSchema } from './firm.presenter';
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

/** The editable fields of a firm; the USCC check character is verified by the service. */
export const firmFields = {
  shortName: shortText.nullable().optional(),
  /** 曾用名 and other names the firm is known by; with the short and English names, the duplicate check finds them. */
  aliases: z.array(z.string().trim().min(1).max(TEXT_LIMITS.name)).max(20).optional(),
  englishName: z.string().trim().max(TEXT_LIMITS.name).nullable().optional(),
  uscc: z.string().trim().max(40).nullable().optional(),
  region: shortText.nullable().optional(),
  industryCode: z.string().trim().max(8).nullable().optional(),
  registeredCapital: money.nullable().optional(),
  sizeClass: z.enum(FIRM_SIZE_CLASSES).nullable().optional(),
  listedExchange: shortText.nullable().optional(),
  listedCode: z.string().trim().max(20).nullable().optional(),
  parentGroup: shortText.nullable().optional(),
  isLocal: z.boolean().optional(),
  businessScope: longText.nullable().optional(),
  chainLink: shortText.nullable().optional(),
  /** The chain link (环节) from the picker; must exist (400 on `linkId`). */
  linkId: idString.nullable().optional(),
  contacts: z
    .array(
      z.strictObject({
        name: personName.min(1),
        title: z.string().trim().max(64).nullable().optional(),
        phone: z.string().trim().max(40).nullable().optional(),
      }),
    )
    .max(20)
    .optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  note: longText.nullable().optional(),
  /** Save although a firm with the same normalised name exists (never overrides a USCC clash). */
  confirmNotDuplicate: z.boolean().optional(),
};

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
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                uscc: z.string().nullable(),
                reason: z.enum(['uscc', 'name', 'alias']),
                /** The existing firm's name or alias that matched (null for a USCC match). */
                matched: z.string().nullable(),
              }),
            ),
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
