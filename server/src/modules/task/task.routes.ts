import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../../shared/src/contract/attachment';
import { version } from '../../../../shared/src/contract/fields';
import {
  createTaskBody,
  evidenceLinkSchema,
  taskDetailSchema,
  taskFields,
  taskSchema,
} from '../../../../shared/src/contract/task';
import { TASK_LIMITS, TASK_SOURCES, TASK_STATUS_KEYS, TASK_TYPES } from '../../../../shared/src/task-status';
import { idParams, idString, localDate, nameText, queryBool, queryList, shortText } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { attachmentUpload, UPLOAD_BODY_LIMIT } from '../attachment/attachment.service';
import {
  createTask,
  decideTask,
  getTaskDetail,
  listTaskRecords,
  proposeTask,
  updateTask,
} from './task.service';
import { addMilestone, attachToTask, reportProgress, updateMilestone } from './task-roadmap.service';

const milestoneParams = z.object({ id: idString, milestoneId: idString });

/** 督办 supervised tasks (also reform pilots and programmes): roadmap, reports, 申请销号 and 销号. */
export async function taskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'task.read' } as const;
  const write = { permission: 'task.write' } as const;
  const report = { permission: 'task.report' } as const;
  const tags = ['task'];

  r.get(
    '/api/tasks',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'List tasks in scope (a department: the ones it is on), overdue first',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          type: z.enum(TASK_TYPES).optional(),
          status: queryList(z.enum(TASK_STATUS_KEYS)).optional(),
          campaignId: idString.optional(),
          campaignActionId: idString.optional(),
          departmentId: idString.optional(),
          projectId: idString.optional(),
          overdue: queryBool.optional(),
          isSample: queryBool.optional(),
          ...pagingQuery,
        }),
        response: { 200: listResponse(taskSchema) },
      },
    },
    async function handleListTasks(request) {
      return listTaskRecords(request.ctx, request.query);
    },
  );

  r.post(
    '/api/tasks',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Create a task with its units and roadmap',
        body: createTaskBody,
        response: { 201: taskSchema },
      },
    },
    async function handleCreateTask(request, reply) {
      return reply.status(201).send(await createTask(request.ctx, request.body));
    },
  );

  r.get(
    '/api/tasks/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'One task with roadmap, reports, escalations',
        params: idParams,
        response: { 200: taskDetailSchema },
      },
    },
    async function handleGetTask(request) {
      return getTaskDetail(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/tasks/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a task (send the version read)',
        params: idParams,
        body: z.strictObject({
          version,
          title: nameText.optional(),
          source: z.enum(TASK_SOURCES).optional(),
          leadDepartmentId: idString.optional(),
          ...taskFields,
        }),
        response: { 200: taskSchema },
      },
    },
    async function handleUpdateTask(request) {
      return updateTask(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/tasks/:id/milestones',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Add a roadmap milestone',
        params: idParams,
        body: z.strictObject({ name: nameText, plannedDate: localDate }),
        response: { 201: taskDetailSchema },
      },
    },
    async function handleAddMilestone(request, reply) {
      return reply.status(201).send(await addMilestone(request.ctx, request.params.id, request.body));
    },
  );

  r.patch(
    '/api/tasks/:id/milestones/:milestoneId',
    {
      config: { access: report },
      schema: {
        tags,
        summary: 'Mark a milestone done (units on the task) or change it (task managers)',
        params: milestoneParams,
        body: z.strictObject({
          version,
          name: nameText.optional(),
          plannedDate: localDate.optional(),
          doneDate: localDate.nullable().optional(),
          note: shortText.nullable().optional(),
        }),
        response: { 200: taskDetailSchema },
      },
    },
    async function handleUpdateMilestone(request) {
      return updateMilestone(request.ctx, request.params.id, request.params.milestoneId, request.body);
    },
  );

  r.post(
    '/api/tasks/:id/reports',
    {
      config: { access: report },
      schema: {
        tags,
        summary: 'Report progress for a period (default this month; replaces the unit’s report for it)',
        params: idParams,
        body: z.strictObject({
          periodKey: z
            .string()
            .regex(/^\d{4}(-(W\d{2}|Q[1-4]|\d{2}))?$/)
            .optional(),
          content: z.string().trim().min(1).max(TASK_LIMITS.evidenceMaxLength),
          percent: z.number().int().min(0).max(100).nullable().optional(),
        }),
        response: { 201: taskDetailSchema },
      },
    },
    async function handleReportProgress(request, reply) {
      return reply.status(201).send(await reportProgress(request.ctx, request.params.id, request.body));
    },
  );

  r.post(
    '/api/tasks/:id/propose',
    {
      config: { access: report },
      schema: {
        tags,
        summary: '申请销号: the lead unit proposes closing, with evidence',
        params: idParams,
        body: z.strictObject({
          evidence: z.string().trim().min(1).max(TASK_LIMITS.evidenceMaxLength),
          evidenceLink: evidenceLinkSchema.nullable().optional(),
          version,
        }),
        response: { 200: taskDetailSchema },
      },
    },
    async function handleProposeTask(request) {
      return proposeTask(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/tasks/:id/close',
    {
      config: { access: { permission: 'supervision.verify' } },
      schema: {
        tags,
        summary:
          '销号 or send back (督查室 or a leader outside the lead unit); closing needs every node done, 100% and evidence',
        params: idParams,
        body: z.strictObject({
          decision: z.enum(['close', 'return']),
          note: z.string().trim().max(TASK_LIMITS.reasonMaxLength).nullable().optional(),
          version,
        }),
        response: { 200: taskDetailSchema },
      },
    },
    async function handleDecideTask(request) {
      return decideTask(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/tasks/:id/attachments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: report },
      schema: {
        tags,
        summary: 'Attach evidence (PNG/JPEG/PDF, at most 5 MB, base64)',
        params: idParams,
        body: attachmentUpload,
        response: { 201: attachmentSchema },
      },
    },
    async function handleAttachToTask(request, reply) {
      return reply.status(201).send(await attachToTask(request.ctx, request.params.id, request.body));
    },
  );
}
