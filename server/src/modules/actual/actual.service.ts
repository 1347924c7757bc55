import type { ActualMeasure } from '../../../../shared/src/agreement';
import type { Actual, ActualInput, ActualList } from '../../../../shared/src/contract/agreement';
import type { ActualFigureTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { fileableProject, visibleProject } from '../agreement/agreement.policy';
import { asPeriod, asSource } from '../agreement/agreement.presenter';
import { writeAudit } from '../audit/audit.writer';
import * as repo from './actual.repository';
import { groupFigures } from './actual-figures';

/** Actual figures of a project, each with its source; disagreeing sources are both kept and flagged. */

function present(rows: readonly ActualFigureTable[]): ActualList {
  const groups = groupFigures(rows);
  const counted = new Set([...groups.values()].map((g) => g.counted.id));
  const inConflict = new Set([...groups.values()].filter((g) => g.conflict).map((g) => g.key));
  const items: Actual[] = rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    firmId: r.firm_id,
    year: Number(r.year),
    period: asPeriod(r.period),
    measure: r.measure as ActualMeasure,
    value: Number(r.value),
    source: asSource(r.source),
    confirmedBy: r.confirmed_by,
    note: r.note,
    isSample: r.is_sample === 1,
    actorName: r.actor_name,
    createdAt: r.created_at,
    counted: counted.has(r.id),
    conflict: inConflict.has(`${r.year}|${r.period}|${r.measure}`),
  }));
  const conflicts = [...groups.values()]
    .filter((g) => g.conflict)
    .map((g) => {
      const values = g.bySource.map((r) => ({ source: asSource(r.source), value: Number(r.value) }));
      const nums = values.map((v) => v.value);
      return {
        year: Number(g.counted.year),
        period: asPeriod(g.counted.period),
        measure: g.counted.measure as ActualMeasure,
        values,
        difference: Math.max(...nums) - Math.min(...nums),
      };
    });
  return { items, conflicts };
}

export async function listActuals(ctx: ServiceContext, projectId: string): Promise<ActualList> {
  const actor = requireActor(ctx);
  await visibleProject(ctx.db.kysely, actor, projectId);
  return present(await repo.actualsOfProject(ctx.db.kysely, projectId));
}

/**
 * Records a figure (the project's officer or an admin, any source; the firm itself, as a firm
 * report), audited. A figure never replaces another: a different source stands beside it.
 */
export async function addActual(
  ctx: ServiceContext,
  projectId: string,
  input: ActualInput,
): Promise<ActualList> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  await fileableProject(db, actor, projectId, input.source);
  const row: ActualFigureTable = {
    id: newId(),
    project_id: projectId,
    firm_id: actor.role === 'enterprise' ? actor.firmId : await repo.firmOfProject(db, projectId),
    year: input.year,
    period: input.period ?? 'Y',
    measure: input.measure,
    value: input.value,
    source: input.source,
    confirmed_by: input.confirmedBy ?? null,
    note: input.note ?? null,
    is_sample: 0,
    actor_name: actor.username,
    created_at: ctx.clock.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertActuals(trx, [row]);
    await writeAudit(trx, ctx, {
      entity: 'actual_figure',
      entityId: row.id,
      action: 'create',
      after: { ...row },
    });
  });
  return present(await repo.actualsOfProject(db, projectId));
}
