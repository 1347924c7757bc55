import type { MapFeature } from '../../../../shared/src/contract/park';
import { bboxOf, type OutlineGeometry } from '../../lib/geo';

/**
 * The 招商地图's answer as JSON text, written here rather than by the route's zod serializer: a
 * zone's map is 5,000+ outlines, and checking every coordinate of every feature against the schema
 * on each request cost ~70 ms and most of the garbage (issue 18 bench). The outlines are inlined as
 * the JSON text stored at write time, which was checked against the same outline rules then (and
 * written by `JSON.stringify`, never by hand); the rest goes through `JSON.stringify`. The API test
 * parses this text with `mapSchema`, so the contract is still held, once per test instead of per request.
 */
export class MapTextBuilder {
  private readonly parts: string[] = [];
  private readonly box = [180, 90, -180, -90];
  private count = 0;

  /** Adds a feature whose outline is stored JSON text (null or unparsable: left out). */
  add(outlineJson: string | null, properties: MapFeature['properties']): void {
    if (outlineJson === null) return;
    this.widen(JSON.parse(outlineJson) as OutlineGeometry);
    this.parts.push(
      `{"type":"Feature","id":${JSON.stringify(properties.id)},"geometry":${outlineJson},"properties":${JSON.stringify(properties)}}`,
    );
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The FeatureCollection, with the bounding box of what was added and how many were left out. */
  text(leftOut: number): string {
    const bbox = this.count === 0 ? null : this.box;
    return `{"type":"FeatureCollection","features":[${this.parts.join(',')}],"bbox":${JSON.stringify(bbox)},"leftOut":${leftOut}}`;
  }

  private widen(g: OutlineGeometry): void {
    const [w, s, e, n] = bboxOf(g);
    const box = this.box;
    if (w < (box[0] as number)) box[0] = w;
    if (s < (box[1] as number)) box[1] = s;
    if (e > (box[2] as number)) box[2] = e;
    if (n > (box[3] as number)) box[3] = n;
  }
}
