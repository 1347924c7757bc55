import { beforeAll, describe, expect, it } from 'vitest';
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
