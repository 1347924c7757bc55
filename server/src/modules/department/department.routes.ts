import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { departmentListSchema } from '../../../../shared/src/contract/account';

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
      const rows = await request.ctx.db.kysely.selectFrom('department').selectAll().orderBy('code').execute();
      return {
        items: rows.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          nameEn: d.name_en,
          headName: d.head_name,
        })),
        total: rows.length,
      };
    },
  );
}
