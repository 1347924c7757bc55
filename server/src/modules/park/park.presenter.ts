import type { Outline, Park } from '../../../../shared/src/contract/park';
import type { ParkKind } from '../../../../shared/src/park';
import type { ParkTable } from '../../db/database';
import type { ParkFigureRow } from './park.repository';

/** Parses a stored outline; a row written by this code always holds valid GeoJSON or null. */
export function parseOutline(text: string | null): Outline | null {
  return text ? (JSON.parse(text) as Outline) : null;
}

const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function presentPark(
  row: ParkTable,
  chains: Array<{ id: string; name: string }>,
  f: ParkFigureRow,
): Park {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as ParkKind,
    chains,
    operator: row.operator,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    address: row.address,
    note: row.note,
    outline: parseOutline(row.outline_json),
    landMu: round2(f.landMu),
    landSuppliedMu: round2(f.landSuppliedMu),
    landAvailableMu: round2(f.landAvailableMu),
    landReservedMu: round2(f.landReservedMu),
    landTakenRate: rate(f.landSuppliedMu + f.landReservedMu, f.landMu),
    plots: f.plots,
    buildingM2: round2(f.buildingM2),
    takenM2: round2(f.takenM2),
    vacantM2: round2(f.vacantM2),
    units: f.units,
    occupancyRate: rate(f.takenM2, f.buildingM2),
    firms: f.firms,
    projects: f.projects,
    outputPerMu: f.output !== null && f.projectLandMu > 0 ? Math.round(f.output / f.projectLandMu) : null,
    taxPerMu: f.tax !== null && f.projectLandMu > 0 ? Math.round(f.tax / f.projectLandMu) : null,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a park (its own fields; figures are derived). */
export function auditablePark(row: ParkTable, chainIds: readonly string[]): Record<string, unknown> {
  return { ...row, chainIds };
}
