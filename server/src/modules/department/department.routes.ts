import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  departmentListSchema,
  departmentSchema,
  headCandidateListSchema,
  setDepartmentHeadBody,
} from '../../../../shared/src/contract/account';
import { idParams } from '../../lib/fields';
import { listDepartmentRecords, listHeadCandidates, setDepartmentHead } from './department.service';

export async function departmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/departments',
    {
      config: { access: { permission: 'department.read' } },
      schema: {
        tags: ['department'],
        summary: 'The zone departments (factor requests and tasks are assigned to them)',
        response: { 200: departmentListSchema },
      },
    },
    async function handleListDepartments(request) {
      return listDepartmentRecords(request.ctx);
    },
  );

  r.get(
    '/api/departments/:id/head-candidates',
    {
      config: { access: { permission: 'department.manage' } },
      schema: {
        tags: ['department'],
        summary: 'The accounts that may head this department: its department users and the leaders',
        params: idParams,
        response: { 200: headCandidateListSchema },
      },
    },
    async function handleListHeadCandidates(request) {
      return listHeadCandidates(request.ctx, request.params.id);
    },
  );

  r.put(
    '/api/departments/:id/head',
    {
      config: { access: { permission: 'department.manage' } },
      schema: {
        tags: ['department'],
        summary: 'Set (or unlink, with null) the head user (负责人) that escalations reach; audited',
        params: idParams,
        body: setDepartmentHeadBody,
        response: { 200: departmentSchema },
      },
    },
    async function handleSetDepartmentHead(request) {
      return setDepartmentHead(request.ctx, request.params.id, request.body);
    },
  );
}
