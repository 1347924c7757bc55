import { describe, expect, it } from 'vitest';
import { findFirmMentions, findParks, findPeople, firmCore, sameFirm } from './entity-extractor';
import { clusterFirms } from './firm-clusters';
import { distinctFirms } from './project-builder';
import { findProjectNames } from './project-names';
import { findSignals, findStages } from './stage-signal';

const names = (text: string) => findFirmMentions(text).map((f) => f.name);

describe('firm names', () => {
  it('finds full legal names and stops at the word before them', () => {
    expect(names('项目由江河新材料科技有限公司投资建设。')).toEqual(['江河新材料科技有限公司']);
    expect(names('在远航智能装备股份有限公司的厂区')).toEqual(['远航智能装备股份有限公司']);
  });
  it('keeps a parenthesised place inside the name', () => {
    expect(names('由星辰动力（苏州）有限公司和临清市长风机械制造有限公司共同出资')).toEqual([
      '星辰动力（苏州）有限公司',
      '临清市长风机械制造有限公司',
    ]);
    expect(names('与海蓝电子(深圳)股份有限公司签约')).toEqual(['海蓝电子(深圳)股份有限公司']);
  });
  it('finds short names with 集团/公司 but not common nouns', () => {
    expect(names('以北辰食品集团为龙头')).toEqual(['北辰食品集团']);
    expect(names('该公司表示，子公司和上市公司都在增长')).toEqual([]);
  });
  it('takes an alias declared after a name', () => {
    const firms = findFirmMentions('东岳置业有限公司（以下简称“东岳公司”）计划投资。东岳公司将建设酒店。');
    const { clusters } = clusterFirms(firms);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.name).toBe('东岳置业有限公司');
    expect(clusters[0]?.mentions).toHaveLength(2);
  });
  it('recognises a listed firm without suffix and its longer forms as one firm', () => {
    const firms = findFirmMentions('2022年5月，青禾农牧在上交所主板上市。青禾农牧食品集团今年出口增长。');
    const { clusters } = clusterFirms(firms);
    expect(clusters.map((c) => [c.name, [...c.aliases]])).toEqual([['青禾农牧食品集团', ['青禾农牧']]]);
  });
  it('recognises short names the caller already knows', () => {
    const firms = findFirmMentions('鸿远机电今年订单饱满。', [
      { id: 'f1', name: '山东鸿远机电有限公司', aliases: ['鸿远机电'] },
    ]);
    expect(firms[0]).toMatchObject({ name: '鸿远机电', source: 'known', knownId: 'f1' });
  });
  it('reads enumerations of firms', () => {
    expect(names('金石铝业、远山化工、北辰集团等骨干企业')).toEqual(['金石铝业', '远山化工', '北辰集团']);
  });
  it('compares firm names by their distinctive core', () => {
    expect(firmCore('山东青禾农牧食品有限公司')).toBe('青禾农牧食品');
    expect(firmCore('临清市长风机械制造有限公司')).toBe('长风机械制造');
    expect(sameFirm('青禾农牧', '青禾农牧食品集团')).toBe(true);
    expect(sameFirm('青禾农牧', '远山化工')).toBe(false);
  });
});

describe('parks', () => {
  it('finds parks and zones, including the bare 开发区 of a local paper', () => {
    const parks = findParks('项目落户临河经济技术开发区，以云杉食品产业园为载体，在开发区建设。').map(
      (p) => p.name,
    );
    // The bare 开发区 is the one zone the text named in full.
    expect(parks).toEqual(['临河经济技术开发区', '云杉食品产业园', '临河经济技术开发区']);
  });
  it('skips generic park words', () => {
    expect(findParks('一批特色专业园区')).toHaveLength(0);
  });
});

describe('people', () => {
  it('reads titles and names', () => {
    const people = findPeople('项目负责人周立新介绍，招商局副局长孙岩说：“很好。”负责人钱程表示');
    expect(people.map((p) => [p.title, p.name])).toEqual([
      ['项目负责人', '周立新'],
      ['副局长', '孙岩'],
      ['负责人', '钱程'],
    ]);
    expect(people[1]?.organisation).toBe('招商局');
  });
});

describe('project names', () => {
  const projects = (text: string) =>
    findProjectNames(text, findFirmMentions(text))
      .filter((n) => !n.reference)
      .map((n) => n.name);
  it('keeps a 年产 capacity that precedes 的 in the name', () => {
    expect(projects('这是一个年产8万吨的精密铸件项目。')).toEqual(['年产8万吨的精密铸件项目']);
  });
  it('strips the place a project is in', () => {
    expect(projects('在高新区明光新材料年产3万吨碳纤维项目现场')).toEqual(['明光新材料年产3万吨碳纤维项目']);
  });
  it('splits A、B等项目 lists', () => {
    expect(projects('主要包括北塔光伏组件、南湖冷链物流等项目。')).toEqual([
      '北塔光伏组件项目',
      '南湖冷链物流项目',
    ]);
  });
  it('treats 该项目, 重点项目 and counts as references', () => {
    const all = findProjectNames('该项目是重点项目之一，全市集中开工30个项目。', []);
    expect(all.every((n) => n.reference || n.aggregate)).toBe(true);
    expect(all.some((n) => n.aggregate)).toBe(true);
  });
  it('names a project after the firm in "X的项目"', () => {
    expect(projects('在青松机械有限公司的项目现场')).toEqual(['青松机械有限公司项目']);
  });
  it('finds a facility built with an investment', () => {
    expect(projects('公司计划投资3亿元建设智能仓储物流园，')).toEqual(['智能仓储物流园']);
  });
});

describe('stages and signals', () => {
  it('reads stages with tense and skips conditions', () => {
    const st = findStages('主体已完工，预计年底投产，投产后年产值5亿元');
    expect(st.map((s) => [s.stage, s.planned])).toEqual([
      ['主体完工', false],
      ['投产', true],
    ]);
  });
  it('reads equipment commissioning and acceptance', () => {
    expect(findStages('设备进厂调试').map((s) => s.stage)).toEqual(['设备调试']);
    expect(findStages('通过竣工验收').map((s) => s.stage)).toEqual(['竣工验收']);
  });
  it('reports partial completion as under construction', () => {
    expect(findStages('主体工程已完成60%')[0]?.stage).toBe('在建');
  });
  it('finds capacity pressure, listing, expansion and financing, once per sentence', () => {
    const kinds = findSignals('订单饱满，产能不足。公司拟在北交所上市，并扩建二期。完成B轮融资。').map(
      (s) => s.kind,
    );
    expect(kinds).toEqual(['capacity_pressure', 'listing', 'expansion', 'financing']);
  });
});

describe('firm name edges (this round)', () => {
  const names = (t: string) => findFirmMentions(t).map((f) => f.name);

  it('drops the words of a sentence before a name the text also writes without them', () => {
    const t = '我们希望远航精密机械有限公司早日投产。远航精密机械有限公司成立于2010年。';
    expect(names(t)).toEqual(['远航精密机械有限公司', '远航精密机械有限公司']);
  });

  it('does not take the unit of a date or a kind of firm as part of the name', () => {
    expect(names('8月15日青禾控股集团宣布投资。')).toContain('青禾控股集团');
    expect(names('台企明耀光电科技有限公司落户园区。')).toContain('明耀光电科技有限公司');
  });

  it('does not read a listed project as a firm', () => {
    const t = '包括星河数据科技有限公司、智算中心项目、云图软件有限公司等企业入驻。';
    expect(names(t)).not.toContain('智算中心项目');
  });
});

describe('park names (this round)', () => {
  const parks = (t: string) => findParks(t).map((p) => p.name);

  it('starts a park name after the verbs and adverbs of the sentence (jieba tags)', () => {
    expect(parks('这将进一步壮大经开区新材料产业。')).toEqual(['经开区']);
    expect(parks('又一家企业宣布入驻新区。')).toEqual([]);
  });

  it('keeps a single character that is part of a place name', () => {
    expect(parks('项目落户衢饶示范区。')).toEqual(['衢饶示范区']);
  });

  it('reads a short or bare zone as the full name the text gave it once', () => {
    expect(parks('项目落户临川经济技术开发区。临川经开区管委会表示，经开区将做好服务。')).toEqual([
      '临川经济技术开发区',
      '临川经济技术开发区',
      '临川经济技术开发区',
    ]);
  });
});

describe('project name edges (this round)', () => {
  const projects = (text: string) =>
    findProjectNames(text, findFirmMentions(text))
      .filter((n) => !n.reference)
      .map((n) => n.name);

  it('starts the first item of a list after the clause verb that opens it', () => {
    expect(projects('此次集中开工有瑞丰精密铸造、海川冷链物流等6个项目。')).toEqual([
      '瑞丰精密铸造项目',
      '海川冷链物流项目',
    ]);
  });

  it('starts a project name after 仪式暨 (two events joined)', () => {
    expect(projects('举行重点项目集中开工仪式暨鑫瑞达检测项目奠基仪式。')).toContain('鑫瑞达检测项目');
  });
});

describe('one firm, one entry (this round)', () => {
  it('keeps the legal name over its brand, and the name without a place before it', () => {
    const pos = { start: 0, end: 1 };
    expect(
      distinctFirms([
        ['中禾', pos],
        ['吉林中禾生物材料有限公司', pos],
      ]).map(([n]) => n),
    ).toEqual(['吉林中禾生物材料有限公司']);
    expect(
      distinctFirms([
        ['华岭新材料科技有限公司', pos],
        ['临川经济开发区华岭新材料科技有限公司', pos],
      ]).map(([n]) => n),
    ).toEqual(['华岭新材料科技有限公司']);
  });

  it('does not read provinces alone or a description as a firm name', () => {
    const names = findFirmMentions('湖南湖北分公司负责销售。这是一家多元化集团公司。').map((f) => f.name);
    expect(names).not.toContain('湖南湖北分公司');
    expect(names).not.toContain('多元化集团公司');
  });
});

describe('a unit written right after its group', () => {
  it('is one firm with it', () => {
    const names = (t: string) => findFirmMentions(t).map((f) => f.name);
    expect(names('云帆酿业集团醋业有限公司生产基地主体完工。')).toEqual(['云帆酿业集团醋业有限公司']);
    expect(names('中国星河投资集团有限公司青海分公司储能示范项目开工。')).toEqual([
      '中国星河投资集团有限公司青海分公司',
    ]);
    expect(names('云帆集团、青山实业有限公司签约。')).toEqual(['云帆集团', '青山实业有限公司']);
  });

  it('leaves out a ranking, the verb of joining and the firms of a zone before a name', () => {
    const names = (t: string) => findFirmMentions(t).map((f) => f.name);
    expect(names('由县政府与中国500强企业云帆集团有限公司签约。')).toEqual(['云帆集团有限公司']);
    expect(names('2007年加入星河可乐饮料有限公司。')).toEqual(['星河可乐饮料有限公司']);
    expect(names('园区为入园企业青山燃气公司提供服务。')).toEqual(['青山燃气公司']);
  });
});
