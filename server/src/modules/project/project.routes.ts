import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROJECT_STAGE_KEYS, PROJECT_STAGE_LIMITS } from '../../../../shared/src/project-stage';
import {
  idParams,
  idString,
  localDate,
  money,
  nameText,
  personName,
  queryBool,
  queryList,
  shortText,
} from '../../lib/fields';
import { listResponse, pagingQuery, sortParam } from '../../lib/list-query';
import { addMilestone, listMilestones, projectTimeline, updateMilestone } from './milestone.service';
import { milestoneSchema, PROJECT_PRIORITIES, projectSchema, timelineItemSchema } from './project.presenter';
import { PROJECT_SORTS } from './project.repository';
import { createProject, getProject, listProjects, projectKanban, updateProject } from './project.service';
import { moveProjectStage } from './project-stage.service';

/** The editable fields of a project (the stage moves through POST /stage). */
export const projectFields = {
  investors: z
    .array(
      z.strictObject({
        firmId: idString,
        sharePct: z.number().min(0).max(100).nullable().optional(),
      }),
    )
    .max(20)
    .optional(),
  park: shortText.nullable().optional(),
  /** 亩: land area, up to a large industrial estate. */
  landMu: z.number().min(0).max(1_000_000).nullable().optional(),
  totalInvestment: money.nullable().optional(),
  fixedAssetInvestment: money.nullable().optional(),
  fundsInPlace: money.nullable().optional(),
  capacityQuantity: z.number().min(0).max(1e12).nullable().optional(),
  capacityUnit: z.string().trim().max(20).nullable().optional(),
  capacityProduct: shortText.nullable().optional(),
  expectedOutput: money.nullable().optional(),
  expectedTax: money.nullable().optional(),
  expectedJobs: z.number().int().min(0).max(10_000_000).nullable().optional(),
  expectedExports: money.nullable().optional(),
  priority: z.enum(PROJECT_PRIORITIES).nullable().optional(),
  officerId: idString.nullable().optional(),
  leaderName: personName.nullable().optional(),
  contactName: personName.nullable().optional(),
  contactPhone: z.string().trim().max(40).nullable().optional(),
  chainLink: shortText.nullable().optional(),
  /** The chain link (环节) from the picker; must exist (400 on `linkId`). */
  linkId: idString.nullable().optional(),
  startDate: localDate.nullable().optional(),
};

const filterFields = {
  q: z.string().max(200).optional(),
  stage: queryList(z.enum(PROJECT_STAGE_KEYS)).optional(),
  chainLink: z.string().max(200).optional(),
  park: z.string().max(200).optional(),
  priority: z.enum(PROJECT_PRIORITIES).optional(),
  officerId: z.string().max(64).optional(),
  firmId: z.string().max(64).optional(),
  late: queryBool.optional(),
  minInvestment: z.coerce.number().int().min(0).optional(),
  maxInvestment: z.coerce.number().int().min(0).optional(),
  isSample: queryBool.optional(),
  chainId: z.string().max(64).optional(),
  linkId: z.string().max(64).optional(),
  signedFrom: localDate.optional(),
  signedTo: localDate.optional(),
  sort: sortParam(PROJECT_SORTS, '-totalInvestment'),
};
/** The list's query string; the xlsx export takes the same. */
export const projectListQuery = z.strictObject({ ...filterFields, ...pagingQuery });

export async function projectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'project.read' } as const;
  const write = { permission: 'project.write' } as const;

  r.get(
    '/api/projects',
    {
      config: { access: read },
      schema: {
        tags: ['project'],
        summary: 'List projects (项目库): filters, Chinese search, sort, page',
        querystring: projectListQuery,
        response: { 200: listResponse(projectSchema) },
      },
    },
    async function handleListProjects(request) {
      return listProjects(request.ctx, request.query);
    },
  );

  r.get(
    '/api/projects/kanban',
    {
      config: { access: read },
      schema: {
        tags: ['project'],
        summary: 'Projects by stage (same filters as the list)',
        querystring: z.strictObject(filterFields),
        response: {
          200: z.object({
            columns: z.array(
              z.object({
                stage: z.enum(PROJECT_STAGE_KEYS),
                count: z.number().int(),
                totalInvestment: z.number(),
                items: z.array(projectSchema),
              }),
            ),
          }),
        },
      },
    },
    async function handleKanban(request) {
      return projectKanban(request.ctx, request.query);
    },
  );

  r.post(
    '/api/projects',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Create a project (at 签约 unless a later stage with its required fields is given)',
        body: z.strictObject({
          name: nameText,
          ...projectFields,
          stage: z.enum(PROJECT_STAGE_KEYS).optional(),
          stageDate: localDate.optional(),
        }),
        response: { 201: projectSchema },
      },
    },
    async function handleCreateProject(request, reply) {
      return reply.status(201).send(await createProject(request.ctx, request.body));
    },
  );

  r.get(
    '/api/projects/:id',
    {
      config: { access: read },
      schema: {
        tags: ['project'],
        summary: 'One project',
        params: idParams,
        response: { 200: projectSchema },
      },
    },
    async function handleGetProject(request) {
      return getProject(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/projects/:id',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Edit a project (its officer or an admin; send the version read)',
        params: idParams,
        body: z.strictObject({
          version: z.number().int().min(1),
          name: nameText.optional(),
          ...projectFields,
        }),
        response: { 200: projectSchema },
      },
    },
    async function handleUpdateProject(request) {
      return updateProject(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/projects/:id/stage',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Move the project to a stage on a date (400 STAGE_MOVE_REFUSED names what is missing)',
        params: idParams,
        body: z.strictObject({
          to: z.enum(PROJECT_STAGE_KEYS),
          date: localDate,
          reason: z.string().trim().max(PROJECT_STAGE_LIMITS.reasonMaxLength).nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: projectSchema },
      },
    },
    async function handleMoveStage(request) {
      return moveProjectStage(request.ctx, request.params.id, request.body);
    },
  );

  r.get(
    '/api/projects/:id/milestones',
    {
      config: { access: read },
      schema: {
        tags: ['project'],
        summary: 'Milestones with lateness (against today in Asia/Shanghai)',
        params: idParams,
        response: { 200: z.object({ items: z.array(milestoneSchema) }) },
      },
    },
    async function handleListMilestones(request) {
      return listMilestones(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/projects/:id/milestones',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Add a milestone',
        params: idParams,
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          plannedDate: localDate,
          ownerName: personName.nullable().optional(),
        }),
        response: { 201: milestoneSchema },
      },
    },
    async function handleAddMilestone(request, reply) {
      return reply.status(201).send(await addMilestone(request.ctx, request.params.id, request.body));
    },
  );

  r.patch(
    '/api/projects/:id/milestones/:milestoneId',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Edit a milestone (e.g. record its actual date)',
        params: z.object({ id: idString, milestoneId: idString }),
        body: z.strictObject({
          version: z.number().int().min(1),
          name: z.string().trim().min(1).max(100).optional(),
          plannedDate: localDate.nullable().optional(),
          actualDate: localDate.nullable().optional(),
          ownerName: personName.nullable().optional(),
        }),
        response: { 200: milestoneSchema },
      },
    },
    async function handleUpdateMilestone(request) {
      return updateMilestone(request.ctx, request.params.id, request.params.milestoneId, request.body);
    },
  );

  r.get(
    '/api/projects/:id/timeline',
    {
      config: { access: read },
      schema: {
        tags: ['project'],
        summary: 'The project timeline: stage moves, milestones, follow-ups and edits, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(timelineItemSchema) }) },
      },
    },
    async function handleTimeline(request) {
      return projectTimeline(request.ctx, request.params.id);
    },
  );
}
