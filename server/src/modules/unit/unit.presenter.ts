import type { Unit } from '../../../../shared/src/contract/park';
import type { UnitStatus } from '../../../../shared/src/park';
import type { SiteReservationTable } from '../../db/database';
import { type PlaceScope, seesFirm } from '../plot/plot.policy';
import { presentReservation } from '../plot/plot.presenter';
import type { UnitRow } from './unit.repository';

export function presentUnit(
  row: UnitRow,
  scope: PlaceScope,
  reservation: (SiteReservationTable & { lead_title: string }) | undefined,
): Unit {
  return {
    id: row.id,
    parkId: row.park_id,
    parkName: row.park_name,
    buildingId: row.building_id,
    building: row.building_name,
    floor: row.floor,
    unitNo: row.unit_no,
    areaM2: row.area_m2,
    loadKnM2: row.load_kn_m2,
    craneT: row.crane_t,
    status: row.status as UnitStatus,
    firm: seesFirm(scope, row.firm_id) && row.firm_id ? { id: row.firm_id, name: row.firm_name ?? '' } : null,
    leaseStart: row.lease_start,
    leaseEnd: row.lease_end,
    reservation: scope.seesReservations && reservation ? presentReservation(reservation) : null,
    note: row.note,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
