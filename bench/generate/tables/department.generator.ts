import { DEMO_DEPARTMENTS } from '../../../server/src/modules/demo/demo-foundation';
import { defineGenerator } from '../types';

/** The demo zone's departments; province scale repeats them per sub-zone (一区, 二区…) with new codes. */
export const departmentGenerator = defineGenerator({
  table: 'department',
  version: 1,
  dependsOn: [],
  counts: { small: 10, zone: 10, province: 40 },
  columns: ['id', 'code', 'name', 'name_en', 'head_name', 'is_sample', 'created_at'],
  *rows(ctx) {
    const n = departmentGenerator.counts[ctx.scale];
    const created = new Date(ctx.nowMs - 3 * 365 * 86_400_000).toISOString();
    for (let i = 0; i < n; i++) {
      const base = DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length];
      if (!base) continue;
      const round = Math.floor(i / DEMO_DEPARTMENTS.length);
      yield {
        id: ctx.idOf('department', i),
        code: `D${String(i + 1).padStart(2, '0')}`,
        name: round === 0 ? base.name : `${base.name}（${round + 1}区）`,
        name_en: round === 0 ? base.nameEn : `${base.nameEn} (area ${round + 1})`,
        head_name: round === 0 ? base.head : null,
        is_sample: 1,
        created_at: created,
      };
    }
  },
});
