import zlib from 'node:zlib';
import { zipOf } from '../../upload/upload-bombs.test-fixtures';

/**
 * Outline files for tests (API and browser): GeoJSON, KML, KMZ and a zipped polygon shapefile,
 * written here byte by byte so the readers are tested against the formats, not against themselves.
 */

export interface TestPlot {
  code: string;
  /** South-west corner (longitude, latitude) and side in degrees of a square plot. */
  lng: number;
  lat: number;
  side: number;
  props?: Record<string, string>;
}

export function ringOf(p: TestPlot): number[][] {
  const { lng, lat, side } = p;
  return [
    [lng, lat],
    [lng + side, lat],
    [lng + side, lat + side],
    [lng, lat + side],
    [lng, lat],
  ];
}

/** Three plots of ~30–60 亩 near Liaocheng (36.45° N, 115.98° E). */
export function threePlots(prefix: string): TestPlot[] {
  return [0, 1, 2].map((i) => ({
    code: `${prefix}-${i + 1}`,
    lng: 115.99 + i * 0.004,
    lat: 36.46,
    side: 0.0015 + i * 0.0003,
    props: { 用地性质: '0601', 状态: '待出让' },
  }));
}

export function geojsonOf(plots: TestPlot[], extra: unknown[] = []): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        ...plots.map((p) => ({
          type: 'Feature',
          properties: { 地块编号: p.code, ...p.props },
          geometry: { type: 'Polygon', coordinates: [ringOf(p)] },
        })),
        ...extra,
      ],
    }),
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function kmlOf(plots: TestPlot[]): Buffer {
  const placemarks = plots
    .map((p) => {
      const data = Object.entries(p.props ?? {})
        .map(([k, v]) => `<Data name="${esc(k)}"><value>${esc(v)}</value></Data>`)
        .join('');
      const coords = ringOf(p)
        .map(([x, y]) => `${x},${y},0`)
        .join(' ');
      return `<Placemark><name>${esc(p.code)}</name><ExtendedData>${data}</ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    })
    .join('\n');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>示例地块</name>\n${placemarks}\n</Document></kml>`,
  );
}

function deflated(name: string, bytes: Buffer) {
  return { name, packed: { data: zlib.deflateRawSync(bytes), crc: zlib.crc32(bytes), size: bytes.length } };
}

export function kmzOf(plots: TestPlot[]): Buffer {
  return zipOf([deflated('doc.kml', kmlOf(plots))]);
}

/** A polygon shapefile (.shp, .shx, .dbf with one text field CODE) zipped. */
export function shapefileZipOf(plots: TestPlot[]): Buffer {
  const records = plots.map((p, i) => {
    const ring = ringOf(p);
    const content = Buffer.alloc(44 + 4 + 16 * ring.length);
    content.writeInt32LE(5, 0);
    const xs = ring.map((r) => r[0] as number);
    const ys = ring.map((r) => r[1] as number);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => {
      content.writeDoubleLE(v, 4 + 8 * k);
    });
    content.writeInt32LE(1, 36);
    content.writeInt32LE(ring.length, 40);
    content.writeInt32LE(0, 44);
    ring.forEach(([x, y], k) => {
      content.writeDoubleLE(x as number, 48 + 16 * k);
      content.writeDoubleLE(y as number, 56 + 16 * k);
    });
    const head = Buffer.alloc(8);
    head.writeInt32BE(i + 1, 0);
    head.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([head, content]);
  });
  const fileHeader = (lengthBytes: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(lengthBytes / 2, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    const all = plots.flatMap(ringOf);
    [
      Math.min(...all.map((r) => r[0] as number)),
      Math.min(...all.map((r) => r[1] as number)),
      Math.max(...all.map((r) => r[0] as number)),
      Math.max(...all.map((r) => r[1] as number)),
    ].forEach((v, k) => {
      h.writeDoubleLE(v, 36 + 8 * k);
    });
    return h;
  };
  const body = Buffer.concat(records);
  const shp = Buffer.concat([fileHeader(100 + body.length), body]);
  let offset = 100;
  const shxRecords = records.map((r) => {
    const b = Buffer.alloc(8);
    b.writeInt32BE(offset / 2, 0);
    b.writeInt32BE((r.length - 8) / 2, 4);
    offset += r.length;
    return b;
  });
  const shx = Buffer.concat([fileHeader(100 + 8 * records.length), ...shxRecords]);
  const width = 20;
  const dbfHead = Buffer.alloc(32);
  dbfHead.writeUInt8(3, 0);
  dbfHead.writeUInt32LE(plots.length, 4);
  dbfHead.writeUInt16LE(32 + 32 + 1, 8);
  dbfHead.writeUInt16LE(1 + width, 10);
  const field = Buffer.alloc(32);
  field.write('CODE', 0, 'latin1');
  field.write('C', 11, 'latin1');
  field.writeUInt8(width, 16);
  const rows = plots.map((p) => Buffer.from(` ${p.code.padEnd(width, ' ')}`, 'latin1'));
  const dbf = Buffer.concat([dbfHead, field, Buffer.from([0x0d]), ...rows, Buffer.from([0x1a])]);
  return zipOf([deflated('plots.shp', shp), deflated('plots.shx', shx), deflated('plots.dbf', dbf)]);
}

/** A multipart body of an outline import. */
export function importForm(
  fileName: string,
  bytes: Buffer,
  fields: Record<string, string>,
): { payload: Buffer; contentType: string } {
  const boundary = 'lzplotboundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
