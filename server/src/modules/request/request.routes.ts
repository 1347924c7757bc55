import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../../shared/src/contract/attachment';
import {
  requestDetailSchema,
  requestOverviewSchema,
  requestSchema,
} from '../../../../shared/src/contract/request';
import { REQUEST_LIMITS, REQUEST_STATUS_KEYS, REQUEST_TYPES } from '../../../../shared/src/request-status';
import { idParams, idString, localDate, longText, nameText, queryBool, queryList } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { attachmentUpload, UPLOAD_BODY_LIMIT } from '../attachment/attachment.service';
import {
  createRequest,
  departmentQueue,
  getRequestDetail,
  listRequestRecords,
  requestOverviewFor,
} from './request.service';
import { addRequestNote, assignRequest, attachToRequest, moveRequest } from './request-workflow.service';

const reason = z.string().trim().max(REQUEST_LIMITS.reasonMaxLength).nullable().optional();
/** 要素保障 factor requests: raise, assign, work, resolve, confirm; queue and leader overview. */
export async function requestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'request.read' } as const;
  const tags = ['request'];

  r.get(
    '/api/requests',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'List factor requests in the caller’s scope: overdue first, then by deadline',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          status: queryList(z.enum(REQUEST_STATUS_KEYS)).optional(),
          type: z.enum(REQUEST_TYPES).optional(),
          departmentId: idString.optional(),
          unassigned: queryBool.optional(),
          firmId: idString.optional(),
          projectId: idString.optional(),
          park: z.string().max(200).optional(),
          chainId: idString.optional(),
          overdue: queryBool.optional(),
          open: queryBool.optional(),
          isSample: queryBool.optional(),
          ...pagingQuery,
        }),
        response: { 200: listResponse(requestSchema) },
      },
    },
    async function handleListRequests(request) {
      return listRequestRecords(request.ctx, request.query);
    },
  );

  r.get(
    '/api/requests/queue',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'A department’s queue (a department user: its own), overdue first, by deadline',
        querystring: z.strictObject({
          departmentId: idString.optional(),
          all: queryBool.optional(),
          ...pagingQuery,
        }),
        response: { 200: listResponse(requestSchema) },
      },
    },
    async function handleRequestQueue(request) {
      return departmentQueue(request.ctx, request.query);
    },
  );

  r.get(
    '/api/requests/overview',
    {
      config: { access: { permission: 'request.overview' } },
      schema: {
        tags,
        summary: 'Leader view: requests by department and type, overdue counts, average resolution days',
        response: { 200: requestOverviewSchema },
      },
    },
    async function handleRequestOverview(request) {
      return requestOverviewFor(request.ctx, request.reads);
    },
  );

  r.post(
    '/api/requests',
    {
      config: { access: { permission: 'request.create' } },
      schema: {
        tags,
        summary: 'Raise a factor request (an enterprise: for its own firm and projects)',
        body: z.strictObject({
          projectId: idString.nullable().optional(),
          firmId: idString.nullable().optional(),
          type: z.enum(REQUEST_TYPES),
          title: nameText,
          description: longText.nullable().optional(),
          neededBy: localDate.nullable().optional(),
        }),
        response: { 201: requestSchema },
      },
    },
    async function handleCreateRequest(request, reply) {
      return reply.status(201).send(await createRequest(request.ctx, request.body));
    },
  );

  r.get(
    '/api/requests/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'One request with its history, escalations, attachments and what the caller may do',
        params: idParams,
        response: { 200: requestDetailSchema },
      },
    },
    async function handleGetRequest(request) {
      return getRequestDetail(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/requests/:id/assign',
    {
      config: { access: { permission: 'request.assign' } },
      schema: {
        tags,
        summary: 'Assign or reassign to a department with a deadline (default per type)',
        params: idParams,
        body: z.strictObject({
          departmentId: idString,
          deadline: localDate.nullable().optional(),
          reason,
          version: z.number().int().min(1),
        }),
        response: { 200: requestSchema },
      },
    },
    async function handleAssignRequest(request) {
      return assignRequest(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/requests/:id/status',
    {
      config: { access: { permission: 'request.act' } },
      schema: {
        tags,
        summary: 'Accept, work, resolve, confirm, reopen or reject (shared/src/request-status.ts)',
        params: idParams,
        body: z.strictObject({
          to: z.enum(REQUEST_STATUS_KEYS),
          reason,
          version: z.number().int().min(1),
        }),
        response: { 200: requestSchema },
      },
    },
    async function handleMoveRequest(request) {
      return moveRequest(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/requests/:id/notes',
    {
      config: { access: { permission: 'request.note' } },
      schema: {
        tags,
        summary: 'Add a progress note or a comment',
        params: idParams,
        body: z.strictObject({ note: z.string().trim().min(1).max(REQUEST_LIMITS.noteMaxLength) }),
        response: { 201: requestDetailSchema },
      },
    },
    async function handleAddRequestNote(request, reply) {
      return reply.status(201).send(await addRequestNote(request.ctx, request.params.id, request.body.note));
    },
  );

  r.post(
    '/api/requests/:id/attachments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: { permission: 'request.act' } },
      schema: {
        tags,
        summary: 'Attach a photo (PNG/JPEG) or PDF, at most 5 MB, as base64',
        params: idParams,
        body: attachmentUpload,
        response: { 201: attachmentSchema },
      },
    },
    async function handleAttachToRequest(request, reply) {
      return reply.status(201).send(await attachToRequest(request.ctx, request.params.id, request.body));
    },
  );
}
