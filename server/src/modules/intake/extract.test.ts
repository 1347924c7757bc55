import { describe, expect, it } from 'vitest';
import { extractArticle, extractPage, ruleExtractor } from './extract';

// A made-up report in the style of a local paper, written for this test.
const REPORT = [
  '“目前，厂房主体已全部完工，预计9月设备进场调试。”7月3日，在松涛新材料有限公司的项目现场，负责人刘敏介绍。',
  '',
  '这是一个年产6万吨的高性能膜材料项目，由松涛新材料有限公司和潍坊市远航化工有限公司共同投资建设，总投资4.5亿元，投产后预计可新增就业800人，实现年产值12亿元，税收3000万元。',
  '',
  '今年1—6月，松涛新材料出口1.2亿元，同比增长近15%。受订单饱满影响，企业产能不足，正在筹划扩产。',
].join('\n');

describe('extractArticle on a short report', () => {
  const r = extractArticle(REPORT, { articleDate: '2024-07-05' });
  const p = r.projects.find((x) => x.name.includes('膜材料'));

  it('finds the project with its figures', () => {
    expect(p).toBeDefined();
    expect(p?.capacity?.items[0]).toMatchObject({ value: 60_000, unit: '吨' });
    expect(p?.investment?.yuan).toBe(450_000_000);
    expect(p?.jobs?.count).toBe(800);
    expect(p?.outputValue?.yuan).toBe(1_200_000_000);
    expect(p?.tax?.yuan).toBe(30_000_000);
  });
  it('ties the opening quote, the firms and the contact to the project', () => {
    expect(p?.companies.map((c) => c.name)).toEqual(
      expect.arrayContaining(['松涛新材料有限公司', '潍坊市远航化工有限公司']),
    );
    expect(p?.stage?.stage).toBe('主体完工');
    expect(p?.dates.map((d) => [d.date, d.stage, d.planned])).toEqual(
      expect.arrayContaining([
        ['2024-07-03', null, false],
        ['2024-09', '设备调试', true],
      ]),
    );
    expect(p?.contacts.map((c) => c.name)).toEqual(['刘敏']);
  });
  it('gives the firm’s exports with growth to its project', () => {
    expect(p?.exports?.value.yuan).toBe(120_000_000);
    expect(p?.exports?.growth).toMatchObject({ value: 15, qualifier: 'nearly' });
  });
  it('raises signals with the firm they are about', () => {
    expect(r.signals.map((s) => [s.kind, s.firm])).toEqual([
      ['capacity_pressure', '松涛新材料有限公司'],
      ['expansion', '松涛新材料有限公司'],
    ]);
  });
  it('returns spans that point at the words in the input', () => {
    const inv = p?.investment;
    expect(inv && REPORT.slice(inv.span.start, inv.span.end)).toBe('4.5亿元');
    const cap = p?.capacity;
    expect(cap && REPORT.slice(cap.span.start, cap.span.end)).toBe('年产6万吨');
    for (const f of r.firms)
      for (const s of f.spans) expect(REPORT.slice(s.start, s.end).length).toBeGreaterThan(1);
  });
  it('maps spans across column wraps back to the original text', () => {
    const wrapped = '项目由松涛新材\n料有限公司投资\n，总投资2.5亿\n元。';
    const w = extractArticle(wrapped);
    const f = w.firms[0];
    expect(f?.name).toBe('松涛新材料有限公司');
    expect(f && wrapped.slice(f.spans[0]?.start, f.spans[0]?.end)).toBe('松涛新材\n料有限公司');
  });
});

describe('batch reports', () => {
  it('keeps totals apart and dates the batch from the lead sentence', () => {
    const text =
      '5月6日，临河经济开发区重点项目集中签约活动举行，共签约8个项目，总投资52亿元。其中，青石科技有限公司计划投资6亿元建设智能传感器项目。';
    const r = extractArticle(text, { articleDate: '2024-05-07' });
    const agg = r.projects.find((p) => p.isAggregate);
    expect(agg?.investment?.yuan).toBe(5_200_000_000);
    const p = r.projects.find((x) => x.name === '智能传感器项目');
    expect(p?.investment?.yuan).toBe(600_000_000);
    expect(p?.companies.map((c) => c.name)).toEqual(['青石科技有限公司']);
    expect(p?.stage?.stage).toBe('签约');
    expect(p?.park?.name).toBe('临河经济开发区');
    expect(p?.dates.map((d) => d.date)).toContain('2024-05-06');
  });
});

describe('extractPage', () => {
  it('splits and extracts each article', () => {
    const page = [
      '橡胶项目签约',
      '',
      '本报讯 6月1日，年产5万套轮胎项目签约，总投资3亿元。',
      '',
      '学校开学',
      '',
      '本报讯 9月1日，新学期开学。',
    ].join('\n');
    const r = extractPage(page, { articleDate: '2024-09-02' });
    expect(r.articles.map((a) => a.title)).toEqual(['橡胶项目签约', '学校开学']);
    expect(r.articles[0]?.projects[0]?.investment?.yuan).toBe(300_000_000);
    expect(r.articles[1]?.projects).toEqual([]);
  });
  it('warns about empty input and returns nothing', () => {
    expect(extractPage('   ')).toEqual({ articles: [], warnings: ['input is empty'] });
  });
  it('is available behind the Extractor interface', async () => {
    const r = await ruleExtractor.extractPage('本报讯 签约年产1万台电机项目。');
    expect(r.articles[0]?.projects[0]?.capacity?.items[0]?.unit).toBe('台');
  });
});
