import { projectSearchText } from '../../../server/src/modules/project/project-search';
import { PROJECT_STAGES } from '../../../shared/src/project-stage';
import { defineGenerator } from '../types';
import { leafLinkIndexOf } from './chain.generator';
import { chainOfFirm, firmName, firmShortName } from './pipeline-names';

const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key);

/** The firm behind project i (its first investor): spread over the firm table, same chain. */
export function investorIndexOf(i: number, firms: number): number {
  return (i * 7919) % firms;
}

export const projectGenerator = defineGenerator({
  table: 'project',
  // 2: link_id, the leaf link of its investor firm (issue 4 chains).
  version: 2,
  dependsOn: ['firm', 'app_user'],
  counts: { small: 100, zone: 10_000, province: 1_000_000 },
  columns: [
    'id',
    'code',
    'name',
    'park',
    'land_mu',
    'total_investment',
    'expected_output',
    'expected_tax',
    'expected_jobs',
    'capacity_quantity',
    'capacity_unit',
    'capacity_product',
    'priority',
    'officer_id',
    'chain_link',
    'link_id',
    'start_date',
    'stage',
    'stage_date',
    'search_text',
    'is_sample',
    'version',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    const n = projectGenerator.counts[ctx.scale];
    const firms = ctx.count('firm');
    const officers = ctx
      .rowsOf('app_user')
      .filter((u) => u.role === 'officer')
      .map((u) => u.id);
    for (let i = 0; i < n; i++) {
      const f = investorIndexOf(i, firms);
      const chain = chainOfFirm(f);
      const link = ctx.rng.pick(chain.links);
      const stage = ctx.rng.chance(0.04)
        ? ctx.rng.pick(['paused', 'cancelled'] as const)
        : ctx.rng.pick(ACTIVE);
      const qty = ctx.rng.int(1, 50);
      const stageMs = ctx.nowMs - ctx.rng.int(1, 900) * 86_400_000;
      const at = new Date(stageMs).toISOString();
      const row = {
        id: ctx.idOf('project', i),
        code: `BX${String(i + 1).padStart(7, '0')}`,
        name: `${firmShortName(f)}年产${qty}${chain.unit}${link}项目`,
        park: chain.park,
        land_mu: ctx.rng.int(20, 800),
        total_investment: ctx.rng.int(10, 5000) * 1_000_000,
        expected_output: ctx.rng.int(10, 9000) * 1_000_000,
        expected_tax: ctx.rng.int(1, 500) * 100_000,
        expected_jobs: ctx.rng.int(10, 2000),
        capacity_quantity: qty,
        capacity_unit: chain.unit,
        capacity_product: link,
        priority: ctx.rng.pick(['provincial', 'municipal', 'district', null, null]),
        officer_id: officers.length ? officers[ctx.rng.skewed(officers.length)]! : null,
        chain_link: `${chain.chain}·${link}`,
        link_id: ctx.idOf('chain_link', leafLinkIndexOf(f)),
        start_date: null,
        stage,
        stage_date: at.slice(0, 10),
        search_text: '',
        is_sample: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      row.search_text = projectSearchText({ ...row, contact_name: null, leader_name: null }, [
        { name: firmName(f), short_name: firmShortName(f), aliases_json: '[]' },
      ]);
      yield row;
    }
  },
});

export const projectInvestorGenerator = defineGenerator({
  table: 'project_investor',
  version: 1,
  dependsOn: ['project', 'firm'],
  counts: { small: 100, zone: 10_000, province: 1_000_000 },
  columns: ['project_id', 'firm_id', 'share_pct', 'position'],
  *rows(ctx) {
    const n = ctx.count('project');
    const firms = ctx.count('firm');
    for (let i = 0; i < n; i++) {
      yield {
        project_id: ctx.idOf('project', i),
        firm_id: ctx.idOf('firm', investorIndexOf(i, firms)),
        share_pct: 100,
        position: 0,
      };
    }
  },
});

export const milestoneGenerator = defineGenerator({
  table: 'milestone',
  version: 1,
  dependsOn: ['project'],
  counts: { small: 100, zone: 10_000, province: 1_000_000 },
  columns: [
    'id',
    'project_id',
    'name',
    'planned_date',
    'actual_date',
    'owner_name',
    'is_sample',
    'version',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    const n = ctx.count('project');
    for (let i = 0; i < n; i++) {
      const planned = new Date(ctx.nowMs + ctx.rng.int(-200, 200) * 86_400_000).toISOString().slice(0, 10);
      const at = new Date(ctx.nowMs - 300 * 86_400_000).toISOString();
      yield {
        id: ctx.idOf('milestone', i),
        project_id: ctx.idOf('project', i),
        name: ctx.rng.pick(['主体完工', '竣工验收', '设备调试', '投产']),
        planned_date: planned,
        actual_date: ctx.rng.chance(0.4) ? planned : null,
        owner_name: null,
        is_sample: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
    }
  },
});
