import type { Bilingual } from './i18n-message';

/**
 * Parks, plots and building units (issue 18): the enums, the plot status machine and the limits the
 * server checks and the web shows. Zod-free so the web bundles it.
 */

/** 园区/载体 what kind of carrier a park is. */
export const PARK_KINDS = ['industrial', 'standard_factory', 'incubator', 'logistics'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];
export const PARK_KIND_LABELS: Record<ParkKind, Bilingual> = {
  industrial: { zh: '产业园区', en: 'Industrial park' },
  standard_factory: { zh: '标准厂房集群', en: 'Standard-factory cluster' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  logistics: { zh: '物流园', en: 'Logistics park' },
};

/**
 * 地块 status: 储备 → 待出让 → 已出让 → 已供地 → 在建 → 投产, or 闲置 (land handed over and left
 * unused). Keys are English; the order is the land-supply path.
 */
export const PLOT_STATUSES = [
  'stock',
  'for_sale',
  'sold',
  'supplied',
  'building',
  'producing',
  'idle',
] as const;
export type PlotStatus = (typeof PLOT_STATUSES)[number];
export const PLOT_STATUS_LABELS: Record<PlotStatus, Bilingual> = {
  stock: { zh: '储备', en: 'Land bank' },
  for_sale: { zh: '待出让', en: 'For sale' },
  sold: { zh: '已出让', en: 'Sold' },
  supplied: { zh: '已供地', en: 'Supplied' },
  building: { zh: '在建', en: 'Under construction' },
  producing: { zh: '投产', en: 'In production' },
  idle: { zh: '闲置', en: 'Idle' },
};

/**
 * The moves a plot may make. Forward one step along the supply path; a plot put up for sale may be
 * withdrawn to the land bank; land handed over but unused becomes 闲置, and idle land is either
 * built on after all or taken back and offered again (收回再出让).
 */
export const PLOT_TRANSITIONS: Record<PlotStatus, readonly PlotStatus[]> = {
  stock: ['for_sale'],
  for_sale: ['sold', 'stock'],
  sold: ['supplied', 'idle'],
  supplied: ['building', 'idle'],
  building: ['producing', 'idle'],
  producing: [],
  idle: ['building', 'for_sale'],
};

export function canMovePlot(from: PlotStatus, to: PlotStatus): boolean {
  return PLOT_TRANSITIONS[from].includes(to);
}

/** Plots a buyer can still be offered (the park's available land). */
export const PLOT_AVAILABLE: readonly PlotStatus[] = ['for_sale', 'idle'];
/** Plots whose land is handed over (the park's supplied land). */
export const PLOT_SUPPLIED: readonly PlotStatus[] = ['sold', 'supplied', 'building', 'producing'];

/** 标准厂房 unit status: 空置 / 意向 / 已租 / 已售. */
export const UNIT_STATUSES = ['vacant', 'intent', 'let', 'sold'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, Bilingual> = {
  vacant: { zh: '空置', en: 'Vacant' },
  intent: { zh: '意向', en: 'Under intent' },
  let: { zh: '已租', en: 'Let' },
  sold: { zh: '已售', en: 'Sold' },
};
/** Floor space counted as taken in the occupancy rate: let, sold, or promised (意向). */
export const UNIT_TAKEN: readonly UnitStatus[] = ['intent', 'let', 'sold'];

/** 土地利用现状分类 GB/T 21010-2017: the classes a zone's plots mostly carry. */
export const LAND_USE_CLASSES: Record<string, Bilingual> = {
  '0601': { zh: '工业用地', en: 'Industrial' },
  '0602': { zh: '采矿用地', en: 'Mining' },
  '0603': { zh: '盐田', en: 'Salt pans' },
  '0604': { zh: '仓储用地', en: 'Warehousing' },
  '05H1': { zh: '商服用地', en: 'Commercial' },
  '0508': { zh: '物流仓储用地', en: 'Logistics and storage' },
  '0809': { zh: '公用设施用地', en: 'Public utilities' },
};

/** 1 亩 = 10000/15 m² (the legal definition), used to compare land with floor space. */
export const M2_PER_MU = 10_000 / 15;

export const PARK_LIMITS = {
  /** Largest plot a zone records, in 亩 (a whole park of 100 km² is 150,000 亩). */
  maxPlotMu: 150_000,
  /** Largest unit floor area in m². */
  maxUnitM2: 1_000_000,
  /** Features in one outline import: a county's whole cadastre of industrial land fits. */
  maxImportFeatures: 5_000,
  /** Bytes of one outline file (GeoJSON, KML, KMZ or zipped shapefile). */
  maxImportBytes: 20 * 1024 * 1024,
  /** Points of one outline: real parcels have dozens, a careless export thousands. */
  maxOutlinePoints: 10_000,
  /** Map features answered at once (a zone of 5,000 plots and 2,000 units fits). */
  maxMapFeatures: 20_000,
  /** Sites answered by the matcher. */
  maxSites: 50,
} as const;

/** Plot fields an import's attribute column may be mapped to. */
export const PLOT_IMPORT_FIELDS = [
  'code',
  'areaMu',
  'landUse',
  'status',
  'plotRatio',
  'heightM',
  'price',
  'powerKva',
  'note',
] as const;
export type PlotImportField = (typeof PLOT_IMPORT_FIELDS)[number];
