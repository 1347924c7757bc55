import type { TargetMetric, TargetUnitType } from '../../../../shared/src/dispatch';
import type { ReadRunner } from '../../db/read-pool';
import { requireActor, today } from '../../lib/fields';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { writeAudit } from '../audit/audit.writer';

/** Targets of a year with actuals, rates and rankings (read task `target.list`). */
export async function listTargets(ctx: ServiceContext, reads: ReadRunner, year?: number) {
  requireActor(ctx);
  const day = today(ctx);
  return reads.run('target.list', { year: year ?? Number(day.slice(0, 4)), today: day });
}

export interface SetTargetsInput {
  year: number;
  unitType: TargetUnitType;
  unitKey: string;
  unitName: string;
  /** A value sets the metric's target; null removes it. */
  values: Partial<Record<TargetMetric, number | null>>;
}

/** Sets a unit's annual targets (admin), each change audited with before and after. */
export async function setTargets(ctx: ServiceContext, input: SetTargetsInput) {
  requireActor(ctx);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [metric, value] of Object.entries(input.values)) {
      const where = trx
        .selectFrom('target')
        .selectAll()
        .where('year', '=', input.year)
        .where('unit_type', '=', input.unitType)
        .where('unit_key', '=', input.unitKey)
        .where('metric', '=', metric);
      const before = await where.executeTakeFirst();
      if (value === null || value === undefined) {
        if (before) {
          await trx.deleteFrom('target').where('id', '=', before.id).execute();
          await writeAudit(trx, ctx, {
            entity: 'target',
            entityId: before.id,
            action: 'delete',
            before: { ...before },
          });
        }
        continue;
      }
      if (before) {
        await trx
          .updateTable('target')
          .set({
            value,
            unit_name: input.unitName,
            is_sample: 0,
            version: before.version + 1,
            updated_at: nowIso,
          })
          .where('id', '=', before.id)
          .execute();
        await writeAudit(trx, ctx, {
          entity: 'target',
          entityId: before.id,
          action: 'update',
          before: { value: before.value },
          after: { value },
        });
      } else {
        const row = {
          id: newId(),
          year: input.year,
          unit_type: input.unitType,
          unit_key: input.unitKey,
          unit_name: input.unitName,
          metric,
          value,
          is_sample: 0,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        };
        await trx.insertInto('target').values(row).execute();
        await writeAudit(trx, ctx, {
          entity: 'target',
          entityId: row.id,
          action: 'create',
          after: { ...row },
        });
      }
    }
  });
  return { ok: true };
}
