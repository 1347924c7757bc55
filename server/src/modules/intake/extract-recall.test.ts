// Issue 13, recall on unseen text: real projects the rules missed — two firms' look-alike names, a
// park's category-named project, lists closed by a count, lists whose kind is named apart, items that
// are a firm's short name. Sentences of our own in those shapes (none is copied from an eval passage).
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract';
import { isFirmShortName } from './project-concreteness';

const projectsOf = (text: string) =>
  extractPage(text, { articleDate: '2024-05-10' })
    .articles.flatMap((a) => a.projects)
    .filter((p) => !p.isAggregate);
const names = (text: string) => projectsOf(text).map((p) => p.name);

describe('projects the rules used to miss', () => {
  it('keeps apart two firms whose project names read alike', () => {
    const text =
      '新引进项目包括计划总投资40亿元的华能新能源公司海上风电场开发项目、计划总投资20亿元的国电新能源公司山地风电场开发项目等大项目。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.investment?.yuan).sort()).toEqual([2_000_000_000, 4_000_000_000]);
    expect(ps.map((p) => p.name)).toEqual([
      '华能新能源公司海上风电场开发项目',
      '国电新能源公司山地风电场开发项目',
    ]);
  });

  it('names a project by its park when only category words follow and a figure of its own comes next', () => {
    const text = '其中,滨江铁路总投资30亿元、临港经济区基础设施配套项目总投资12亿元。';
    const p = projectsOf(text).find((x) => x.name.includes('临港经济区'));
    expect(p?.investment?.yuan).toBe(1_200_000_000);
  });

  it('does not name a batch after its park (…经济区产业项目集中签约)', () => {
    expect(names('3月2日,临港经济区产业项目集中签约活动举行,签约项目5个。')).toEqual([]);
  });

  it('reads a 、 list closed by a count without 等, each item with its investor and amount', () => {
    const text =
      '签约落户开发区的项目有:由江西华源矿业公司投资2亿元的华源石材精深加工、由浙江丽水恒达装饰材料有限公司总投资8.5亿元的恒达环保装饰材料产业园2个产业项目。';
    const ps = projectsOf(text);
    expect(ps.map((p) => p.investment?.yuan).sort()).toEqual([200_000_000, 850_000_000]);
    expect(ps.some((p) => p.name.includes('华源石材精深加工'))).toBe(true);
  });

  it('takes a list of industrial projects even when the sentence also lists infrastructure', () => {
    const text =
      '集中开工的12个项目总投资30亿元,包括滨河大道东段、南湖治理等基础设施项目,恒通精工等产业项目。';
    const got = names(text);
    expect(got.some((n) => n.includes('恒通精工'))).toBe(true);
    expect(got.some((n) => n.includes('滨河大道'))).toBe(false);
  });

  it('leaves out a list whose sentence says its items are infrastructure', () => {
    const text = '基础设施类项目8个,总投资20亿元,主要包括城北快速通道、滨河大道改造工程等项目。';
    expect(names(text)).toEqual([]);
  });

  it('knows a firm short name from a kind of product', () => {
    expect(isFirmShortName('恒通精工')).toBe(true);
    expect(isFirmShortName('华友锂业')).toBe(true);
    expect(isFirmShortName('智能电气')).toBe(false);
    expect(isFirmShortName('新型材料')).toBe(false);
    expect(isFirmShortName('广元市化工')).toBe(false);
  });

  it('reads a name through a stop word that is part of it (…储备库项目)', () => {
    const got = names('本次签约的项目包括临港冷链物流项目、漳南大米储备库项目。');
    expect(got).toContain('漳南大米储备库项目');
  });

  it('takes a firm that is the subject of a stage as its project, with the stage', () => {
    const text = '园区内,安徽恒远包装材料有限公司已经竣工投产,预计今年可实现销售2亿元。';
    const [p] = projectsOf(text);
    expect(p?.name).toBe('安徽恒远包装材料有限公司项目');
    expect(p?.stage?.stage).toBe('投产');
    expect(p?.companies.map((c) => c.name)).toEqual(['安徽恒远包装材料有限公司']);
  });

  it('does not take a firm whose stage is only planned or a condition', () => {
    expect(names('安徽恒远包装材料有限公司计划明年开工。')).toEqual([]);
    expect(names('安徽恒远包装材料有限公司在投产近一年后,效益良好。')).toEqual([]);
    // A builder is not the owner, and a firm in a group of firms is no project of its own.
    expect(names('中建八局第一建设有限公司承建的市体育馆主体已经完工。')).toEqual([]);
    expect(names('全县新增规上企业12家,安徽恒远包装材料有限公司等5家企业已建成投产。')).toEqual([]);
  });

  it('gives a bare phase (二期项目) to the firm the text is about', () => {
    const text =
      '位于东区的河源鑫旺食品有限公司投产以来效益良好。今年,企业又投资3000万元上马了二期项目,主体已经完工。';
    const p = projectsOf(text).find((x) => x.name.includes('二期'));
    expect(p?.name).toBe('河源鑫旺食品有限公司二期项目');
    expect(p?.investment?.yuan).toBe(30_000_000);
  });

  it("gives each list item the investor its own lead names, not its neighbour's", () => {
    const text =
      '签约落户开发区的项目有:由江西华源矿业公司投资2亿元的华源石材精深加工、由浙江丽水恒达装饰材料有限公司总投资8.5亿元的恒达环保装饰材料产业园2个产业项目。';
    const companies = projectsOf(text).map((p) => p.companies.map((c) => c.name));
    expect(companies).toEqual([['江西华源矿业公司'], ['浙江丽水恒达装饰材料有限公司']]);
  });

  it('reads a name that ends in 建设项目 through the stop word, and still not a bare kind', () => {
    const text = '园区内的华源新材料有限公司碳纤维检测公共服务平台建设项目正加快推进,计划总投资2亿元。';
    expect(names(text)).toContain('华源新材料有限公司碳纤维检测公共服务平台建设项目');
    expect(names('今年以来,全区重点建设项目加快推进,完成投资20亿元。')).toEqual([]);
  });

  it('names nothing from a list of kinds of work in a meeting report', () => {
    const text =
      '会议要求,积极谋划一批产业升级、城市更新、民生保障、基础设施等大项目、好项目,推动高质量发展。';
    expect(names(text)).toEqual([]);
  });
});
