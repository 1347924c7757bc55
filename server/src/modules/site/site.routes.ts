import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  reservationSchema,
  reserveBody,
  siteNeedsQuery,
  sitesSchema,
} from '../../../../shared/src/contract/park';
import { idParams } from '../../lib/fields';
import { releaseReservation, reservePlace, sitesForLead } from './site.service';

/**
 * Site matching for a lead and reservations (意向) of plots and units (issue 18). The sites of a
 * lead live here, not in lead/, because they are a question about the zone's land and buildings.
 */
export async function siteRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['park'];
  const reserve = { permission: 'lead.write' } as const;

  r.get(
    '/api/leads/:id/sites',
    {
      config: { access: { permission: 'lead.read' } },
      schema: {
        tags,
        summary:
          'Available plots and units ranked for a lead (land 亩 or m², chain, power, budget) with reasons, and its reservations',
        params: idParams,
        querystring: siteNeedsQuery,
        response: { 200: sitesSchema },
      },
    },
    async function handleLeadSites(request) {
      return sitesForLead(request.ctx, request.params.id, request.query);
    },
  );

  r.post(
    '/api/plots/:id/reservations',
    {
      config: { access: reserve },
      schema: {
        tags,
        summary: 'Reserve an available plot for a lead (意向); 409 PLACE_RESERVED if another lead holds it',
        params: idParams,
        body: reserveBody,
        response: { 201: reservationSchema },
      },
    },
    async function handleReservePlot(request, reply) {
      return reply.status(201).send(await reservePlace(request.ctx, 'plot', request.params.id, request.body));
    },
  );

  r.post(
    '/api/units/:id/reservations',
    {
      config: { access: reserve },
      schema: {
        tags,
        summary: 'Reserve a vacant unit for a lead (意向; the unit shows 意向); 409 if held',
        params: idParams,
        body: reserveBody,
        response: { 201: reservationSchema },
      },
    },
    async function handleReserveUnit(request, reply) {
      return reply.status(201).send(await reservePlace(request.ctx, 'unit', request.params.id, request.body));
    },
  );

  r.post(
    '/api/reservations/:id/release',
    {
      config: { access: reserve },
      schema: {
        tags,
        summary: 'Release a reservation (kept in the history as released)',
        params: idParams,
        response: { 200: reservationSchema },
      },
    },
    async function handleReleaseReservation(request) {
      return releaseReservation(request.ctx, request.params.id);
    },
  );
}
