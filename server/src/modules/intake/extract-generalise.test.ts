// Issue 13: the rules on text unlike the six passages they were first written against. Sentences of
// our own, in the shapes that failed: traditional characters, English, batch lists, quoted officials.
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract';
import { type FirmRecord, firmsNamedIn } from './intake-match';
import { toSimplified } from './traditional';

const projectsOf = (text: string, articleDate = '2024-05-10') =>
  extractPage(text, { articleDate }).articles.flatMap((a) => a.projects);

describe('text the rules were not written against', () => {
  it('reads traditional characters offset for offset (專案 → 项目)', () => {
    const text = '開州區舉行簽約儀式，東嶽精密年產5萬噸軸承專案總投資12億元，達產後年產值30億元。';
    const s = toSimplified(text);
    expect(s.converted).toBe(true);
    expect(s.text.length).toBe(text.length);
    expect(s.text).toContain('年产5万吨轴承项目');
    const [p] = projectsOf(text);
    expect(p?.investment?.yuan).toBe(1_200_000_000);
    expect(p?.outputValue?.yuan).toBe(3_000_000_000);
    expect(text.slice(p?.investment?.span.start, p?.investment?.span.end)).toBe('12億元');
  });

  it('reads an English passage into projects with figures', () => {
    const text =
      'Hengfeng Materials Co., Ltd. signed an agreement on May 8 to build a lithium battery separator plant in the Riverside Economic Development Zone. The plant involves a total investment of 2.4 billion yuan and will have an annual capacity of 500 million square meters. It is expected to create 800 jobs.';
    const [p] = projectsOf(text);
    expect(p?.name).toContain('lithium battery separator plant');
    expect(p?.investment?.yuan).toBe(2_400_000_000);
    expect(p?.jobs?.count).toBe(800);
    expect(p?.companies.map((c) => c.name)).toContain('Hengfeng Materials Co., Ltd.');
    expect(p?.stage?.stage).toBe('签约');
    expect(p?.park?.name).toBe('Riverside Economic Development Zone');
    expect(p?.dates[0]?.date).toBe('2024-05-08');
  });

  it('says why a text gave nothing', () => {
    expect(
      extractPage('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.').warnings,
    ).toEqual([expect.stringContaining('no project found')]);
    expect(extractPage('今天天气很好，我们去公园散步，看到很多人在放风筝。').warnings).toEqual([
      expect.stringContaining('names no project'),
    ]);
  });

  it('keeps category words from naming a project and gives a list its batch stage', () => {
    const text =
      '本次集中开工的基础设施项目和重大产业带动项目进展顺利。总投资15亿元的华晟精密轴承项目、总投资8亿元的瑞丰膜材料项目等12个项目集中开工。';
    const projects = projectsOf(text);
    const names = projects.filter((p) => !p.isAggregate).map((p) => p.name);
    expect(names).not.toContain('基础设施项目');
    expect(names.some((n) => n.includes('重大产业带动'))).toBe(false);
    const huasheng = projects.find((p) => p.name.includes('华晟精密轴承'));
    const ruifeng = projects.find((p) => p.name.includes('瑞丰膜材料'));
    expect(huasheng?.investment?.yuan).toBe(1_500_000_000);
    expect(ruifeng?.investment?.yuan).toBe(800_000_000);
    expect(ruifeng?.stage?.stage).toBe('开工');
  });

  it('never makes a quoted official the contact; the project’s 负责人 is', () => {
    const official = projectsOf(
      '华晟精密年产500万套轴承项目总投资6亿元。市委书记王建国在签约仪式上说，项目将尽快开工。',
    );
    expect(official.flatMap((p) => p.contacts)).toEqual([]);
    const head = projectsOf('在华晟精密年产500万套轴承项目现场，项目负责人李明介绍，设备已进厂调试。');
    expect(head.flatMap((p) => p.contacts.map((c) => c.name))).toContain('李明');
  });

  it('finds firm names in a long text without building its substrings', () => {
    const firms = Array.from(
      { length: 3000 },
      (_, i): FirmRecord => ({
        id: String(i),
        name: `测试${i}号精密机械有限公司`,
        shortName: `测试${i}精密`,
        aliases: [],
        tags: [],
        version: 1,
      }),
    );
    const text = `${'开发区项目建设提速，'.repeat(5000)}测试42精密扩产。`;
    expect(firmsNamedIn(text, firms).map((f) => f.id)).toEqual(['42']);
  });

  it('splits pasted articles at two empty lines', () => {
    const one = '华晟精密年产500万套轴承项目总投资6亿元，目前已开工。';
    const two = '瑞丰新材料年产3万吨膜材料项目签约，总投资8亿元。';
    expect(extractPage(`${one}\n\n\n${two}`).articles).toHaveLength(2);
  });

  it.each([
    ['瑞丰新材料年产3万吨膜材料项目成功引进，总投资8亿元。', { stage: '签约' }],
    ['华晟精密轴承项目落地开发区，总投资6亿元。', { stage: '签约' }],
    ['華晟精密軸承項目正式啟動建設，總投資6億元。', { stage: '开工' }],
    ['华晟精密轴承项目已投运，总投资6亿元。', { stage: '投产' }],
    ['华晟精密轴承项目目前正在试生产，总投资6亿元。', { stage: '试生产' }],
    ['鲁西化工年产30万吨/年己内酰胺项目总投资20亿元。', { cap: 300_000, name: '己内酰胺' }],
    ['阜阳2×66万千瓦超超临界电厂项目总投资58.9亿元。', { cap: 1_320_000 }],
    ['华能风电项目总投资12亿元，建成后年发电量100亿度。', { cap: 10_000_000_000 }],
    ['玄武岩纤维复合新材料产业应用科技城项目总投资超百亿元。', { inv: 10_000_000_000 }],
  ])('reads %s', (text, want: { stage?: string; cap?: number; name?: string; inv?: number }) => {
    const [p] = projectsOf(text);
    if (want.stage) expect(p?.stage?.stage).toBe(want.stage);
    if (want.cap) expect(p?.capacity?.items[0]?.value).toBe(want.cap);
    if (want.name) expect(p?.name).toContain(want.name);
    if (want.inv) expect(p?.investment?.yuan).toBe(want.inv);
  });
});

describe('stages of listed projects (this round)', () => {
  const stageOf = (text: string, name: string) =>
    projectsOf(text).find((p) => p.name.includes(name))?.stage?.stage ?? null;

  it('gives a 竣工项目 list its stage: an attributive stage word is a reported class, not a goal', () => {
    const text = '今年全区有3个竣工项目,分别是东岭精密轴承项目、北辰光电显示模组项目、南湖冷链物流园项目。';
    expect(stageOf(text, '东岭精密轴承')).toBe('竣工验收');
    expect(stageOf(text, '南湖冷链物流园')).toBe('竣工验收');
  });

  it('gives the list after 竣工的有 its stage, items led by their amounts', () => {
    const text = '今年竣工的有总投资8亿元的东岭精密轴承项目、总投资5亿元的北辰光电显示模组项目。';
    expect(stageOf(text, '东岭精密轴承')).toBe('竣工验收');
    expect(stageOf(text, '北辰光电显示模组')).toBe('竣工验收');
  });

  it('gives each name of a list opened by the stage verb that stage (新签约A、B等项目N个)', () => {
    const text = '上半年,园区新签约泰和精细化工项目、永昌智能仓储项目等工业项目6个,总投资20亿元。';
    expect(stageOf(text, '泰和精细化工')).toBe('签约');
    expect(stageOf(text, '永昌智能仓储')).toBe('签约');
  });
});

describe('parts of a named project (this round)', () => {
  it('reads what a named project builds (主要建设内容为…项目, 配套建设…生产线) as part of it', () => {
    const text =
      '东岭新材料一体化项目计划总投资20亿元,主要建设内容为年产10万吨PVC和2×50MW热电联产项目,配套建设年产30万块免烧砖生产线。';
    const singles = projectsOf(text).filter((p) => !p.isAggregate);
    expect(singles).toHaveLength(1);
    expect(singles[0]?.name).toContain('东岭新材料一体化');
    expect(singles[0]?.investment?.yuan).toBe(2_000_000_000);
  });
});

describe('English reports of an event (this round)', () => {
  it('reads a groundbreaking ceremony as a start', () => {
    const text =
      'The groundbreaking ceremony for the Lakeside Optics Industrial Park project was held on May 8. The project has a total investment of 2.4 billion yuan.';
    const p = projectsOf(text).find((x) => /Lakeside/.test(x.name));
    expect(p?.stage?.stage).toBe('开工');
  });

  it('gives projects named after a lead about a start that stage', () => {
    const text = [
      '20 projects in Riverton started intensively',
      'Today, 20 key industrial projects started in Riverton with a total investment of 9 billion yuan.',
      'Among them, the Northgate smart sensor manufacturing base project has a total investment of 2 billion yuan. It will produce 5 million sensors a year.',
    ].join('\n');
    const p = projectsOf(text).find((x) => /Northgate/.test(x.name));
    expect(p?.investment?.yuan).toBe(2_000_000_000);
    expect(p?.stage?.stage).toBe('开工');
  });
});

describe('capacity written into a name (this round)', () => {
  it('reads the output a project name states when no sentence gives one', () => {
    const text = '北疆纺织有限公司50万锭紧密纺建设项目开工,总投资12亿元。';
    const p = projectsOf(text).find((x) => x.name.includes('紧密纺'));
    expect(p?.capacity?.asWritten).toBe('50万锭');
  });

  it('does not read money or land in a name as a capacity', () => {
    const text = '南湖5000万元技改项目开工,占地50亩。';
    const p = projectsOf(text).find((x) => x.name.includes('技改'));
    expect(p?.capacity ?? null).toBeNull();
  });
});

describe('a firm that invests in the name after 的', () => {
  it('is that project’s investor, not the one named before it', () => {
    const companies = projectsOf(
      '华光实业有限公司投资10.2亿元的石英管项目、东城科技股份有限公司投资5.96亿元的触摸屏项目在开发区开工。',
    ).map((p) => [p.name, p.companies.map((c) => c.name)]);
    expect(companies).toEqual([
      ['石英管项目', ['华光实业有限公司']],
      ['触摸屏项目', ['东城科技股份有限公司']],
    ]);
  });
});
