import { addDays, daysBetween, todayInShanghai } from '../../../../shared/src/dates';
import type { Db } from '../../db/connect';
import type { FirmTable, LeadTable, MilestoneTable } from '../../db/database';
import { rebuildInvestorsJson } from '../../db/dialect-sql';
import { newId } from '../../lib/ids';
import { replaceFirmAliases } from '../firm/firm-alias';
import { leadSearchText } from '../lead/lead-search';
import { projectSearchText } from '../project/project-search';
import { samplePipeline } from './demo-pipeline-sample';
import {
  emptyRows,
  type FirmSeed,
  firmRow,
  milestoneRow,
  type PipelineRows,
  type ProjectSeed,
  projectRow,
  stageEventRow,
} from './demo-rows';

/**
 * The pipeline of the newspaper page (聊城日报, late August 2024; PRODUCT.md "The facts on the
 * page") as real records (is_sample = 0), then deterministic invented records (is_sample = 1) so
 * lists, filters and the kanban have something to show. Everything goes in one transaction with
 * batched inserts: the demo must start in well under a second.
 */
export const PAGE_DATE = '2024-08-15';
const SOURCE_NOTE = '据聊城日报2024年8月报道录入';

/** The firms, projects and the referral lead the page names. */
function pageFacts(rows: PipelineRows, nowIso: string, officerId: string | null) {
  const firm = (f: FirmSeed) => {
    const row = firmRow(f, nowIso);
    rows.firms.push(row);
    return row;
  };
  const guaibao = firm({
    name: '乖宝宠物食品集团股份有限公司',
    short_name: '乖宝宠物',
    aliases_json: JSON.stringify(['乖宝']),
    english_name: 'Gambol Pet Group Co., Ltd.',
    region: '山东省聊城市',
    industry_code: '1321',
    listed_exchange: '深圳证券交易所创业板',
    listed_code: '301498',
    size_class: 'large',
    chain_link: '宠物产业链·宠物食品',
    tags_json: JSON.stringify(['链主企业', '上市公司', '宠物产业']),
    business_scope: '宠物食品研发、生产与销售；2023年8月在深交所创业板上市，国内市值最高的宠物上市企业',
    note: '2024年1—5月出口4.86亿元，同比增长近20%（聊城日报2024年8月报道）',
  });
  const hanyangTj = firm({
    name: '瀚洋重工装备制造（天津）有限公司',
    short_name: '瀚洋重工（天津）',
    region: '天津市',
    industry_code: '35',
    is_local: 0,
    chain_link: '高端装备·特种装备',
    tags_json: JSON.stringify(['以商招商', '合作伙伴']),
  });
  const hongtong = firm({
    name: '聊城市宏通地质工程机械设备有限公司',
    short_name: '宏通地质',
    region: '山东省聊城市',
    industry_code: '35',
    chain_link: '高端装备·工程机械',
    tags_json: JSON.stringify(['以商招商']),
  });
  const hanyang = firm({
    name: '瀚洋重工有限公司',
    short_name: '瀚洋重工',
    region: '山东省聊城市',
    industry_code: '35',
    chain_link: '高端装备·特种装备',
    tags_json: JSON.stringify(['项目公司']),
    note: '由瀚洋重工装备制造（天津）有限公司与聊城市宏通地质工程机械设备有限公司共同投资',
  });
  const zhengyuan = firm({
    name: '聊城正源家居',
    short_name: '正源家居',
    region: '山东省聊城市',
    industry_code: '21',
    chain_link: '家居·智能家居',
    tags_json: JSON.stringify(['家居', '深耕家居行业20余年']),
  });
  for (const [name, link, industry] of [
    ['祥光铜业', '铜及铜精深加工', '3211'],
    ['华泰化工', '高端化工', '26'],
    ['金蔡伦集团', '绿色食品', '14'],
  ] as const) {
    firm({
      name,
      region: '山东省聊城市阳谷县',
      industry_code: industry,
      chain_link: link,
      tags_json: JSON.stringify(['链主企业', '阳谷县']),
    });
  }
  const rel = (from: FirmTable, to: FirmTable, kind: string, note: string | null) =>
    rows.relations.push({
      id: newId(),
      from_firm_id: from.id,
      to_firm_id: to.id,
      kind,
      note,
      is_sample: 0,
      created_at: nowIso,
    });
  rel(hongtong, hanyangTj, 'partner', '长期合作伙伴，共同投资瀚洋重工项目（以商招商）');
  rel(hanyangTj, hanyang, 'investor', null);
  rel(hongtong, hanyang, 'investor', null);

  const names = (f: FirmTable) => ({ name: f.name, short_name: f.short_name, aliases_json: f.aliases_json });
  const project = (p: ProjectSeed, investors: FirmTable[]) => {
    const row = projectRow({ officer_id: officerId, ...p }, nowIso);
    row.search_text = projectSearchText(row, investors.map(names));
    rows.projects.push(row);
    for (const [position, f] of investors.entries()) {
      rows.investors.push({ project_id: row.id, firm_id: f.id, share_pct: null, position });
    }
    return row;
  };

  const hy = project(
    {
      code: 'XM2024-00001',
      name: '瀚洋重工大型高端特种装备项目',
      capacity_quantity: 5,
      capacity_unit: '万吨',
      capacity_product: '高端特种装备（乙烯成套设备、精密压力容器）',
      chain_link: '高端装备·特种装备',
      contact_name: '赵夏',
      stage: 'structure_done',
      stage_date: PAGE_DATE,
      stage_reason: '主体完工，正在进行屋面及外立面施工',
    },
    [hanyangTj, hongtong],
  );
  rows.events.push(stageEventRow(hy.id, 'structure_done', PAGE_DATE, SOURCE_NOTE, nowIso));
  rows.milestones.push(
    milestoneRow(hy.id, '主体完工', null, PAGE_DATE, nowIso),
    milestoneRow(hy.id, '竣工验收', '2024-10-31', null, nowIso),
    milestoneRow(hy.id, '设备进场调试', '2025-06-30', null, nowIso),
    milestoneRow(hy.id, '投产', null, null, nowIso),
  );

  const zy = project(
    {
      code: 'XM2024-00002',
      name: '正源家居高端智能家居项目',
      capacity_quantity: 2,
      capacity_unit: '万套',
      capacity_product: '高端智能家居',
      chain_link: '家居·智能家居',
      stage: 'started',
      stage_date: PAGE_DATE,
      stage_reason: '在建，预计年底投产（阶段按报道推定）',
    },
    [zhengyuan],
  );
  rows.events.push(stageEventRow(zy.id, 'started', PAGE_DATE, SOURCE_NOTE, nowIso));
  rows.milestones.push(milestoneRow(zy.id, '投产', '2024-12-31', null, nowIso));

  const gb = project(
    {
      code: 'XM2024-00003',
      name: '乖宝宠物年产10万吨高端宠物食品项目',
      total_investment: 560_000_000,
      expected_output: 1_500_000_000,
      expected_tax: 40_000_000,
      expected_jobs: 1000,
      capacity_quantity: 10,
      capacity_unit: '万吨',
      capacity_product: '高端宠物食品',
      chain_link: '宠物产业链·宠物食品',
      contact_name: '姜子振',
      start_date: '2024-03-01',
      stage: 'started',
      stage_date: '2024-03-01',
      stage_reason: '3月开工，2个月完成基础施工；2栋车间主体框架已完工，2栋在建',
    },
    [guaibao],
  );
  rows.events.push(stageEventRow(gb.id, 'started', '2024-03-01', `${SOURCE_NOTE}：2024年3月开工`, nowIso));
  rows.milestones.push(
    milestoneRow(gb.id, '开工', '2024-03-01', '2024-03-01', nowIso),
    milestoneRow(gb.id, '基础施工完成', '2024-05-31', '2024-05-31', nowIso),
    milestoneRow(gb.id, '竣工验收', '2024-12-31', null, nowIso),
  );

  const gb2 = project(
    {
      code: 'XM2024-00004',
      name: '乖宝宠物智能工厂扩建项目',
      capacity_product: '宠物食品',
      chain_link: '宠物产业链·宠物食品',
      contact_name: '姜子振',
      stage: 'started',
      stage_date: PAGE_DATE,
      stage_reason: '推进中（阶段按报道推定）',
    },
    [guaibao],
  );
  rows.events.push(stageEventRow(gb2.id, 'started', PAGE_DATE, SOURCE_NOTE, nowIso));

  // 以商招商: 宏通 brought in its long-term partner from Tianjin; they invested jointly.
  const lead: LeadTable = {
    id: newId(),
    code: 'XS2024-00001',
    title: '瀚洋重工（天津）高端特种装备项目（宏通地质推荐）',
    target_firm_id: hanyangTj.id,
    target_name: null,
    source: 'referral',
    referrer_firm_id: hongtong.id,
    chain_link: '高端装备·特种装备',
    estimated_investment: null,
    owner_id: officerId,
    status: 'signed',
    status_reason: null,
    next_step: null,
    next_step_date: null,
    project_id: hy.id,
    search_text: '',
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  lead.search_text = leadSearchText(lead, [hanyangTj.name, hongtong.name]);
  hy.lead_id = lead.id;
  rows.leads.push(lead);
  return { guaibao, hanyang, hanyangProject: hy };
}

/** How many sample projects (and leads; firms are 5/3 of it): LIANZHAO_DEMO_SAMPLE_SIZE, default 300. */
export function demoSampleSize(): number {
  const raw = process.env.LIANZHAO_DEMO_SAMPLE_SIZE;
  const n = raw === undefined ? 300 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 100_000) : 300;
}

/** Inserts in chunks (SQLite and PostgreSQL both cap bound parameters per statement). */
export async function insertRows(db: Db['kysely'], rows: PipelineRows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const chunked = async <T>(table: string, list: T[], size = 300) => {
      for (let i = 0; i < list.length; i += size) {
        // biome-ignore lint/suspicious/noExplicitAny: one helper for eight tables with their own row types
        await (trx as any)
          .insertInto(table)
          .values(list.slice(i, i + size))
          .execute();
      }
    };
    await chunked('firm', rows.firms);
    await chunked('firm_relation', rows.relations);
    // lead.project_id and project.lead_id point at each other: projects first, then leads.
    await chunked('project', rows.projects);
    await chunked('project_investor', rows.investors);
    // The list's copy of the investors' names (migration 20261206_0030), as every other write keeps it.
    for (let i = 0; i < rows.projects.length; i += 300) {
      await rebuildInvestorsJson(
        trx,
        rows.projects.slice(i, i + 300).map((p) => p.id),
      );
    }
    await chunked('project_stage_event', rows.events);
    await chunked('milestone', rows.milestones);
    await chunked('lead', rows.leads);
    await chunked('lead_followup', rows.followups);
  });
}

/** The demo seeder (registered in init.service.ts). */
/**
 * The page's facts keep their 2024 dates; what the page only forecast (竣工验收 expected in
 * October, equipment next year) is laid relative to the day the demo is created, keeping its
 * distance from "now" as the page had it — so a demo made years later shows those milestones ahead,
 * not two years late (decision 013, "a demo that reads true on any day").
 */
function shiftForecasts(milestones: MilestoneTable[], today: string): void {
  const offset = today > PAGE_DATE ? daysBetween(PAGE_DATE, today) : 0;
  for (const m of milestones) {
    if (!m.actual_date && m.planned_date && m.planned_date > PAGE_DATE) {
      m.planned_date = addDays(m.planned_date, offset);
    }
  }
}

export async function seedDemoPipeline(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const officer = await k
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirst();
  const officerId = officer?.id ?? null;
  const rows = emptyRows();
  const { guaibao, hanyang, hanyangProject } = pageFacts(rows, nowIso, officerId);
  const today = todayInShanghai(new Date(nowIso));
  shiftForecasts(rows.milestones, today);
  samplePipeline(rows, { size: demoSampleSize(), nowIso, today, officerId, addDays });
  await insertRows(k, rows);
  // 瀚洋重工有限公司 signs for the project its two parents invest in (项目公司, issue 14).
  await k
    .updateTable('project')
    .set({ company_firm_id: hanyang.id })
    .where('id', '=', hanyangProject.id)
    .execute();
  // 乖宝宠物 typed into a new firm warns of 乖宝宠物食品集团 (issue 16): the alias index.
  await replaceFirmAliases(k, rows.firms);
  // The demo enterprise account is 乖宝宠物's.
  await k.updateTable('app_user').set({ firm_id: guaibao.id }).where('username', '=', 'firm').execute();
}
