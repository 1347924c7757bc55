import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

const SIDES = ['bbox_west', 'bbox_south', 'bbox_east', 'bbox_north'] as const;

/** [west, south, east, north] of a stored outline's outer rings (GeoJSON Polygon or MultiPolygon). */
function bboxOfText(text: string): [number, number, number, number] | null {
  const g = JSON.parse(text) as { type: string; coordinates: unknown };
  const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as number[][][][];
  const box: [number, number, number, number] = [180, 90, -180, -90];
  for (const poly of polygons) {
    for (const [x = 0, y = 0] of poly[0] ?? []) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box[0] <= box[2] ? box : null;
}

/**
 * A plot's bounding box kept beside its outline (issue 18, map speed): the 招商地图 answers the
 * box of what it draws, and parsing 5,000 outlines per request to find it was a third of the
 * route's time. Written with the outline (like the centre); existing outlines are measured here.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const side of SIDES) {
    await db.schema.alterTable('plot').addColumn(side, 'double precision').execute();
  }
  const rows = (await db
    .selectFrom('plot')
    .select(['id', 'geometry_json'])
    .where('geometry_json', 'is not', null)
    .execute()) as Array<{ id: string; geometry_json: string }>;
  for (const row of rows) {
    const box = bboxOfText(row.geometry_json);
    if (!box) continue;
    await db
      .updateTable('plot')
      .set({ bbox_west: box[0], bbox_south: box[1], bbox_east: box[2], bbox_north: box[3] })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const side of [...SIDES].reverse()) {
    await db.schema.alterTable('plot').dropColumn(side).execute();
  }
}
