import {
  isActiveProjectStage,
  PROJECT_STAGE_FIELDS,
  PROJECT_STAGES,
  type ProjectStageField,
} from '../../../../shared/src/project-stage';
import type { ProjectTable } from '../../db/database';
import type { FieldError } from '../../plugins/errors';

/** Stage-move facts for the machine; a move that reaches 开工 supplies its date as the start date. */
export function stageFacts(
  p: Pick<
    ProjectTable,
    | 'land_mu'
    | 'start_date'
    | 'capacity_quantity'
    | 'capacity_unit'
    | 'capacity_product'
    | 'paused_from_stage'
  >,
  moveDate: string | null,
) {
  return {
    landAreaMu: p.land_mu === null ? null : Number(p.land_mu),
    startDate: p.start_date ?? moveDate,
    capacity: { quantity: p.capacity_quantity, unit: p.capacity_unit, product: p.capacity_product },
    pausedFrom: isActiveProjectStage(p.paused_from_stage) ? p.paused_from_stage : null,
  };
}

export const STARTED_ORDER = PROJECT_STAGES.find((s) => s.key === 'started')?.order ?? 5;
export function orderOf(stage: string): number | null {
  return PROJECT_STAGES.find((s) => s.key === stage)?.order ?? null;
}

/** Field paths (API names) of what a refused move is missing. */
export function missingFieldErrors(missing: readonly ProjectStageField[] | undefined): FieldError[] {
  const path: Record<ProjectStageField, string> = {
    landAreaMu: 'landMu',
    startDate: 'startDate',
    capacity: 'capacityQuantity',
  };
  return (missing ?? []).map((f) => ({ path: path[f], message: PROJECT_STAGE_FIELDS[f] }));
}

/**
 * The open milestones a forward move to a stage of order `toOrder` completes: those named after a
 * stage the project has now reached or passed (e.g. 竣工验收 once it is at 设备调试), so a project at
 * a later stage no longer reports its earlier milestones as late (issue 15).
 */
export function milestonesReachedBy<M extends { name: string; actual_date: string | null }>(
  milestones: readonly M[],
  toOrder: number,
): M[] {
  const reached = PROJECT_STAGES.filter((s) => s.order !== null && s.order <= toOrder).map((s) => s.zh);
  return milestones.filter((m) => !m.actual_date && reached.some((label) => m.name.includes(label)));
}
