import { canMove, type ProjectStage } from '../../../../shared/src/project-stage';
import type { ProjectTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { milestonesOf, updateMilestoneVersioned } from './milestone.repository';
import { assertProjectEditable, assertProjectVisible } from './project.policy';
import type { ProjectDto } from './project.presenter';
import * as repo from './project.repository';
import { getProject } from './project.service';
import {
  milestonesReachedBy,
  missingFieldErrors,
  orderOf,
  STARTED_ORDER,
  stageFacts,
} from './project-stage-rules';

type StageFill = {
  landMu?: number | undefined;
  startDate?: string | undefined;
  capacityQuantity?: number | undefined;
  capacityUnit?: string | undefined;
  capacityProduct?: string | undefined;
};

/** The columns a stage dialog's 补填 sets; only what was sent (a move never clears a field). */
function fillColumns(fill: StageFill | undefined) {
  const columns: Partial<
    Pick<ProjectTable, 'land_mu' | 'start_date' | 'capacity_quantity' | 'capacity_unit' | 'capacity_product'>
  > = {};
  if (!fill) return columns;
  if (fill.landMu !== undefined) columns.land_mu = fill.landMu;
  if (fill.startDate !== undefined) columns.start_date = fill.startDate;
  if (fill.capacityQuantity !== undefined) columns.capacity_quantity = fill.capacityQuantity;
  if (fill.capacityUnit !== undefined) columns.capacity_unit = fill.capacityUnit;
  if (fill.capacityProduct !== undefined) columns.capacity_product = fill.capacityProduct;
  return columns;
}

/**
 * Moves a project to another stage on a date, through the stage machine (shared/src/project-stage.ts):
 * refused with the missing fields named, backward only with a reason. Each move is a
 * project_stage_event (with the stages it skipped) and an audit row, in one transaction. A forward
 * move completes, on the move's date, the open milestones of the stages reached or passed. Fields the
 * move needs may come with it (`fill`): saved in the same transaction and audited with the move, so
 * either both happen or neither.
 */
export async function moveProjectStage(
  ctx: ServiceContext,
  id: string,
  input: {
    to: ProjectStage;
    date: string;
    reason?: string | null | undefined;
    fill?: StageFill | undefined;
    version: number;
  },
): Promise<ProjectDto> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  await assertProjectVisible(db, actor, id);
  const before = await repo.findProjectById(db, id);
  if (!before) throw errors.notFound('project');
  assertProjectEditable(actor, before);
  if (before.version !== input.version) throw errors.stale();
  const from = before.stage as ProjectStage;
  const fromOrder = orderOf(from);
  const toOrder = orderOf(input.to);
  const crosses =
    toOrder !== null && toOrder >= STARTED_ORDER && (fromOrder === null || fromOrder < STARTED_ORDER);
  const filled = fillColumns(input.fill);
  const check = canMove(from, input.to, stageFacts({ ...before, ...filled }, crosses ? input.date : null), {
    reason: input.reason ?? null,
  });
  if (!check.ok) {
    const fields = missingFieldErrors(check.missingFields);
    if (check.code === 'reason_required') fields.push({ path: 'reason', message: check.message });
    throw errors.badRequest('STAGE_MOVE_REFUSED', check.message, fields, {
      refusal: check.code,
      missingFields: check.missingFields ?? [],
    });
  }
  const nowIso = ctx.clock.now().toISOString();
  const patch: Partial<ProjectTable> = {
    ...filled,
    stage: input.to,
    stage_date: input.date,
    stage_reason: input.reason?.trim() || null,
    paused_from_stage: input.to === 'paused' ? from : null,
    updated_at: nowIso,
  };
  if (crosses && !before.start_date && !filled.start_date && check.kind === 'forward')
    patch.start_date = input.date;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateProjectVersioned(trx, id, input.version, patch))) throw errors.stale();
    await repo.insertStageEvent(trx, {
      id: newId(),
      project_id: id,
      from_stage: from,
      to_stage: input.to,
      date: input.date,
      reason: input.reason?.trim() || null,
      skipped_json: JSON.stringify(check.skipped),
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at: nowIso,
    });
    await writeAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: 'stage.move',
      before: {
        stage: from,
        stage_date: before.stage_date,
        stage_reason: before.stage_reason,
        ...Object.fromEntries(Object.keys(filled).map((k) => [k, before[k as keyof typeof filled]])),
        version: before.version,
      },
      after: { ...patch, kind: check.kind, skipped: check.skipped, version: input.version + 1 },
    });
    if (check.kind === 'forward' && toOrder !== null) {
      for (const m of milestonesReachedBy(await milestonesOf(trx, id), toOrder)) {
        const done = { actual_date: input.date, updated_at: nowIso };
        if (!(await updateMilestoneVersioned(trx, m.id, m.version, done))) throw errors.stale();
        await writeAudit(trx, ctx, {
          entity: 'milestone',
          entityId: m.id,
          action: 'complete.by-stage',
          before: { actual_date: null, version: m.version },
          after: { ...done, stage: input.to, version: m.version + 1 },
        });
      }
    }
  });
  return getProject(ctx, id);
}
