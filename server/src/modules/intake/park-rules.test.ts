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

// Invented sentences for the park rules of session 13: a zone that heads a list item, and the kinds
// of zone (自贸试验区的片区, 新片区, 产业新城, 示范园) a report names as a project's park.
describe('a zone heading a list item is that item’s park', () => {
  it('each item keeps the zone written before its own name, not the next item’s', () => {
    const text =
      '签约仪式上,北岭经济开发区瑞达精密轴承项目,南湖经济技术开发区高频电源、电感元器件项目,西岗高新区50万千瓦光伏发电项目,东坪工业园区氢能装备项目集中签约。';
    expect(parkOf(text, '轴承')).toBe('北岭经济开发区');
    expect(parkOf(text, '电感')).toBe('南湖经济技术开发区');
    expect(parkOf(text, '光伏发电')).toBe('西岗高新区');
    expect(parkOf(text, '氢能装备')).toBe('东坪工业园区');
  });

  it('a park followed by 、 is an item of its own and heads nothing', () => {
    const text = '开工的项目中,有青禾智慧园区、北岭经济开发区远帆运动鞋生产基地项目等。';
    expect(parkOf(text, '远帆')).toBe('北岭经济开发区');
  });
});

describe('kinds of zone', () => {
  it('a free-trade zone’s 片区, a 新片区, a 产业新城 and a 示范园 are parks', () => {
    expect(findParks('项目落户中国(云南)自由贸易试验区昆明片区。').map((p) => p.name)).toContain(
      '中国(云南)自由贸易试验区昆明片区',
    );
    expect(parkOf('长风集成电路封装项目总投资20亿元,位于临海新片区,今日开工。', '长风')).toBe('临海新片区');
    expect(parkOf('瑞光电子铜箔项目总投资9亿元,落户大岭产业新城。', '瑞光')).toBe('大岭产业新城');
    expect(parkOf('锦华120万锭纺纱项目总投资7亿元,位于河西生态纺织产业示范园。', '锦华')).toBe(
      '河西生态纺织产业示范园',
    );
  });
});
