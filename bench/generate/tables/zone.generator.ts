import { DEMO_ZONE } from '../../../server/src/modules/demo/demo-foundation';
import { defineGenerator } from '../types';

/** One instance serves one zone (开发区, development zone) at every scale. */
export const zoneGenerator = defineGenerator({
  table: 'zone',
  version: 1,
  dependsOn: [],
  counts: { small: 1, zone: 1, province: 1 },
  columns: ['id', 'name', 'short_name', 'region', 'created_at'],
  *rows(ctx) {
    yield {
      id: ctx.idOf('zone', 0),
      name: DEMO_ZONE.name,
      short_name: DEMO_ZONE.shortName,
      region: DEMO_ZONE.region,
      created_at: new Date(ctx.nowMs - 3 * 365 * 86_400_000).toISOString(),
    };
  },
});
