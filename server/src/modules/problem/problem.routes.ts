import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../../shared/src/contract/attachment';
import {
  createProblemListBody,
  PROBLEM_LIST_MAX_ITEMS,
  problemItemBody,
  problemListDetailSchema,
  problemListSchema,
} from '../../../../shared/src/contract/problem';
import { evidenceLinkSchema } from '../../../../shared/src/contract/task';
import { TASK_LIMITS } from '../../../../shared/src/task-status';
import { idParams, idString, localDate } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { attachmentUpload, UPLOAD_BODY_LIMIT } from '../attachment/attachment.service';
import {
  addProblemItems,
  attachToProblemItem,
  createProblemList,
  getProblemList,
  listProblemListRecords,
} from './problem.service';
import { decideProblemItem, proposeProblemItem } from './problem-closing.service';

const itemParams = z.object({ id: idString, itemId: idString });

/** 问题清单 and 整改: lists closed item by item (逐条销号). */
export async function problemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'problem.read' } as const;
  const write = { permission: 'problem.write' } as const;
  const propose = { permission: 'problem.propose' } as const;
  const tags = ['problem'];

  r.get(
    '/api/problem-lists',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Problem lists in scope with closed / on time / overdue counts',
        querystring: z.strictObject({ q: z.string().max(200).optional(), ...pagingQuery }),
        response: { 200: listResponse(problemListSchema) },
      },
    },
    async function handleListProblemLists(request) {
      return listProblemListRecords(request.ctx, request.query);
    },
  );

  r.post(
    '/api/problem-lists',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Create a problem list with its items',
        body: createProblemListBody,
        response: { 201: problemListDetailSchema },
      },
    },
    async function handleCreateProblemList(request, reply) {
      return reply.status(201).send(await createProblemList(request.ctx, request.body));
    },
  );

  r.get(
    '/api/problem-lists/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'One list with its items',
        params: idParams,
        response: { 200: problemListDetailSchema },
      },
    },
    async function handleGetProblemList(request) {
      return getProblemList(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/problem-lists/:id/items',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Add items to a list',
        params: idParams,
        body: z.strictObject({ items: z.array(problemItemBody).min(1).max(PROBLEM_LIST_MAX_ITEMS) }),
        response: { 201: problemListDetailSchema },
      },
    },
    async function handleAddProblemItems(request, reply) {
      return reply
        .status(201)
        .send(await addProblemItems(request.ctx, request.params.id, request.body.items));
    },
  );

  r.post(
    '/api/problem-lists/:id/items/:itemId/propose',
    {
      config: { access: propose },
      schema: {
        tags,
        summary:
          '申请销号: the responsible unit proposes closing one item with evidence (text plus a file or a linked record)',
        params: itemParams,
        body: z.strictObject({
          evidence: z.string().trim().min(1).max(TASK_LIMITS.evidenceMaxLength),
          rectifiedDate: localDate.optional(),
          evidenceLink: evidenceLinkSchema.nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: problemListDetailSchema },
      },
    },
    async function handleProposeProblemItem(request) {
      return proposeProblemItem(request.ctx, request.params.id, request.params.itemId, request.body);
    },
  );

  r.post(
    '/api/problem-lists/:id/items/:itemId/decide',
    {
      config: { access: { permission: 'supervision.verify' } },
      schema: {
        tags,
        summary:
          '核验销号 or 退回 a proposed item (督查室 or a leader outside the unit); returning needs a reason',
        params: itemParams,
        body: z.strictObject({
          decision: z.enum(['verify', 'return']),
          reason: z.string().trim().max(TASK_LIMITS.reasonMaxLength).nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: problemListDetailSchema },
      },
    },
    async function handleDecideProblemItem(request) {
      return decideProblemItem(request.ctx, request.params.id, request.params.itemId, request.body);
    },
  );

  r.post(
    '/api/problem-lists/:id/items/:itemId/attachments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: propose },
      schema: {
        tags,
        summary: 'Attach rectification evidence to an item (PNG/JPEG/PDF, at most 5 MB, base64)',
        params: itemParams,
        body: attachmentUpload,
        response: { 201: attachmentSchema },
      },
    },
    async function handleAttachToProblemItem(request, reply) {
      return reply
        .status(201)
        .send(await attachToProblemItem(request.ctx, request.params.id, request.params.itemId, request.body));
    },
  );
}
