import type { Plot, Reservation } from '../../../../shared/src/contract/park';
import type { PlotStatus } from '../../../../shared/src/park';
import type { PlotTable, SiteReservationTable } from '../../db/database';
import { parseOutline } from '../park/park.presenter';
import { type PlaceScope, seesProject } from './plot.policy';
import type { PlotRow } from './plot.repository';

export function presentReservation(r: SiteReservationTable & { lead_title: string }): Reservation {
  return {
    id: r.id,
    placeKind: r.place_kind === 'unit' ? 'unit' : 'plot',
    placeId: r.place_id,
    leadId: r.lead_id,
    leadTitle: r.lead_title,
    status: r.status === 'active' ? 'active' : 'released',
    note: r.note,
    actorName: r.actor_name,
    createdAt: r.created_at,
    releasedAt: r.released_at,
  };
}

export function presentPlot(
  row: PlotRow,
  scope: PlaceScope,
  investors: Array<{ id: string; name: string }>,
  reservation: (SiteReservationTable & { lead_title: string }) | undefined,
): Plot {
  const showProject = seesProject(scope, row.project_id);
  return {
    id: row.id,
    parkId: row.park_id,
    parkName: row.park_name,
    code: row.code,
    areaMu: row.area_mu,
    landUse: row.land_use,
    plotRatio: row.plot_ratio,
    heightM: row.height_m,
    status: row.status as PlotStatus,
    price: row.price,
    powerKva: row.power_kva,
    minInvestmentPerMu: row.min_investment_per_mu,
    minTaxPerMu: row.min_tax_per_mu,
    maxEnergyPerOutput: row.max_energy_per_output,
    project: showProject && row.project_id ? { id: row.project_id, name: row.project_name ?? '' } : null,
    firms: showProject ? investors : [],
    geometry: parseOutline(row.geometry_json),
    centre: row.centre_lng !== null && row.centre_lat !== null ? [row.centre_lng, row.centre_lat] : null,
    reservation: scope.seesReservations && reservation ? presentReservation(reservation) : null,
    attributes: JSON.parse(row.attributes_json) as Record<string, string>,
    note: row.note,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a plot: its own columns. */
export function auditablePlot(row: PlotTable): Record<string, unknown> {
  return { ...row };
}
