import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { basemapSchema, type MapData, mapSchema } from '../../../../shared/src/contract/park';
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
    async function handleMap(request, reply) {
      // Pre-serialised JSON in chunks (see MapTextBuilder): streamed as they are, with their length.
      const chunks = await mapData(request.ctx, request.query);
      const length = chunks.reduce((n, c) => n + c.length, 0);
      // The type provider types `send` by the response schema; the stream is that shape, already written.
      const body = Readable.from(chunks, { objectMode: false }) as unknown as MapData;
      return reply.type('application/json; charset=utf-8').header('content-length', length).send(body);
    },
  );
  r.get(
    '/api/map/basemap',
    {
      config: { access: { permission: 'park.read' } },
      schema: {
        tags: ['park'],
        summary: 'The basemap under the 招商地图: an XYZ tile address (LIANZHAO_MAP_TILES), or none',
        response: { 200: basemapSchema },
      },
    },
    async function handleBasemap() {
      const tiles = app.mapTiles;
      return { tiles: tiles?.url ?? null, attribution: tiles?.attribution ?? null };
    },
  );
}
