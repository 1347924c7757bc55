import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMilestoneBody,
  createProjectBody,
  kanbanSchema,
  milestoneListSchema,
  milestoneSchema,
  moveStageBody,
  projectFields,
  projectListCursor,
  projectListSchema,
  projectSchema,
  timelineSchema,
  updateMilestoneBody,
  updateProjectBody,
  verifyFiguresBody,
} from '../../../../shared/src/contract/project';
import { PROJECT_PRIORITIES } from '../../../../shared/src/pipeline-enums';
import { PROJECT_STAGE_KEYS } from '../../../../shared/src/project-stage';
import { committedDataVersion } from '../../db/data-version';
import { idParams, idString, localDate, queryBool, queryList } from '../../lib/fields';
import { presentedJson } from '../../lib/json';
import { pagingQuery, sortParam } from '../../lib/list-query';
import { addMilestone, listMilestones, projectTimeline, updateMilestone } from './milestone.service';
import { PROJECT_SORTS } from './project.repository';
import {
  createProject,
  getProject,
  listProjects,
  projectListAnswerKey,
  updateProject,
} from './project.service';
import { verifyProjectFigures } from './project-figures.service';
import { projectKanban } from './project-kanban.service';
import { moveProjectStage } from './project-stage.service';

/** The editable fields of a project: the contract's (imports and intake take the same). */
export { projectFields };

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
        querystring: projectListQuery.extend({ cursor: projectListCursor.optional() }),
        response: { 200: projectListSchema },
      },
      serializerCompiler: presentedJson,
    },
    async function handleListProjects(request, reply) {
      const { ctx, query } = request;
      // The page as sent, again while no write has been committed since (issue 19: Q1 at 1M).
      const body = await app.listAnswers.answer(
        projectListAnswerKey(ctx, query),
        () => committedDataVersion(ctx.db),
        () => listProjects(ctx, query, { exactTotalUpTo: app.listExactTotalCap }),
      );
      // The bytes are the schema's JSON (JSON.stringify of what listProjects returned, as
      // presentedJson writes it); the typed reply takes only the object, the plain one bytes.
      const untyped: FastifyReply = reply;
      return untyped.type('application/json; charset=utf-8').send(body);
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
        response: { 200: kanbanSchema },
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
        body: createProjectBody,
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
      // Q3 of issue 19: the presenter is typed to the contract; the API test checks the answer
      // against projectSchema, as the list's does.
      serializerCompiler: presentedJson,
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
        body: updateProjectBody,
        response: { 200: projectSchema },
      },
    },
    async function handleUpdateProject(request) {
      return updateProject(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/projects/:id/figures/verify',
    {
      config: { access: write },
      schema: {
        tags: ['project'],
        summary: 'Mark figures verified (核实) at their current values (its officer or an admin)',
        params: idParams,
        body: verifyFiguresBody,
        response: { 200: projectSchema },
      },
    },
    async function handleVerifyFigures(request) {
      return verifyProjectFigures(request.ctx, request.params.id, request.body.figures);
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
        body: moveStageBody,
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
        response: { 200: milestoneListSchema },
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
        body: addMilestoneBody,
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
        body: updateMilestoneBody,
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
        response: { 200: timelineSchema },
      },
    },
    async function handleTimeline(request) {
      return projectTimeline(request.ctx, request.params.id);
    },
  );
}
