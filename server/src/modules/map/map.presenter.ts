import type { MapFeature } from '../../../../shared/src/contract/park';
import { bboxOf, type OutlineGeometry } from '../../lib/geo';

type Box = [number, number, number, number];
type Properties = MapFeature['properties'];

const str = JSON.stringify;
const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? 'null' : String(v));

/** A feature's properties as JSON, field by field (`JSON.stringify` of 5,000 objects was 2–3× slower). */
function propertiesText(p: Properties): string {
  return `{"kind":${str(p.kind)},"id":${str(p.id)},"name":${str(p.name)},"parkId":${str(p.parkId)},"status":${p.status === null ? 'null' : str(p.status)},"areaMu":${num(p.areaMu)},"areaM2":${num(p.areaM2)},"vacantM2":${num(p.vacantM2)},"reserved":${p.reserved},"isSample":${p.isSample}}`;
}

/**
 * The 招商地图's answer as JSON text, written here rather than by the route's zod serializer: a
 * zone's map is 5,000+ outlines, and checking every coordinate of every feature against the schema
 * on each request cost ~70 ms and most of the garbage (issue 18 bench). Outlines are inlined as the
 * JSON text stored at write time — checked against the outline rules then and written by
 * `JSON.stringify`. Plots come written by the database with their boxes from columns
 * (`mapPlots`), so no plot outline is parsed per request (parks and buildings, a few hundred at
 * most, are). The API test parses this text with `mapSchema`: the contract is held once per test
 * instead of once per request.
 */
export class MapTextBuilder {
  private readonly parts: Array<string | Buffer> = [];
  private readonly box: Box = [180, 90, -180, -90];

  /** Adds a feature; its box is measured from the outline. No outline: left out. */
  add(outlineJson: string | null, properties: Properties): void {
    if (outlineJson === null) return;
    this.widen(bboxOf(JSON.parse(outlineJson) as OutlineGeometry));
    this.parts.push(
      `{"type":"Feature","id":${str(properties.id)},"geometry":${outlineJson},"properties":${propertiesText(properties)}}`,
    );
  }

  /**
   * Adds features already written as JSON (comma-separated; text or its UTF-8 bytes), with the box they cover;
   * outlines that have no stored box are measured here.
   */
  addWritten(text: string | Buffer | null, box: Box | null, unboxedOutlines: string | null): void {
    if (text === null) return;
    if (box) this.widen(box);
    if (unboxedOutlines !== null) {
      for (const outline of JSON.parse(`[${unboxedOutlines}]`) as OutlineGeometry[])
        this.widen(bboxOf(outline));
    }
    // A large text goes out as its own chunk (see `chunks`), encoded once.
    this.parts.push(typeof text === 'string' ? Buffer.from(text) : text);
  }

  /**
   * The FeatureCollection as UTF-8 byte chunks, in order, with the bounding box of what was added
   * and how many were left out. Chunks, not one string or Buffer: a 2 MB string answer was
   * flattened, measured (Content-Length) and encoded again by the HTTP layer, and one Buffer costs
   * a 2 MB copy (~8 ms a request on the bench); here runs of small features are joined and encoded
   * once, and the plots' text is encoded once (on SQLite it already comes as bytes).
   */
  chunks(leftOut: number): Buffer[] {
    const bbox = this.parts.length === 0 ? 'null' : `[${this.box.map(num).join(',')}]`;
    const chunks: Buffer[] = [];
    let run = '{"type":"FeatureCollection","features":[';
    this.parts.forEach((part, i) => {
      if (i > 0) run += ',';
      if (typeof part === 'string') {
        run += part;
        return;
      }
      chunks.push(Buffer.from(run), part);
      run = '';
    });
    chunks.push(Buffer.from(`${run}],"bbox":${bbox},"leftOut":${leftOut}}`));
    return chunks;
  }

  private widen([w, s, e, n]: Box): void {
    const box = this.box;
    if (w < box[0]) box[0] = w;
    if (s < box[1]) box[1] = s;
    if (e > box[2]) box[2] = e;
    if (n > box[3]) box[3] = n;
  }
}
