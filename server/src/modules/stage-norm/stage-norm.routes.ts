import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setStageNormsBody, stageNormListSchema } from '../../../../shared/src/contract/target';
import { listStageNorms, setStageNorms } from '../warning/stage-norm.service';

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
        response: { 200: stageNormListSchema },
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
        body: setStageNormsBody,
        response: { 200: stageNormListSchema },
      },
    },
    async function handleSetStageNorms(request) {
      return setStageNorms(request.ctx, request.body);
    },
  );
}
