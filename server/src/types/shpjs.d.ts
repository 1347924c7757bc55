// shpjs ships no types; the one call used here (a zipped shapefile → GeoJSON).
declare module 'shpjs' {
  interface ShpFeatureCollection {
    type: 'FeatureCollection';
    features: Array<{ type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }>;
    fileName?: string;
  }
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
  ): Promise<ShpFeatureCollection | ShpFeatureCollection[]>;
}
