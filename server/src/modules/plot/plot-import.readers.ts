import type { parseZip } from 'shpjs';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { errors } from '../../plugins/errors';
import { readZipEntries } from '../../upload/zip-read';

/**
 * Readers of the outline files zones actually have: GeoJSON, KML and KMZ (Google Earth, 奥维, 天地图
 * exports) and zipped shapefiles (ArcGIS, 国土 cadastre). Each answers raw features; checking and
 * mapping them to plots is plot-import.service.ts. Zips pass the upload zip guard before any reader
 * sees them.
 */

export type OutlineFormat = 'geojson' | 'kml' | 'kmz' | 'shapefile';

export interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
}

const refuse = (zh: string, en: string) =>
  errors.badRequest('PLOT_IMPORT_UNREADABLE', { zh, en }, [{ path: 'file', message: { zh, en } }]);

function featuresOf(collection: unknown): RawFeature[] {
  const c = collection as { type?: string; features?: unknown[]; geometry?: unknown; properties?: unknown };
  if (c?.type === 'Feature') return [{ geometry: c.geometry, properties: asRecord(c.properties) }];
  if (c?.type !== 'FeatureCollection' || !Array.isArray(c.features)) {
    throw refuse('不是 GeoJSON 要素集合（FeatureCollection）', 'Not a GeoJSON FeatureCollection');
  }
  return c.features.map((f) => {
    const feature = f as { geometry?: unknown; properties?: unknown };
    return { geometry: feature?.geometry ?? null, properties: asRecord(feature?.properties) };
  });
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The KML readers load on the first outline import, not at every start (issue 19: start-up). */
async function readKml(text: string): Promise<RawFeature[]> {
  const [{ kml }, { DOMParser }] = await Promise.all([import('@tmcw/togeojson'), import('@xmldom/xmldom')]);
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message);
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0 || !doc.documentElement) {
    throw refuse('KML 文件无法解析（XML 格式错误）', 'The KML file is not well-formed XML');
  }
  return featuresOf(kml(doc));
}

/** Which reader a file takes: by its name, else by its first bytes. */
export function formatOf(fileName: string, bytes: Buffer): OutlineFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.kmz')) return 'kmz';
  if (name.endsWith('.zip')) return 'shapefile';
  if (name.endsWith('.kml')) return 'kml';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  const head = bytes.subarray(0, 256).toString('utf8').trimStart();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile';
  if (head.startsWith('<')) return 'kml';
  return 'geojson';
}

export async function readOutlineFile(
  fileName: string,
  bytes: Buffer,
): Promise<{ format: OutlineFormat; features: RawFeature[] }> {
  const format = formatOf(fileName, bytes);
  switch (format) {
    case 'geojson': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        throw refuse('GeoJSON 文件无法解析（JSON 格式错误）', 'The GeoJSON file is not valid JSON');
      }
      return { format, features: featuresOf(parsed) };
    }
    case 'kml':
      return { format, features: await readKml(bytes.toString('utf8')) };
    case 'kmz': {
      const entries = await readZipEntries(bytes, UPLOAD_LIMITS.geoZip, (n) =>
        n.toLowerCase().endsWith('.kml'),
      );
      const [first] = [...entries.entries()].sort(([a], [b]) =>
        a === 'doc.kml' ? -1 : b === 'doc.kml' ? 1 : a.localeCompare(b),
      );
      if (!first) throw refuse('KMZ 中没有 KML 文档', 'The KMZ holds no KML document');
      return { format, features: await readKml(first[1].toString('utf8')) };
    }
    case 'shapefile': {
      // Checked whole (directory and inflated sizes) before the shapefile reader unpacks it itself.
      await readZipEntries(bytes, UPLOAD_LIMITS.geoZip, () => false);
      let parsed: Awaited<ReturnType<typeof parseZip>>;
      try {
        const shp = await import('shpjs');
        parsed = await shp.parseZip(new Uint8Array(bytes));
      } catch {
        throw refuse(
          '压缩包中没有可读的 Shapefile（需 .shp、.dbf，最好含 .prj）',
          'No readable shapefile in the zip (needs .shp and .dbf, ideally .prj)',
        );
      }
      const layers = Array.isArray(parsed) ? parsed : [parsed];
      return { format, features: layers.flatMap((l) => featuresOf(l)) };
    }
  }
}
