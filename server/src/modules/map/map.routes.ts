import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mapSchema } from '../../../../shared/src/contract/park';
import { plotFilterFields } from '../plot/plot.routes';
import { mapData } from './map.service';

/** GET /api/map: the 招商地图's GeoJSON (issue 18). */
export async function mapRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/map',
    {
      config: { access: { permission: 'park.read' } },
      schema: {
        tags: ['park'],
        summary:
          'The 招商地图: parks, plots (by status) and buildings as a GeoJSON FeatureCollection; filters as the plot list',
        querystring: z.strictObject(plotFilterFields),
        response: { 200: mapSchema },
      },
    },
    async function handleMap(request) {
      return mapData(request.ctx, request.query);
    },
  );
}
