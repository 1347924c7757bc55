// The rules added for unfamiliar text (issue 13, second round), on sentences of our own: a report
// about a zone gives its projects that zone; a 产业园 a project is named after is no one's park; a stage
// in a list's tail stages every item; a capacity in a name; sales words; a firm that signed and then
// "该项目"; and passages without a project give none.
import { describe, expect, it } from 'vitest';
import { listedNamesAfter, listedNamesBefore } from './assemble-rules';
import { findFirmMentions, findParks } from './entity-extractor';
import { extractPage } from './extract';
import { findRoledMoney } from './money-roles';
import { similarProjectNames } from './project-builder';
import { judgeProjectStem } from './project-concreteness';
import { findProjectNames } from './project-names';
import { findCapacities } from './quantity-parser';

const projectsOf = (text: string, articleDate = '2024-05-10') =>
  extractPage(text, { articleDate })
    .articles.flatMap((a) => a.projects)
    .filter((p) => !p.isAggregate);

describe('parks', () => {
  it('the zone a report is about is the park of the projects it names', () => {
    const text =
      '青山经济开发区一季度3个项目集中开工。\n其中，东岳精密轴承项目总投资5亿元；华瑞冷链物流中心项目总投资2亿元。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.name)).toEqual(['东岳精密轴承项目', '华瑞冷链物流中心项目']);
    expect(ps.map((p) => p.park?.name)).toEqual(['青山经济开发区', '青山经济开发区']);
  });

  it('a zone only hosting the event is no project’s park', () => {
    const text = '全市重点项目集中开工活动在青山经济开发区举行。东岳精密轴承项目总投资5亿元。';
    expect(projectsOf(text)[0]?.park).toBeNull();
  });

  it('a 产业园 that names a listed project is not the park of the others', () => {
    const text = '本次签约的项目包括有零食品产业园项目、赛雀墨水生产基地项目、立新汽车配件生产加工基地项目。';
    const ps = projectsOf(text);
    expect(ps.length).toBe(3);
    for (const p of ps) expect(p.park?.name ?? null).not.toBe('有零食品产业园');
  });
});

describe('stages, capacities, sales and firms', () => {
  it('a stage word in a list tail stages every listed item', () => {
    const text = '宝镁轻合金、殷汇一级公路改建工程、鑫力达智能装备组件等续建项目顺利推进。';
    const ps = projectsOf(text);
    expect(ps.length).toBe(3);
    expect(ps.map((p) => p.stage?.stage)).toEqual(['在建', '在建', '在建']);
  });

  it('a power capacity written in the name is the capacity', () => {
    const [p] = projectsOf('塌西湖200兆瓦渔光互补光伏电站项目总投资16亿元，正式落户华容。');
    expect(p?.capacity?.items[0]).toMatchObject({ value: 200, unit: '兆瓦' });
  });

  it('营业额, 开票 and 销售 before an amount are sales', () => {
    const roles = findRoledMoney('投产后年营业额可达37亿元，国税开票4亿元，新增年销售约20亿元。').map(
      (m) => m.role,
    );
    expect(roles).toEqual(['output_value', 'output_value', 'output_value']);
  });

  it('此次 before a firm name and 项目公司 are not firm names', () => {
    const names = findFirmMentions('此次双鹏新能源科技(江苏)有限公司投资建设，由项目公司负责运营。', []).map(
      (f) => f.name,
    );
    expect(names).toEqual(['双鹏新能源科技(江苏)有限公司']);
  });

  it('该项目 right after a firm signed an agreement is that firm’s project', () => {
    const text =
      '现代产业园区管委会与安徽集源液压技术有限公司签订投资协议。该项目计划用地58亩，总投资1.8亿元，预计年销售收入1.8亿元。';
    const [p] = projectsOf(text);
    expect(p?.companies.map((c) => c.name)).toEqual(['安徽集源液压技术有限公司']);
    expect(p?.investment?.yuan).toBe(180_000_000);
    expect(p?.outputValue?.yuan).toBe(180_000_000);
  });
});

describe('passages without a project', () => {
  it.each([
    '全市招商引资工作会议召开。会议要求，要力促项目落地，抓好电子信息产业项目，见证项目签约，推动诸多项目早开工。',
    '过去一年，全市地区生产总值增长5.6%，规上工业增加值增长7.1%，重大项目建设成果丰硕。',
  ])('%s gives no project', (text) => {
    expect(projectsOf(text)).toEqual([]);
  });
});

describe('parks, third round (issue 13)', () => {
  it.each([
    ['本年第一季度，青山台商投资区推进9个项目签约落地。', '青山台商投资区'],
    ['作为全市重点规划建设的东岭工业集聚区，基础设施日趋完善。', '东岭工业集聚区'],
    ['湖南青湖新港区举行重大项目集中开工仪式。', '湖南青湖新港区'],
    ['白沙综合试验区今年引进项目12个。', '白沙综合试验区'],
  ])('%s names the zone %s', (text, zone) => {
    expect(findParks(text).map((p) => p.name)).toContain(zone);
  });

  it('a zone joined by 的 to a list of projects is the park of every item', () => {
    const text =
      '参加现场签约的6个项目中，工业项目占到5个，分别是青山开发区的东岳轴承生产项目、华瑞技改项目和宏达冷链物流项目，总投资4.7亿元。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.name)).toEqual(['东岳轴承生产项目', '华瑞技改项目', '宏达冷链物流项目']);
    expect(ps.map((p) => p.park?.name)).toEqual(['青山开发区', '青山开发区', '青山开发区']);
  });

  it('a list read after a position stops at the first item not joined by a list word', () => {
    const text = '青山开发区的东岳轴承生产项目、华瑞技改项目。宏达冷链物流项目总投资1亿元。';
    const names = findProjectNames(text, []);
    expect(listedNamesAfter(text, names, text.indexOf('的') + 1).map((n) => n.name)).toEqual([
      '东岳轴承生产项目',
      '华瑞技改项目',
    ]);
    expect(listedNamesAfter(text, names, text.indexOf('。'))).toEqual([]);
  });
});

describe('stages of listed projects, third round (issue 13)', () => {
  it('each batch of a sentence stages the list right before its 等N个项目', () => {
    const text =
      '宝镁轻合金、鑫力达智能装备组件等续建项目顺利推进；联森五金机电制造产业园、青山半导体生态产业园等151个项目开工建设，开工率73%。';
    const stageOf = (name: string) => projectsOf(text).find((p) => p.name.startsWith(name))?.stage?.stage;
    expect(stageOf('联森')).toBe('开工');
    expect(stageOf('青山半导体')).toBe('开工');
    expect(stageOf('宝镁')).toBe('在建');
  });

  it('a batch named before its list (新开工…项目有22个，如A、总投资…的B) stages every item', () => {
    const text =
      '新开工50亿元以上制造业项目有22个，如总投资210亿元的东岳集成电路晶圆制造项目、总投资116亿元的华瑞光储一体新能源产业基地项目等。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.stage?.stage)).toEqual(['开工', '开工']);
    expect(ps.map((p) => p.investment?.yuan)).toEqual([21_000_000_000, 11_600_000_000]);
  });

  it('what an official hopes for at a signing is not the stage reached', () => {
    const text =
      '近日，总投资20亿元的20GW超薄单晶硅片项目正式签约落户青山开发区。市长表示，希望项目投资方尽快启动实质性开工建设，争取项目早建成、早投产。';
    const [p] = projectsOf(text);
    expect(p?.stage?.stage).toBe('签约');
  });

  it('a list read before a position ends at the first gap that is not a list word', () => {
    const text = '东岳轴承生产项目总投资1亿元。华瑞技改项目、总投资2亿元的宏达冷链物流项目等5个项目开工。';
    const names = findProjectNames(text, []);
    expect(listedNamesBefore(text, names, text.indexOf('等')).map((n) => n.name)).toEqual([
      '华瑞技改项目',
      '宏达冷链物流项目',
    ]);
  });
});

describe('phrases that are not projects, third round (issue 13)', () => {
  it.each(['董家口三大产业链', '海晶3大产业链关键', '市举行2022年第四季度'])(
    '%s项目 names no project',
    (stem) => {
      expect(judgeProjectStem(stem).concrete).toBe(false);
    },
  );

  it('项目区, 项目部 and 项目库 name no project; 项目区位 and 项目部分 stay the project’s', () => {
    const named = (text: string) =>
      findProjectNames(text, [])
        .filter((n) => !n.reference)
        .map((n) => n.name);
    expect(named('位于杏山项目区的鑫达肉业有限公司投产近一年。东岳轴承项目部设在园区。')).toEqual([]);
    expect(named('东岳轴承项目区位优势明显，东岳轴承项目部分厂房已完工。')).toEqual([
      '东岳轴承项目',
      '东岳轴承项目',
    ]);
  });
});

describe('lists and batches, third round (issue 13)', () => {
  const named = (text: string) =>
    findProjectNames(text, [])
      .filter((n) => !n.reference)
      .map((n) => n.name);

  it('a list before 等一批…的项目 or 等9个市、县重点项目 names its items', () => {
    expect(
      named('东岳钢铁特钢板材技改升级、华瑞新材料产业基地二期等一批投资体量大、市场前景广阔的项目加快建设。'),
    ).toEqual(['东岳钢铁特钢板材技改升级项目', '华瑞新材料产业基地二期项目']);
    expect(named('园区承担的汇达医疗、骏远零部件产业园等9个市、县重点项目总投资26.5亿元。')).toEqual([
      '汇达医疗项目',
      '骏远零部件产业园项目',
    ]);
  });

  it('figures said of 此次集中开工项目 or 这些项目 are the batch’s, not the project in focus', () => {
    const text =
      '总投资72亿元的东岳数字经济产业综合基地项目开工。此次集中开工项目达产后，预计年产值113.8亿元，纳税超3.78亿元。';
    const [p] = projectsOf(text);
    expect(p?.investment?.yuan).toBe(7_200_000_000);
    expect(p?.outputValue).toBeNull();
    expect(p?.tax).toBeNull();
  });
});

describe('names and capacities, third round (issue 13)', () => {
  it('a capacity ends where the next item brings its own 年产', () => {
    const caps = findCapacities('东岳碳素公司年产50万吨预焙阳极、华瑞集团年产600万套轿车子午胎等项目开工。');
    expect(caps.map((c) => c.items.map((i) => i.value))).toEqual([[500_000], [6_000_000]]);
  });

  it('a name built by 该项目 in its own sentence is that project, not another', () => {
    const text =
      '东岳新能源高效电池制造基地项目总投资110亿元。该项目占地800亩，规划建设三栋标准化厂房，实现20GW高效晶硅电池项目建设。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.name)).toEqual(['东岳新能源高效电池制造基地项目']);
    expect(ps[0]?.investment?.yuan).toBe(11_000_000_000);
  });

  it('a space between two codes stays inside the name (20GW N型)', () => {
    const [p] = projectsOf('近日，计划总投资20亿元的20GW N型超薄单晶硅片项目正式签约落户青山开发区。');
    expect(p?.name).toBe('20GW N型超薄单晶硅片项目');
    expect(p?.capacity?.items[0]).toMatchObject({ value: 20, unit: 'GW' });
  });

  it('the same product name with the firm in front or a word more is the same project', () => {
    expect(
      similarProjectNames(
        '20GW N型超薄单晶硅片项目',
        '双鹏新能源科技(江苏)有限公司20GW N型太阳能超薄单晶硅片项目',
      ),
    ).toBe(true);
    expect(similarProjectNames('东岳轴承生产项目', '华瑞冷链物流生产项目')).toBe(false);
  });
});
