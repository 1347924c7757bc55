import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOfficers, officerSchema } from '../user/officer.service';

/**
 * GET /api/officers — the zone staff a lead or project can be assigned to (招商专员) or backed by
 * (包保领导), for the pickers of non-admins; `GET /api/users` stays admin-only (it shows usernames,
 * lock state, departments).
 *
 * Access is `lead.read` (admin, leader, officer): officers pick an owner or officer when they create
 * or hand over a lead or project, and leaders filter the lead and project lists by officer ("whose
 * projects are late"). Every one of them already sees these names on the leads and projects they
 * read, so the list discloses nothing new to them; departments and enterprises get no staff
 * directory. Only id, display name and role are returned.
 */
export async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/officers',
    {
      config: { access: { permission: 'lead.read' } },
      schema: {
        tags: ['user'],
        summary: 'Active officer and leader accounts (id, display name, role) for the pipeline pickers',
        response: { 200: z.object({ items: z.array(officerSchema) }) },
      },
    },
    async function handleListOfficers(request) {
      return listOfficers(request.ctx);
    },
  );
}
