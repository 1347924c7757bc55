import { beforeAll, describe, expect, it } from 'vitest';
import { findParks } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { tagWords } from './firm-short-names';

beforeAll(() => {
  tagWords('预热');
}, 60_000);

// Invented sentences for the park rules of the round of heldout14: parks a sentence names without
// saying that a project is in them.
const parkOf = (text: string, name: string) =>
  projectsOf(text).find((p) => !p.isAggregate && p.name.includes(name))?.park?.name ?? null;

describe('parks that place no project', () => {
  it('the zone of an official’s title is his office, not where the project he visits is', () => {
    const text =
      '省政府副省长、开发区党工委书记赵某一行调研了瑞达机械年产500台挖掘机项目,该项目总投资3亿元。';
    expect(parkOf(text, '挖掘机')).toBeNull();
  });

  it('a 产业园 a firm builds is its project, not the park of the project named beside it', () => {
    const text =
      '据介绍,明泉集团投资25亿元实施聚苯硫醚项目,推动转型;伊莱特投资近30亿元打造深海核电产业园,实现蜕变。';
    expect(parkOf(text, '聚苯硫醚')).toBeNull();
  });

  it('a zone the project goes to stays its park', () => {
    expect(parkOf('云帆光电显示模组项目总投资5亿元,位于北岭经济开发区,主要建设生产车间。', '云帆')).toBe(
      '北岭经济开发区',
    );
    expect(parkOf('总投资8亿元的锦程新能源电池回收项目正式签约,项目将落地青山工业园区。', '锦程')).toBe(
      '青山工业园区',
    );
  });
});

describe('parks a report names once for many projects', () => {
  it('a sentence placing a batch in a zone is the park of the items named after it, up to the next one', () => {
    const text =
      '冲刺二季度 奋战开门红。\n3月,全县重点项目建设如火如荼。\n在青山经济开发区,12个重点项目集中开工,总投资36亿元。其中,华锐新能源电池项目总投资12亿元;天成精密机械项目总投资5亿元。此外,在河口工业园区,5个项目集中签约。其中,佳美食品项目总投资3亿元。';
    expect(parkOf(text, '华锐')).toBe('青山经济开发区');
    expect(parkOf(text, '天成')).toBe('青山经济开发区');
    expect(parkOf(text, '佳美')).toBe('河口工业园区');
  });

  it('a zone joined by 的 to some items of a batch is not every item’s park', () => {
    const text =
      '冲刺二季度 奋战开门红。\n全县项目建设如火如荼。\n签约的4个项目中,青山开发区的华锐电池项目、天成机械项目已开工。佳美养老产业项目计划投资2亿元,将建设养老床位300张。';
    expect(parkOf(text, '华锐')).toBe('青山开发区');
    expect(parkOf(text, '佳美养老')).toBeNull();
  });

  it('经开区 is the short form of a 经济开发区 named in full', () => {
    const parks = findParks('利津经济开发区举行项目集中开工。利津经开区今年新开工项目12个。');
    expect(parks.map((p) => p.name)).toEqual(['利津经济开发区', '利津经济开发区']);
  });
});
