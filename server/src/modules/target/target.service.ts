import type { TargetMetric, TargetUnitType } from '../../../../shared/src/dispatch';
import type { ReadRunner } from '../../db/read-pool';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import type { targetReadTasks } from './target.read-tasks';
import {
  deleteTargetRows,
  findTarget,
  insertTarget,
  targetRowsOf,
  unitNameOf,
  unitOptions,
  updateTarget,
} from './target.repository';

// The cockpit (驾驶舱) shows the zone's, a park's or a chain's annual targets beside its figures.
export { cockpitTargetRows } from './target.repository';

/** Targets of a year with actuals, rates and rankings (read task `target.list`). */
export async function listTargets(
  ctx: ServiceContext,
  reads: ReadRunner<typeof targetReadTasks>,
  year?: number,
) {
  requireActor(ctx);
  const day = today(ctx);
  return reads.run('target.list', { year: year ?? Number(day.slice(0, 4)), today: day });
}

export interface SetTargetsInput {
  year: number;
  unitType: TargetUnitType;
  unitKey: string;
  /** Only parks take the name given (a park is a free name); other units are named by their record. */
  unitName?: string | undefined;
  /** A value sets the metric's target; null removes it. */
  values: Partial<Record<TargetMetric, number | null>>;
}

/** The units a target can be set for (the editor's pickers). */
export async function listTargetUnits(ctx: ServiceContext) {
  requireActor(ctx);
  return { items: await unitOptions(ctx.db.kysely) };
}

/**
 * Sets a unit's annual targets (admin), each change audited with before and after. The unit must
 * exist (the zone, an officer, a chain; a park is any name), so a target never hangs on a typo.
 */
export async function setTargets(ctx: ServiceContext, input: SetTargetsInput) {
  requireActor(ctx);
  const nowIso = ctx.clock.now().toISOString();
  const known = await unitNameOf(ctx.db.kysely, input.unitType, input.unitKey);
  if (known === null) {
    throw errors.validation([{ path: 'unitKey', message: { zh: '考核单位不存在', en: 'No such unit' } }]);
  }
  const unitName = input.unitType === 'park' ? input.unitName?.trim() || known : known;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [metric, value] of Object.entries(input.values)) {
      const before = await findTarget(trx, input, metric);
      if (value === null || value === undefined) {
        if (before) {
          await deleteTargetRows(trx, [before.id]);
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
        await updateTarget(trx, before.id, {
          value,
          unit_name: unitName,
          is_sample: 0,
          version: before.version + 1,
          updated_at: nowIso,
        });
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
          unit_name: unitName,
          metric,
          value,
          is_sample: 0,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        };
        await insertTarget(trx, row);
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

/** Removes every target of a unit for the year (admin), each row audited; 404 when it has none. */
export async function deleteTargets(
  ctx: ServiceContext,
  input: { year: number; unitType: TargetUnitType; unitKey: string },
) {
  requireActor(ctx);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await targetRowsOf(trx, input.year, input.unitType, input.unitKey);
    if (rows.length === 0) throw errors.notFound('target');
    await deleteTargetRows(
      trx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      await writeAudit(trx, ctx, { entity: 'target', entityId: r.id, action: 'delete', before: { ...r } });
    }
    return { deleted: rows.length };
  });
}
