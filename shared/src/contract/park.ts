import { z } from 'zod';
import { PARK_KINDS, PARK_LIMITS, PLOT_IMPORT_FIELDS, PLOT_STATUSES, UNIT_STATUSES } from '../park';
import { idString, localDate, longText, money, nameText, personName, shortText, version } from './fields';

/**
 * Parks (园区/载体), plots (地块), building units (标准厂房), the 招商地图 and site matching
 * (issue 18): what the API takes and answers. Park figures are derived by query, never typed.
 */

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** A GeoJSON position: longitude, latitude (CGCS2000 ≈ WGS 84 degrees); a third number (height) is dropped. */
const position = z.array(z.number().finite()).min(2).max(3);
const ring = z.array(position).min(4).max(PARK_LIMITS.maxOutlinePoints);
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ring).min(1).max(100),
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1).max(100)).min(1).max(100),
});
/** An outline: a polygon or several (GeoJSON, RFC 7946). */
export const outlineSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export type Outline = z.infer<typeof outlineSchema>;

const ref = z.object({ id: z.string(), name: z.string() });
const areaMu = z.number().positive().max(PARK_LIMITS.maxPlotMu);
const ratio = z.number().min(0).max(100);

export const reservationSchema = z.object({
  id: z.string(),
  placeKind: z.enum(['plot', 'unit']),
  placeId: z.string(),
  leadId: z.string(),
  leadTitle: z.string(),
  status: z.enum(['active', 'released']),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const parkSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PARK_KINDS),
  chains: z.array(ref),
  operator: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  outline: outlineSchema.nullable(),
  /** Derived from the park's plots (亩). */
  landMu: z.number(),
  landSuppliedMu: z.number(),
  landAvailableMu: z.number(),
  /** Available land under an active reservation (意向). */
  landReservedMu: z.number(),
  /** Share of the land supplied or reserved (0–1); null without plots. */
  landTakenRate: z.number().nullable(),
  plots: z.number().int(),
  /** Derived from the park's units (m²). */
  buildingM2: z.number(),
  takenM2: z.number(),
  vacantM2: z.number(),
  units: z.number().int(),
  /** Floor space let, sold or under intent over all floor space (0–1); null without units. */
  occupancyRate: z.number().nullable(),
  /** Firms in the park: investors of its projects and tenants of its units. */
  firms: z.number().int(),
  projects: z.number().int(),
  /** Output and tax of the last 12 months' round reports of the projects on its plots, per 亩 of those plots (yuan); null without reports. */
  outputPerMu: z.number().nullable(),
  taxPerMu: z.number().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Park = z.infer<typeof parkSchema>;

const parkFields = {
  kind: z.enum(PARK_KINDS).optional(),
  chainIds: z.array(idString).max(20).optional(),
  operator: shortText.nullable().optional(),
  contactName: personName.nullable().optional(),
  contactPhone: shortText.nullable().optional(),
  address: shortText.nullable().optional(),
  note: longText.nullable().optional(),
  outline: outlineSchema.nullable().optional(),
};
export const createParkBody = z.strictObject({ name: nameText, ...parkFields });
export type CreateParkBody = z.infer<typeof createParkBody>;
export const updateParkBody = z.strictObject({ version, name: nameText.optional(), ...parkFields });
export type UpdateParkBody = z.infer<typeof updateParkBody>;

export const plotSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  code: z.string(),
  areaMu: z.number(),
  landUse: z.string().nullable(),
  plotRatio: z.number().nullable(),
  heightM: z.number().nullable(),
  status: z.enum(PLOT_STATUSES),
  price: z.number().nullable(),
  powerKva: z.number().nullable(),
  /** 标准地 conditions a buyer must meet: investment per 亩 and tax per 亩 (yuan), energy per 万元 output (tce). */
  minInvestmentPerMu: z.number().nullable(),
  minTaxPerMu: z.number().nullable(),
  maxEnergyPerOutput: z.number().nullable(),
  project: ref.nullable(),
  /** The project's investors (hidden with the project where the reader may not see it). */
  firms: z.array(ref),
  geometry: outlineSchema.nullable(),
  /** [longitude, latitude] of the outline's centre, for labels and distance. */
  centre: z.array(z.number()).nullable(),
  reservation: reservationSchema.nullable(),
  attributes: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plot = z.infer<typeof plotSchema>;

const plotFields = {
  areaMu: areaMu.optional(),
  landUse: z.string().max(8).nullable().optional(),
  plotRatio: ratio.nullable().optional(),
  heightM: z.number().min(0).max(1000).nullable().optional(),
  price: money.nullable().optional(),
  powerKva: z.number().int().min(0).max(10_000_000).nullable().optional(),
  minInvestmentPerMu: money.nullable().optional(),
  minTaxPerMu: money.nullable().optional(),
  maxEnergyPerOutput: z.number().min(0).max(1000).nullable().optional(),
  geometry: outlineSchema.nullable().optional(),
  note: longText.nullable().optional(),
};
export const createPlotBody = z.strictObject({
  parkId: idString,
  code: nameText,
  status: z.enum(PLOT_STATUSES).optional(),
  ...plotFields,
  areaMu,
});
export type CreatePlotBody = z.infer<typeof createPlotBody>;
export const updatePlotBody = z.strictObject({ version, code: nameText.optional(), ...plotFields });
export type UpdatePlotBody = z.infer<typeof updatePlotBody>;
export const movePlotStatusBody = z.strictObject({ version, status: z.enum(PLOT_STATUSES) });
export const linkPlotProjectBody = z.strictObject({ version, projectId: idString.nullable() });

export const unitSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  buildingId: z.string(),
  building: z.string(),
  floor: z.number().int(),
  unitNo: z.string(),
  areaM2: z.number(),
  /** Floor load (kN/m²) and crane capacity (t): what a manufacturer asks first. */
  loadKnM2: z.number().nullable(),
  craneT: z.number().nullable(),
  status: z.enum(UNIT_STATUSES),
  firm: ref.nullable(),
  leaseStart: z.string().nullable(),
  leaseEnd: z.string().nullable(),
  reservation: reservationSchema.nullable(),
  note: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

const unitFields = {
  areaM2: z.number().positive().max(PARK_LIMITS.maxUnitM2).optional(),
  loadKnM2: z.number().min(0).max(1000).nullable().optional(),
  craneT: z.number().min(0).max(1000).nullable().optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  firmId: idString.nullable().optional(),
  leaseStart: localDate.nullable().optional(),
  leaseEnd: localDate.nullable().optional(),
  note: longText.nullable().optional(),
};
export const createUnitBody = z.strictObject({
  parkId: idString,
  building: nameText,
  floor: z.number().int().min(-5).max(200),
  unitNo: nameText,
  ...unitFields,
  areaM2: z.number().positive().max(PARK_LIMITS.maxUnitM2),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;
export const updateUnitBody = z.strictObject({ version, ...unitFields });
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;

/** One feature of the 招商地图. */
export const mapFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: outlineSchema,
  properties: z.object({
    kind: z.enum(['park', 'plot', 'building']),
    id: z.string(),
    name: z.string(),
    parkId: z.string(),
    /** A plot's status; a building's: vacant when any unit is; a park's: null. */
    status: z.string().nullable(),
    areaMu: z.number().nullable(),
    areaM2: z.number().nullable(),
    vacantM2: z.number().nullable(),
    reserved: z.boolean(),
    isSample: z.boolean(),
  }),
});
export type MapFeature = z.infer<typeof mapFeatureSchema>;
export const mapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(mapFeatureSchema),
  /** [west, south, east, north] of what is answered; null when nothing has an outline. */
  bbox: z.array(z.number()).nullable(),
  /** Features left out because the answer was capped (PARK_LIMITS.maxMapFeatures). */
  leftOut: z.number().int(),
});
export type MapData = z.infer<typeof mapSchema>;

/** The basemap under the 招商地图 (LIANZHAO_MAP_TILES); `tiles` null: a plain background. */
export const basemapSchema = z.object({
  /** XYZ tile URL template with {z}, {x} and {y} (Web Mercator tiles, CGCS2000/WGS 84: no offset). */
  tiles: z.string().nullable(),
  attribution: z.string().nullable(),
});
export type Basemap = z.infer<typeof basemapSchema>;

export const importFeatureSchema = z.object({
  index: z.number().int(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  areaMu: z.number().nullable(),
  /** The area computed from the outline (亩), to check a mapped area column against. */
  outlineMu: z.number().nullable(),
  status: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  errors: z.array(bilingual),
});
export const importPreviewSchema = z.object({
  format: z.enum(['geojson', 'kml', 'kmz', 'shapefile']),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.enum(PLOT_IMPORT_FIELDS)),
  features: z.array(importFeatureSchema),
  errorCount: z.number().int(),
  applied: z.boolean(),
  created: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
/** The form fields of an import (multipart, next to `file`). */
export const importFormSchema = z.object({
  parkId: idString,
  apply: z.enum(['true', 'false']).default('false'),
  /** JSON: attribute column → plot field. */
  mapping: z.string().max(4000).optional(),
});

export const siteReasonSchema = z.object({ factor: z.string(), points: z.number(), text: bilingual });
export const siteSchema = z.object({
  kind: z.enum(['plot', 'unit']),
  id: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  label: z.string(),
  areaMu: z.number().nullable(),
  areaM2: z.number().nullable(),
  status: z.string(),
  score: z.number(),
  reasons: z.array(siteReasonSchema),
});
export type Site = z.infer<typeof siteSchema>;
export const siteNeedsQuery = z.strictObject({
  landMu: z.coerce.number().positive().max(PARK_LIMITS.maxPlotMu).optional(),
  buildingM2: z.coerce.number().positive().max(PARK_LIMITS.maxUnitM2).optional(),
  chainId: idString.optional(),
  powerKva: z.coerce.number().int().min(0).max(10_000_000).optional(),
  budget: z.coerce.number().int().min(0).optional(),
});
export type SiteNeedsQuery = z.infer<typeof siteNeedsQuery>;
export const sitesSchema = z.object({
  needs: z.object({
    landMu: z.number().nullable(),
    buildingM2: z.number().nullable(),
    chainId: z.string().nullable(),
    chainName: z.string().nullable(),
    powerKva: z.number().nullable(),
    budget: z.number().nullable(),
  }),
  items: z.array(siteSchema),
  /** The lead's reservations (active and released), with the place's label. */
  reservations: z.array(reservationSchema.extend({ placeLabel: z.string(), parkName: z.string() })),
});
export type Sites = z.infer<typeof sitesSchema>;
export const reserveBody = z.strictObject({ leadId: idString, note: shortText.nullable().optional() });
