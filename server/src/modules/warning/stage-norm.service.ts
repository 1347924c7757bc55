import { STAGE_NORM_DEFAULTS, STAGE_NORM_STAGES } from '../../../../shared/src/dispatch';
import { type ProjectStage, projectStageLabel } from '../../../../shared/src/project-stage';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { writeAudit } from '../audit/audit.writer';

/**
 * The zone's stage norms (阶段标准): how many days a project may sit in a stage before the early
 * warnings call it stuck. A stage without a stage_norm row uses the shared default, so "reset to
 * default" deletes the row rather than copying today's default into it.
 */

/** Every stage with its norm in force, the default, and whether the zone has set its own. */
export async function listStageNorms(ctx: ServiceContext) {
  requireActor(ctx);
  const rows = await ctx.db.kysely.selectFrom('stage_norm').selectAll().execute();
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
      const before = await trx
        .selectFrom('stage_norm')
        .selectAll()
        .where('stage', '=', stage)
        .executeTakeFirst();
      if (days === null) {
        if (!before) continue;
        await trx.deleteFrom('stage_norm').where('stage', '=', stage).execute();
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
        await trx
          .updateTable('stage_norm')
          .set({ max_days: days, updated_at: nowIso })
          .where('stage', '=', stage)
          .execute();
      } else {
        await trx.insertInto('stage_norm').values({ stage, max_days: days, updated_at: nowIso }).execute();
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
