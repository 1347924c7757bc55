import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programmeSchema } from '../../../../shared/src/contract/programme';
import { idParams, shortText } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { getProgramme, listProgrammes, setProgrammeFigures } from './programme.service';

/** 对口支援 paired-assistance programmes: tasks of type `programme` with their own figures. */
export async function programmeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programme'];
  r.get(
    '/api/programmes',
    {
      config: { access: { permission: 'programme.read' } },
      schema: {
        tags,
        summary: 'Paired-assistance programmes with their figures',
        querystring: z.strictObject({ ...pagingQuery }),
        response: { 200: listResponse(programmeSchema) },
      },
    },
    async function handleListProgrammes(request) {
      return listProgrammes(request.ctx, request.query);
    },
  );

  r.get(
    '/api/programmes/:id',
    {
      config: { access: { permission: 'programme.read' } },
      schema: {
        tags,
        summary: 'One programme with its figures',
        params: idParams,
        response: { 200: programmeSchema },
      },
    },
    async function handleGetProgramme(request) {
      return getProgramme(request.ctx, request.params.id);
    },
  );

  r.put(
    '/api/programmes/:id/figures',
    {
      config: { access: { permission: 'programme.write' } },
      schema: {
        tags,
        summary: 'Set figures by key and period (e.g. students received per cohort)',
        params: idParams,
        body: z.strictObject({
          figures: z
            .array(
              z.strictObject({
                key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
                label: shortText.min(1),
                value: z.number().finite().min(-1e12).max(1e12),
                unit: z.string().trim().max(20).nullable().optional(),
                period: z.string().trim().max(20).optional(),
                note: shortText.nullable().optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
        response: { 200: programmeSchema },
      },
    },
    async function handleSetProgrammeFigures(request) {
      return setProgrammeFigures(request.ctx, request.params.id, request.body.figures);
    },
  );
}
