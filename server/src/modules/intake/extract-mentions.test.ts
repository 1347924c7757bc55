// Issue 13, project recall on unfamiliar shapes (the round of heldout12): two names joined by 及 in the
// last item of a list, a count of 项 or 只 that makes a batch, a station or park that is the subject of
// its own stage with no 项目. Sentences of our own in those shapes (none is copied from an eval passage).
import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

const singles = (text: string) => projectsOf(text).filter((p) => !p.isAggregate);

describe('project mentions in list and subject shapes', () => {
  it('splits the last list item that joins two names with 及', () => {
    const text =
      '3月8日,该县集中开工滨河湿地公园、城南冷链物流中心及汽车配件交易市场等3个项目,总投资12亿元。';
    expect(singles(text).map((p) => p.name)).toEqual([
      '滨河湿地公园项目',
      '城南冷链物流中心项目',
      '汽车配件交易市场项目',
    ]);
  });

  it('keeps one project whose product is joined by 及 to a quantity', () => {
    const text = '开工项目有临港新材料产业园、年产20万吨碳酸锂及10万吨氢氧化锂项目等5个项目。';
    expect(singles(text).map((p) => p.name)).toContain('年产20万吨碳酸锂及10万吨氢氧化锂项目');
  });

  it('reads a count of 项 before the words of a kind as a batch, not a project', () => {
    const text = '列入规划的26项重大工程项目今年全部开工。';
    expect(singles(text)).toEqual([]);
  });

  it('reads 等N只项目 as a list closed by a count', () => {
    const text = '红星纺织三期、华泰机械等4只重点工业项目竣工投产。';
    expect(singles(text).map((p) => p.name)).toEqual(['红星纺织三期项目', '华泰机械项目']);
  });

  it('takes a station that is the subject of its own groundbreaking as a project', () => {
    const text = '纳入省重点的西江抽水蓄能电站主体工程于5月实现全面开工,建成后年发电量12亿千瓦时。';
    const p = singles(text).find((x) => x.name.includes('西江抽水蓄能电站'));
    expect(p?.stage?.stage).toBe('开工');
  });

  it('reads an English project name through a gloss in brackets', () => {
    const text =
      'On the morning of May 6, the park held the groundbreaking ceremony of the 5,000-ton PBAT (Polybutylene Adipate Terephthalate) Project in Huaxin Company.';
    expect(singles(text).map((p) => p.name)).toContain('PBAT (Polybutylene Adipate Terephthalate) Project');
  });
});

describe('a one-character function word at the front of a name', () => {
  it('is part of the name when jieba reads it with the next character as one noun', () => {
    const names = singles(
      '投资7000万元的江苏同乐面粉加工项目建成投产。投资2亿元的于都县食品加工项目开工。',
    ).map((p) => p.name);
    expect(names).toEqual(['江苏同乐面粉加工项目', '于都县食品加工项目']);
  });

  it('still ends the name when the word it opens is a verb', () => {
    expect(singles('县长张成伟仔细了解项目进展。').map((p) => p.name)).toEqual([]);
  });
});

describe('two names of one sentence that start alike', () => {
  it('are two projects when the second brings an amount of its own', () => {
    const ps = singles(
      '签约项目中，总投资1.65亿元的青石航天基地创业服务中心项目，总投资3.2亿元的青石航天基地热能装备产业化项目。',
    );
    expect(ps.map((p) => [p.name, p.investment?.yuan])).toEqual([
      ['青石航天基地创业服务中心项目', 165_000_000],
      ['青石航天基地热能装备产业化项目', 320_000_000],
    ]);
  });
});

describe('a capacity written into a name', () => {
  it('reads cubic metres and 万 metres of output, not a road’s length in metres', () => {
    const cap = new Map(
      singles(
        '宏达建材公司80万立方米粉醛新型材料生产线项目开工。华宇纺织600万米高档面料项目开工。城南道路2000米改造项目开工。',
      ).map((p) => [p.name, p.capacity?.asWritten ?? null]),
    );
    expect(cap.get('宏达建材公司80万立方米粉醛新型材料生产线项目')).toBe('80万立方米');
    expect(cap.get('华宇纺织600万米高档面料项目')).toBe('600万米');
    expect(cap.get('城南道路2000米改造项目')).toBeNull();
  });
});

describe('既有…又有 before the names of a batch', () => {
  it('opens each name; it is neither part of one nor a firm', () => {
    const ps = singles('此次签约的项目既有华宇信息科技产业园项目，又有青石科创和生态旅游项目。');
    expect(ps.map((p) => p.name)).toEqual(['华宇信息科技产业园项目', '青石科创和生态旅游项目']);
    expect(ps.flatMap((p) => p.companies.map((c) => c.name))).not.toContain('又有');
  });
});
