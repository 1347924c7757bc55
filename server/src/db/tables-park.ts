import type { ColumnType } from 'kysely';

// Table types of one area (issue 18); conventions and the Database map: database.ts.

/** 园区/载体 a park. Figures (land, floor space, occupancy) are derived, never stored. */
export interface ParkTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  operator: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  note: string | null;
  /** GeoJSON Polygon/MultiPolygon text. */
  outline_json: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The chains a park carries. */
export interface ParkChainTable {
  park_id: string;
  chain_id: string;
}

/** 地块 a plot of land. Money in integer yuan; area in 亩. */
export interface PlotTable {
  id: string;
  park_id: string;
  code: string;
  area_mu: number;
  /** GB/T 21010 class code. */
  land_use: string | null;
  plot_ratio: number | null;
  height_m: number | null;
  status: string;
  price: number | null;
  power_kva: number | null;
  min_investment_per_mu: number | null;
  min_tax_per_mu: number | null;
  max_energy_per_output: number | null;
  project_id: string | null;
  geometry_json: string | null;
  centre_lng: number | null;
  centre_lat: number | null;
  /** The outline's bounding box (degrees), written with it: the map answers its box without parsing. */
  bbox_west: number | null;
  bbox_south: number | null;
  bbox_east: number | null;
  bbox_north: number | null;
  /** Imported attribute columns not mapped to a field, kept as text. */
  attributes_json: string;
  note: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 标准厂房 a building of a park; its units hold the figures. */
export interface BuildingTable {
  id: string;
  park_id: string;
  name: string;
  geometry_json: string | null;
  is_sample: number;
  created_at: string;
}

export interface UnitTable {
  id: string;
  park_id: string;
  building_id: string;
  floor: number;
  unit_no: string;
  area_m2: number;
  load_kn_m2: number | null;
  crane_t: number | null;
  status: string;
  firm_id: string | null;
  lease_start: string | null;
  lease_end: string | null;
  note: string | null;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 意向 a place (plot or unit) held for a lead; `active_key` is unique while active. */
export interface SiteReservationTable {
  id: string;
  place_kind: string;
  place_id: string;
  active_key: string | null;
  lead_id: string;
  status: string;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
  released_at: string | null;
}

/** The park a project sits in (migration 0018): optional on insert, so older writers need not know it. */
export interface ProjectParkColumns {
  park_id: ColumnType<string | null, string | null | undefined, string | null>;
}
