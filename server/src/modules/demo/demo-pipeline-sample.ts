import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { makeUscc } from '../../../../shared/src/uscc';
import { newId } from '../../lib/ids';
import { leadSearchText } from '../lead/lead-search';
import { projectSearchText } from '../project/project-search';
import { firmRow, milestoneRow, type PipelineRows, projectRow, stageEventRow } from './demo-rows';

/** A round amount (whole 万元) spread evenly on a log scale between min and max yuan. */
function logUniformYuan(u: number, min: number, max: number): number {
  const v = Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
  return Math.round(v / 10_000) * 10_000;
}

/**
 * Invented sample records (is_sample = 1, shown with a 示例 tag): firms, projects, leads across
 * chains, parks, stages and priorities. Deterministic for a given size and date: a fixed-seed PRNG,
 * dates relative to today so that some milestones are late and some leads overdue on any day.
 */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const CHAINS = [
  {
    chain: '宠物产业链',
    links: ['宠物食品', '宠物用品', '宠物医疗', '宠物训练', '宠物美容'],
    industry: '1321',
    park: '坤源宠物食品用品产业园',
    unit: '万吨',
    words: ['宠物', '萌宠', '爱宠', '宠乐'],
  },
  {
    chain: '高端装备',
    links: ['特种装备', '压力容器', '工程机械'],
    industry: '35',
    park: '现代装备智造产业园',
    unit: '台（套）',
    words: ['重工', '装备', '机械', '智造'],
  },
  {
    chain: '家居',
    links: ['智能家居', '定制家具'],
    industry: '21',
    park: '家居产业园（示例）',
    unit: '万套',
    words: ['家居', '木业', '家具'],
  },
  {
    chain: '铜及铜精深加工',
    links: ['铜冶炼', '铜材加工'],
    industry: '3211',
    park: '双创产业园',
    unit: '万吨',
    words: ['铜业', '金属', '新材料'],
  },
  {
    chain: '高端化工',
    links: ['精细化工', '新材料'],
    industry: '26',
    park: '化工产业园（示例）',
    unit: '万吨',
    words: ['化工', '化学', '新材料'],
  },
  {
    chain: '绿色食品',
    links: ['农副食品加工', '方便食品'],
    industry: '14',
    park: '绿色食品产业园',
    unit: '万吨',
    words: ['食品', '农业', '绿源'],
  },
] as const;
const PLACES_LOCAL = ['聊城', '东昌', '茌平', '阳谷', '莘县', '东阿', '冠县', '高唐', '临清'];
const PLACES_EXTERNAL = [
  ['天津', '120000', '天津市'],
  ['上海', '310000', '上海市'],
  ['江苏', '320000', '江苏省'],
  ['浙江', '330000', '浙江省'],
  ['广东', '440000', '广东省'],
  ['北京', '110000', '北京市'],
  ['河北', '130000', '河北省'],
  ['济南', '370100', '山东省济南市'],
] as const;
const NAME_WORDS = [
  '华',
  '鑫',
  '泰',
  '恒',
  '瑞',
  '盛',
  '宏',
  '远',
  '德',
  '信',
  '嘉',
  '润',
  '博',
  '联',
  '达',
  '丰',
];
const SOURCES = [
  'referral',
  'exhibition',
  'resident_office',
  'online',
  'intermediary',
  'news',
  'other',
] as const;
const LEAD_STATUSES = ['new', 'contacted', 'visited', 'negotiating', 'signed', 'shelved', 'lost'] as const;
const PRIORITIES = ['provincial', 'municipal', 'district', null, null] as const;
const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key);
const STARTED_ORDER = 5;

interface SampleOptions {
  size: number;
  nowIso: string;
  today: string;
  officerId: string | null;
  addDays: (date: string, days: number) => string;
}

export function samplePipeline(rows: PipelineRows, o: SampleOptions): void {
  const r = prng(20240815);
  const nFirms = Math.round((o.size * 5) / 3);
  const firms = [];
  const taken = new Set(rows.firms.map((f) => f.name_norm));
  for (let i = 0; i < nFirms; i++) {
    const chain = CHAINS[i % CHAINS.length]!;
    const local = r.chance(0.6);
    const ext = r.pick(PLACES_EXTERNAL);
    const place = local ? r.pick(PLACES_LOCAL) : ext[0];
    let name = `${place}${r.pick(NAME_WORDS)}${r.pick(NAME_WORDS)}${r.pick(chain.words)}有限公司`;
    if (taken.has(name.replace(/有限公司$/, ''))) name = `${name.replace(/有限公司$/, '')}${i}号有限公司`;
    taken.add(name.replace(/有限公司$/, ''));
    const row = firmRow(
      {
        name,
        uscc: local ? makeUscc(i) : makeUscc(i, { division: ext[1] }),
        region: local ? '山东省聊城市' : ext[2],
        industry_code: chain.industry,
        registered_capital: r.int(1, 500) * 1_000_000,
        size_class: r.pick(['large', 'medium', 'small', 'micro'] as const),
        is_local: local ? 1 : 0,
        chain_link: `${chain.chain}·${r.pick(chain.links)}`,
        tags_json: JSON.stringify(r.chance(0.1) ? ['规上企业'] : []),
        is_sample: 1,
      },
      o.nowIso,
    );
    rows.firms.push(row);
    firms.push({ row, chain });
  }
  if (firms.length === 0) return;
  const seen = new Set<string>();
  for (let i = 0; i < Math.round(nFirms * 0.6); i++) {
    const a = r.pick(firms).row;
    const b = r.pick(firms).row;
    const kind = r.pick(['partner', 'supplier', 'customer', 'investor', 'parent'] as const);
    const key = `${a.id}|${b.id}|${kind}`;
    if (a.id === b.id || seen.has(key)) continue;
    seen.add(key);
    rows.relations.push({
      id: newId(),
      from_firm_id: a.id,
      to_firm_id: b.id,
      kind,
      note: null,
      is_sample: 1,
      created_at: o.nowIso,
    });
  }

  const projects = [];
  for (let i = 0; i < o.size; i++) {
    const { row: firm, chain } = firms[i % firms.length]!;
    const link = firm.chain_link?.split('·')[1] ?? chain.links[0];
    const stage = r.chance(0.06) ? r.pick(['paused', 'cancelled'] as const) : r.pick(ACTIVE);
    const order = PROJECT_STAGES.find((s) => s.key === stage)?.order ?? 3;
    const qty = r.int(1, 50);
    const land = r.int(20, 600);
    // Log-uniform 3000万–30亿: most zone projects are a few 亿, a handful are very large.
    const investment = logUniformYuan(r.next(), 30_000_000, 3_000_000_000);
    // Most projects entered their stage within a few months (mostly inside the stage norms); about
    // one in eleven has been stuck for well over a year — a realistic mix of warnings on any day.
    const sinceStage = r.int(10, 700);
    const stageDate = o.addDays(o.today, -(sinceStage <= 640 ? Math.round(sinceStage / 4) : sinceStage));
    const p = projectRow(
      {
        code: `SL${String(i + 1).padStart(6, '0')}`,
        name: `${firm.short_name ?? firm.name.replace(/有限公司$/, '')}年产${qty}${chain.unit}${link}项目`,
        park: chain.park,
        land_mu: order >= 4 ? land : r.chance(0.5) ? land : null,
        total_investment: investment,
        fixed_asset_investment: Math.round(investment * 0.7),
        funds_in_place: order >= STARTED_ORDER ? Math.round(investment * r.next()) : null,
        capacity_quantity: qty,
        capacity_unit: chain.unit,
        capacity_product: link,
        expected_output: investment * r.int(1, 4),
        expected_tax: Math.round(investment * 0.05),
        expected_jobs: r.int(20, 1500),
        priority: r.pick(PRIORITIES),
        officer_id: r.chance(0.8) ? o.officerId : null,
        chain_link: firm.chain_link,
        start_date: order >= STARTED_ORDER ? o.addDays(stageDate, -r.int(0, 200)) : null,
        stage,
        stage_date: stageDate,
        paused_from_stage: stage === 'paused' ? 'approved' : null,
        stage_reason: stage === 'paused' || stage === 'cancelled' ? '示例：企业调整投资计划' : null,
        is_sample: 1,
      },
      o.nowIso,
    );
    const investors = [firm];
    if (r.chance(0.3)) {
      const other = r.pick(firms).row;
      if (other.id !== firm.id) investors.push(other);
    }
    p.search_text = projectSearchText(p, investors);
    rows.projects.push(p);
    for (const [position, f] of investors.entries()) {
      rows.investors.push({
        project_id: p.id,
        firm_id: f.id,
        share_pct: investors.length === 1 ? 100 : position === 0 ? 60 : 40,
        position,
      });
    }
    rows.events.push(stageEventRow(p.id, stage, stageDate, '示例数据', o.nowIso));
    if (order >= STARTED_ORDER - 1 && order <= 8) {
      for (const name of ['主体完工', '竣工验收', '设备调试'].slice(0, r.int(1, 3))) {
        // Late milestones are mostly a week or two late; about one in four is months late.
        const offset = r.int(-120, 180);
        const planned = o.addDays(o.today, offset < 0 && offset >= -90 ? Math.round(offset / 6) : offset);
        const doneByChance = planned < o.today && r.chance(0.5);
        // A stage the project has reached or passed has its milestone done (as a stage move does).
        const reached = (PROJECT_STAGES.find((s) => s.zh === name)?.order ?? 99) <= order;
        const earlier = [planned, stageDate].sort()[0] ?? stageDate;
        const done = reached ? earlier : doneByChance ? planned : null;
        rows.milestones.push(milestoneRow(p.id, name, planned, done, o.nowIso, 1));
      }
    }
    projects.push(p);
  }

  const signable = projects.filter((p) => p.lead_id === null);
  for (let i = 0; i < o.size; i++) {
    const { row: target, chain } = firms[(i * 7 + 3) % firms.length]!;
    const source = r.pick(SOURCES);
    const referrer = source === 'referral' ? firms[(i * 11 + 5) % firms.length]!.row : null;
    let status: string = r.pick(LEAD_STATUSES);
    const project = status === 'signed' ? signable.shift() : undefined;
    if (status === 'signed' && !project) status = 'negotiating';
    const open = status !== 'signed' && status !== 'lost';
    const lead = {
      id: newId(),
      code: `SX${String(i + 1).padStart(6, '0')}`,
      title: `${target.short_name ?? target.name.replace(/有限公司$/, '')}${chain.links[i % chain.links.length]}项目洽谈`,
      target_firm_id: target.id,
      target_name: null,
      source,
      referrer_firm_id: referrer && referrer.id !== target.id ? referrer.id : null,
      chain_link: target.chain_link,
      estimated_investment: logUniformYuan(r.next(), 10_000_000, 2_000_000_000),
      owner_id: r.chance(0.85) ? o.officerId : null,
      status,
      status_reason: status === 'lost' || status === 'shelved' ? '示例：对方暂缓投资计划' : null,
      next_step: open
        ? r.pick(['上门拜访', '电话回访', '寄送政策材料', '安排考察园区', '洽谈投资协议'])
        : null,
      next_step_date: open ? o.addDays(o.today, r.int(-30, 45)) : null,
      project_id: project?.id ?? null,
      search_text: '',
      is_sample: 1,
      version: 1,
      created_at: o.nowIso,
      updated_at: o.nowIso,
    };
    if (lead.source === 'referral' && !lead.referrer_firm_id) lead.source = 'other';
    if (project) project.lead_id = lead.id;
    const referrerName = lead.referrer_firm_id ? referrer?.name : null;
    lead.search_text = leadSearchText(lead, [target.name, target.short_name, referrerName]);
    rows.leads.push(lead);
    if (status !== 'new') {
      for (let k = 0; k < r.int(1, 2); k++) {
        rows.followups.push({
          id: newId(),
          lead_id: lead.id,
          kind: r.pick(['visit', 'call', 'meeting', 'other'] as const),
          date: o.addDays(o.today, -r.int(1, 200)),
          people: '示例联系人',
          notes: '示例：了解企业投资意向与用地需求',
          actor_id: null,
          actor_name: 'system',
          is_sample: 1,
          created_at: o.nowIso,
        });
      }
    }
  }
}
