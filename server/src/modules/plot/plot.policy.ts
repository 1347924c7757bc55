import { can } from '../../../../shared/src/permissions';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';

/**
 * Who sees what of a plot or unit (scope as for projects, project.policy.ts): every reader of parks
 * sees the land and buildings the zone offers; an enterprise user sees the project and investors on
 * a plot only when its firm invests in that project, and the firm in a unit only when it is its
 * own. Reservations (意向) name leads, the zone's internal pipeline: only lead readers see them.
 */
export interface PlaceScope {
  /** null: every project is visible. */
  visibleProjects: Set<string> | null;
  /** null: every firm is visible. */
  visibleFirm: string | null | 'all';
  seesReservations: boolean;
}

export function placeScopeOf(actor: Actor, firmProjects: Set<string> | null): PlaceScope {
  if (actor.role === 'enterprise') {
    return { visibleProjects: firmProjects ?? new Set(), visibleFirm: actor.firmId, seesReservations: false };
  }
  return { visibleProjects: null, visibleFirm: 'all', seesReservations: seesReservations(actor) };
}

/** Whether an actor may know of reservations (意向): they name leads, so lead readers only. */
export function seesReservations(actor: Actor): boolean {
  return actor.role !== 'enterprise' && can(actor.role, 'lead.read');
}

export function seesProject(scope: PlaceScope, projectId: string | null): boolean {
  return projectId !== null && (scope.visibleProjects === null || scope.visibleProjects.has(projectId));
}

export function seesFirm(scope: PlaceScope, firmId: string | null): boolean {
  return firmId !== null && (scope.visibleFirm === 'all' || scope.visibleFirm === firmId);
}

/** Putting a project on a plot edits the project: its officer or an admin (project.policy.ts). */
export function assertMayPlaceProject(actor: Actor, project: { officer_id: string | null }): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'officer' && project.officer_id === actor.userId) return;
  throw errors.forbidden();
}
