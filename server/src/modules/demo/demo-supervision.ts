import { addDays, todayInShanghai } from '../../../../shared/src/dates';
import type { Db } from '../../db/connect';
import type {
  CampaignActionTable,
  FigureTable,
  TaskMilestoneTable,
  TaskReportTable,
  TaskTable,
  TaskUnitTable,
} from '../../db/database';
import { newId } from '../../lib/ids';
import { addDepartments, departmentIdsByCode } from '../department/department.service';
import { seedDemoRequests } from './demo-supervision-requests';

/**
 * Factor guarantees and supervision of the demo zone (issue 5), after the pipeline seeder.
 * Real (is_sample = 0), from the page (聊城日报, late August 2024): the 十二项提升行动 campaign of
 * the 聚力攻坚突破年 and its count of twelve; 阳谷县's 29 provincial-or-higher reform pilots and 113
 * promoted reform experiences; 聊城第三中学's paired assistance to 刚察 (Qinghai): 9 cohorts and 358
 * students since 2015, 39 graduates this year, 38 over the undergraduate line.
 * Invented (is_sample = 1): the names of the twelve actions, their tasks, the individual pilots,
 * the factor requests and the problem list — dated around today so some are overdue.
 */
const SOURCE = '据聊城日报2024年8月报道录入';

export async function seedDemoSupervision(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const today = todayInShanghai(new Date(nowIso));
  const day = (n: number) => addDays(today, n);
  const at = (n: number) => new Date(new Date(nowIso).getTime() + n * 86_400_000).toISOString();
  const depts = await departmentIdsByCode(k);
  const dep = (code: string) => depts.get(code) as string;
  // The school's paired assistance is education work: a sample social-affairs unit leads it.
  await addDepartments(
    k,
    [
      {
        id: newId(),
        code: 'D11',
        name: '社会事业局',
        name_en: 'Social Affairs Bureau',
        head_name: null,
        head_user_id: null,
        is_sample: 1,
        created_at: nowIso,
      },
    ],
    { skipExisting: true },
  );
  depts.set('D11', (await departmentIdsByCode(k)).get('D11') as string);
  const users = new Map(
    (await k.selectFrom('app_user').select(['id', 'username', 'display_name']).execute()).map((u) => [
      u.username,
      u,
    ]),
  );
  const officer = users.get('officer');

  const tasks: TaskTable[] = [];
  const units: TaskUnitTable[] = [];
  const milestones: TaskMilestoneTable[] = [];
  const reports: TaskReportTable[] = [];
  const figures: FigureTable[] = [];
  let taskNo = 0;
  const task = (t: Partial<TaskTable> & { title: string; lead: string; coop?: string[] }) => {
    taskNo += 1;
    const { lead, coop = [], ...rest } = t;
    const row: TaskTable = {
      id: newId(),
      code: `DB${today.slice(0, 4)}-${String(taskNo).padStart(5, '0')}`,
      type: 'supervision',
      description: null,
      source: 'campaign',
      source_title: null,
      campaign_id: null,
      campaign_action_id: null,
      lead_department_id: dep(lead),
      leader_name: null,
      deadline: null,
      status: 'in_progress',
      pilot_level: null,
      outcome: null,
      region: null,
      evidence: null,
      evidence_entity: null,
      evidence_entity_id: null,
      project_id: null,
      proposed_at: null,
      proposed_by_name: null,
      closed_at: null,
      closed_by_name: null,
      close_note: null,
      return_reason: null,
      created_by_id: officer?.id ?? null,
      is_sample: 1,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
      ...rest,
    };
    tasks.push(row);
    units.push({ task_id: row.id, department_id: dep(lead), role: 'lead' });
    for (const c of coop) units.push({ task_id: row.id, department_id: dep(c), role: 'cooperating' });
    return row;
  };
  const roadmap = (t: TaskTable, steps: Array<[string, number, number | null]>) => {
    for (const [i, [name, planned, done]] of steps.entries()) {
      milestones.push({
        id: newId(),
        task_id: t.id,
        position: i + 1,
        name,
        planned_date: day(planned),
        done_date: done === null ? null : day(done),
        note: null,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      });
    }
  };
  const report = (t: TaskTable, content: string, percent: number) =>
    reports.push({
      id: newId(),
      task_id: t.id,
      department_id: t.lead_department_id,
      period_key: today.slice(0, 7),
      content,
      percent,
      actor_id: null,
      actor_name: '示例填报',
      created_at: nowIso,
      updated_at: nowIso,
    });
  const figure = (
    ownerKind: string,
    ownerId: string,
    f: Partial<FigureTable> & { key: string; label: string; value: number },
  ) =>
    figures.push({
      id: newId(),
      owner_kind: ownerKind,
      owner_id: ownerId,
      unit: null,
      period: '',
      note: SOURCE,
      position: figures.length + 1,
      is_sample: 0,
      created_at: nowIso,
      updated_at: nowIso,
      ...f,
    });

  // 十二项提升行动 of the 聚力攻坚突破年: the campaign and its count are on the page; the names of
  // the twelve are not, so these are sample names of the usual kind.
  const campaignId = newId();
  const actionNames: Array<[string, string]> = [
    ['招商引资提升行动', 'D01'],
    ['项目建设提升行动', 'D08'],
    ['营商环境提升行动', 'D03'],
    ['要素保障提升行动', 'D02'],
    ['产业链提升行动', 'D01'],
    ['园区建设提升行动', 'D08'],
    ['科技创新提升行动', 'D06'],
    ['企业服务提升行动', 'D01'],
    ['对外开放提升行动', 'D01'],
    ['人才引育提升行动', 'D09'],
    ['绿色低碳提升行动', 'D04'],
    ['安全生产提升行动', 'D08'],
  ];
  const actions: CampaignActionTable[] = actionNames.map(([name, lead], i) => ({
    id: newId(),
    campaign_id: campaignId,
    position: i + 1,
    name,
    lead_department_id: dep(lead),
    is_sample: 1,
    created_at: nowIso,
  }));
  const inAction = (i: number) => ({
    campaign_id: campaignId,
    campaign_action_id: actions[i]?.id ?? null,
    source_title: '聚力攻坚突破年“十二项提升行动”实施方案',
  });
  const power = task({
    ...inAction(3),
    title: '乖宝宠物项目年底竣工验收要素保障',
    description: '统筹供电、供水、燃气接入和竣工验收手续，确保年底前完成竣工验收（示例）',
    lead: 'D08',
    coop: ['D05', 'D10', 'D03'],
    leader_name: '开发区领导（示例）',
    deadline: day(40),
  });
  roadmap(power, [
    ['供电方案批复', -20, -22],
    ['双回路线路施工', 10, null],
    ['竣工验收联合踏勘', 35, null],
  ]);
  report(power, '供电方案已批复，线路施工招标完成（示例）', 45);
  const road = task({
    ...inAction(5),
    title: '坤源宠物食品用品产业园配套道路建设',
    description: '园区“边建边招商”，配套道路与管网同步建设（示例）',
    lead: 'D08',
    coop: ['D02'],
    leader_name: '开发区领导（示例）',
    deadline: day(-6),
  });
  roadmap(road, [
    ['规划许可', -60, -58],
    ['路基施工', -20, null],
    ['路面及管网完工', -6, null],
  ]);
  report(road, '路基施工受雨季影响滞后（示例）', 60);
  const grid = task({
    ...inAction(3),
    title: '园区10kV双回路供电改造',
    description: '为乖宝宠物等重点项目提供双回路供电保障（示例）',
    lead: 'D05',
    coop: ['D08'],
    leader_name: '开发区领导（示例）',
    deadline: day(-5),
  });
  roadmap(grid, [
    ['改造方案编制', -30, -31],
    ['线路施工', -10, null],
    ['送电验收', -5, null],
  ]);
  report(grid, '线路施工受电缆到货延迟影响（示例）', 70);
  task({
    ...inAction(0),
    title: '宠物产业链以商招商对接会',
    lead: 'D01',
    deadline: day(20),
    status: 'in_progress',
  });
  const closed = task({
    ...inAction(2),
    title: '企业开办“一窗通办”一日办结',
    lead: 'D03',
    deadline: day(-30),
    status: 'closed',
    evidence: '一窗通办系统上线，开办时间压缩至1个工作日（示例）',
    proposed_at: at(-35),
    proposed_by_name: '行政审批服务部（示例）',
    closed_at: at(-33),
    closed_by_name: '开发区领导（示例）',
  });
  report(closed, '已完成（示例）', 100);
  const proposed = task({
    ...inAction(10),
    title: '化工企业VOCs治理设施升级',
    lead: 'D04',
    deadline: day(5),
    status: 'proposed',
    evidence: '12家企业治理设施完成升级并通过监测（示例）',
    proposed_at: at(-1),
    proposed_by_name: '生态环境分局（示例）',
  });
  report(proposed, '治理设施全部完成升级（示例）', 100);
  for (let i = 0; i < actions.length; i++) {
    if ([0, 2, 3, 5, 10].includes(i)) continue;
    const t = task({
      ...inAction(i),
      title: `${actions[i]?.name.replace('提升行动', '')}年度重点任务`,
      lead: actionNames[i]?.[1] ?? 'D01',
      deadline: day(30 + i * 7),
    });
    report(t, '按计划推进（示例）', 20 + i * 5);
  }

  // 阳谷县 reform pilots: the two counts are real; the individual pilots are samples.
  const reformId = newId();
  figure('campaign', reformId, {
    key: 'pilots_provincial_plus',
    label: '省级以上改革试点',
    value: 29,
    unit: '个',
  });
  figure('campaign', reformId, {
    key: 'experiences_promoted',
    label: '改革经验被推广',
    value: 113,
    unit: '项',
  });
  const pilots: Array<[string, string, string, string | null]> = [
    ['铜及铜精深加工产业链“链长制”改革试点', 'provincial', 'D01', '经验在全省推广（示例）'],
    ['工程建设项目审批制度改革试点', 'provincial', 'D03', null],
    ['化工园区智慧化安全监管改革试点', 'national', 'D04', null],
    ['绿色食品产业园“标准地”出让改革试点', 'provincial', 'D02', '经验在全市推广（示例）'],
  ];
  for (const [title, level, lead, outcome] of pilots) {
    task({
      type: 'reform_pilot',
      campaign_id: reformId,
      source: 'document',
      source_title: '阳谷县改革试点任务书',
      title,
      lead,
      pilot_level: level,
      outcome,
      region: '山东省聊城市阳谷县',
      deadline: day(90),
    });
  }

  // 对口支援: 聊城第三中学 and 刚察县 (Qinghai) — real figures from the page.
  const aid = task({
    type: 'programme',
    source: 'document',
    source_title: '东西部协作对口支援（教育帮扶）',
    title: '聊城第三中学对口支援青海刚察县教育帮扶',
    description: '聊城第三中学自2015年起承接青海省刚察县学生来聊就读（“组团式”教育帮扶）',
    lead: 'D11',
    region: '青海省海北藏族自治州刚察县',
    is_sample: 0,
  });
  figure('task', aid.id, { key: 'start_year', label: '开始年份', value: 2015, unit: '年' });
  figure('task', aid.id, { key: 'cohorts', label: '累计接收届数', value: 9, unit: '届' });
  figure('task', aid.id, { key: 'students', label: '累计接收学生', value: 358, unit: '名' });
  figure('task', aid.id, { key: 'graduates', label: '当年毕业生', value: 39, unit: '名', period: '2024' });
  figure('task', aid.id, {
    key: 'over_undergrad_line',
    label: '过本科线',
    value: 38,
    unit: '名',
    period: '2024',
  });

  await k.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaign')
      .values([
        {
          id: campaignId,
          name: '十二项提升行动',
          kind: 'actions',
          theme: '聚力攻坚突破年',
          year: 2024,
          region: '聊城市',
          description: `聊城市“聚力攻坚突破年”十二项提升行动。${SOURCE}；各项行动名称及任务为示例。`,
          is_sample: 0,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        },
        {
          id: reformId,
          name: '阳谷县改革试点',
          kind: 'reform',
          theme: null,
          year: 2024,
          region: '山东省聊城市阳谷县',
          description: `阳谷县承担省级以上改革试点29个，113项改革经验被推广。${SOURCE}；具体试点条目为示例。`,
          is_sample: 0,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        },
      ])
      .execute();
    await trx.insertInto('campaign_action').values(actions).execute();
    await trx.insertInto('task').values(tasks).execute();
    await trx.insertInto('task_unit').values(units).execute();
    await trx.insertInto('task_milestone').values(milestones).execute();
    await trx.insertInto('task_report').values(reports).execute();
    await trx.insertInto('figure').values(figures).execute();
  });
  await seedDemoRequests(db, nowIso);
}
