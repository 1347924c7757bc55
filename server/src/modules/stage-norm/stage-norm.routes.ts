import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAGE_NORM_LIMITS, STAGE_NORM_STAGES } from '../../../../shared/src/dispatch';
import { listStageNorms, setStageNorms } from '../warning/stage-norm.service';

const days = z.number().int().min(STAGE_NORM_LIMITS.minDays).max(STAGE_NORM_LIMITS.maxDays);

/** 阶段标准: the zone's norm per stage behind the "stuck in a stage" warnings. */
export async function stageNormRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/stage-norms',
    {
      config: { access: { permission: 'warning.read' } },
      schema: {
        tags: ['warning'],
        summary: 'Each stage with the zone’s norm in days, the default and whether it is the zone’s own',
      },
    },
    async function handleListStageNorms(request) {
      return listStageNorms(request.ctx);
    },
  );
  r.put(
    '/api/stage-norms',
    {
      config: { access: { permission: 'warning.norms' } },
      schema: {
        tags: ['warning'],
        summary: 'Set stage norms in days (1–3650); null goes back to the default',
        body: z.strictObject({ norms: z.partialRecord(z.enum(STAGE_NORM_STAGES), days.nullable()) }),
      },
    },
    async function handleSetStageNorms(request) {
      return setStageNorms(request.ctx, request.body);
    },
  );
}
