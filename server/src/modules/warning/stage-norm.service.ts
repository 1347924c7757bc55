import { STAGE_NORM_DEFAULTS, STAGE_NORM_STAGES } from '../../../../shared/src/dispatch';
import { type ProjectStage, projectStageLabel } from '../../../../shared/src/project-stage';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { writeAudit } from '../audit/audit.writer';
import {
  deleteStageNorm,
  findStageNorm,
  insertStageNorm,
  listStageNormRows,
  updateStageNorm,
} from './stage-norm.repository';

/**
 * The zone's stage norms (阶段标准): how many days a project may sit in a stage before the early
 * warnings call it stuck. A stage without a stage_norm row uses the shared default, so "reset to
 * default" deletes the row rather than copying today's default into it.
 */

/** Every stage with its norm in force, the default, and whether the zone has set its own. */
export async function listStageNorms(ctx: ServiceContext) {
  requireActor(ctx);
  const rows = await listStageNormRows(ctx.db.kysely);
  const set = new Map(rows.map((r) => [r.stage, r]));
  return {
    items: STAGE_NORM_STAGES.map((stage) => {
      const row = set.get(stage);
      const defaultDays = STAGE_NORM_DEFAULTS[stage] as number;
      return {
        stage,
        label: projectStageLabel(stage as ProjectStage),
        days: row ? Number(row.max_days) : defaultDays,
        defaultDays,
        custom: row !== undefined,
        updatedAt: row?.updated_at ?? null,
      };
    }),
  };
}

/** Sets (a number of days) or resets (null) stage norms in one transaction, each change audited. */
export async function setStageNorms(
  ctx: ServiceContext,
  input: { norms: Partial<Record<string, number | null>> },
) {
  requireActor(ctx);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [stage, days] of Object.entries(input.norms)) {
      if (days === undefined) continue;
      const before = await findStageNorm(trx, stage);
      if (days === null) {
        if (!before) continue;
        await deleteStageNorm(trx, stage);
        await writeAudit(trx, ctx, {
          entity: 'stage_norm',
          entityId: stage,
          action: 'delete',
          before: { ...before },
        });
        continue;
      }
      if (before && Number(before.max_days) === days) continue;
      if (before) {
        await updateStageNorm(trx, stage, days, nowIso);
      } else {
        await insertStageNorm(trx, stage, days, nowIso);
      }
      await writeAudit(trx, ctx, {
        entity: 'stage_norm',
        entityId: stage,
        action: before ? 'update' : 'create',
        before: before ? { max_days: Number(before.max_days) } : null,
        after: { stage, max_days: days },
      });
    }
  });
  return listStageNorms(ctx);
}
