import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findRoledMoney } from './money-roles';
import { findStages } from './stage-signal';

// Invented sentences for the stage and investment-attachment rules of the heldout15 round.
const LEAD = '近日记者从市发改委获悉有关情况。今年全市招商引资工作成效明显。\n';

const byName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p]),
  );

describe('stages of batches and wishes', () => {
  it('reads a project name between 签订 and 协议 as a signing', () => {
    const found = findStages('开发区投资公司与星河化工有限公司成功签订甲醛及高效减水剂生产项目投资协议。');
    expect(found.map((s) => s.stage)).toEqual(['签约']);
  });

  it('reads a completion counted over a batch (等12个项目竣工) as done, not as a goal', () => {
    const p = byName('西区一批项目加快建设。云帆食品物流中心等12个项目竣工,星河光电产业园等20个项目开工。');
    expect(p.get('云帆食品物流中心项目')?.stage).toMatchObject({ stage: '竣工验收', planned: false });
    expect(p.get('星河光电产业园项目')?.stage?.stage).toBe('开工');
  });

  it('gives no stage to projects an official only wishes to see finished (早竣工、早投产)', () => {
    const p = byName(
      '市领导调研了星河光电产业园项目和云帆食品物流中心项目,要求推动项目快建设、早竣工、早投产。',
    );
    expect(p.get('星河光电产业园项目')?.stage).toBeNull();
    expect(p.get('云帆食品物流中心项目')?.stage).toBeNull();
  });

  it('still reads a scheduled completion as construction under way', () => {
    const p = byName('云帆食品物流中心项目计划今年年底竣工投产。');
    expect(p.get('云帆食品物流中心项目')?.stage?.stage).toBe('在建');
  });

  it('gives the members a batch counts off by place (其中江北区1个，为…) the batch’s stage', () => {
    const p = byName(
      '新签约项目中,投资50亿元以上项目3个。其中江北区1个,为总投资60亿元的星河光电产业园项目。江南区2个,分别为总投资55亿元的云帆食品物流中心项目和总投资52亿元的海川机械基地项目。',
    );
    for (const name of ['星河光电产业园项目', '云帆食品物流中心项目', '海川机械基地项目'])
      expect(p.get(name)?.stage?.stage, name).toBe('签约');
    expect(p.get('海川机械基地项目')?.investment?.yuan).toBe(5_200_000_000);
  });
});

describe('batches read as "among the projects"', () => {
  it('gives the stage of a sentence about 新签约项目中/开工项目中 to no project in focus', () => {
    const p = byName(
      '潜山区1个,为总投资50亿元的星河铜箔项目。\n全市新开工项目336个。其中,新签约项目中,新开工项目285个。',
    );
    expect(p.get('星河铜箔项目')?.stage ?? null).toBeNull();
  });

  it('still reads 该项目中 as the project in focus', () => {
    const p = byName('星河铜箔项目去年落户园区。在该项目中,一期已开工建设。');
    expect(p.get('星河铜箔项目')?.stage?.stage).toBe('开工');
  });
});

describe('investment attachment', () => {
  it('gives amounts written 分别 to the listed names in order, after or before them', () => {
    const after = byName('总投资分别为8亿元、5亿元的星河光电项目和云帆食品项目等已签约落户高新区。');
    expect(after.get('星河光电项目')?.investment?.yuan).toBe(800_000_000);
    expect(after.get('云帆食品项目')?.investment?.yuan).toBe(500_000_000);
    const before = byName('星河光电项目和云帆食品项目分别投资8亿元、5亿元,已签约落户高新区。');
    expect(before.get('星河光电项目')?.investment?.yuan).toBe(800_000_000);
    expect(before.get('云帆食品项目')?.investment?.yuan).toBe(500_000_000);
  });

  it('keeps an amount joined by 的 to a bare list closed by 等 off its first item', () => {
    const p = byName(
      '此次开工项目中,投资超20亿元的星河光电产业园、云帆食品物流中心及海川机械基地等3个项目来自深圳。',
    );
    expect(p.get('星河光电产业园项目')?.investment ?? null).toBeNull();
  });

  it('still gives each item of a list its own amount (总投资A的X、总投资B的Y等)', () => {
    const p = byName(
      '新开工项目有5个,如总投资21亿元的星河光电产业园项目、总投资11亿元的云帆食品物流中心项目等。',
    );
    expect(p.get('星河光电产业园项目')?.investment?.yuan).toBe(2_100_000_000);
    expect(p.get('云帆食品物流中心项目')?.investment?.yuan).toBe(1_100_000_000);
  });

  it('reads a class a project is one of (投资过10亿元大项目之一) as a bound, not its amount', () => {
    const money = findRoledMoney('该项目是今年开发区集中开工的投资过10亿元大项目之一。');
    expect(money.map((m) => m.role)).toEqual(['other']);
  });

  it('keeps the amount of a project in focus when the next sentence says what it mainly builds', () => {
    const p = byName('星河光电产业园项目日前签约落户高新区。总投资20亿元,主要建设光电生产线。');
    expect([...p.keys()]).toEqual(['星河光电产业园项目']);
    expect(p.get('星河光电产业园项目')?.investment?.yuan).toBe(2_000_000_000);
  });

  it('reads fixed-asset investment done so far as work done, not the total', () => {
    const money = findRoledMoney('截至目前,该项目已经完成固定资产投资额3.6亿元。');
    expect(money.map((m) => m.role)).toEqual(['investment_completed']);
  });
});

// Invented sentences for the batch-step rule of session 13.
describe('the step every counted batch took', () => {
  const stageOf = (text: string, name: string) =>
    projectsOf(text).find((p) => !p.isAggregate && p.name.includes(name))?.stage?.stage ?? null;

  it('a project named after a signing count, with no stage of its own, was signed', () => {
    const text =
      '东川区举行一季度招商引资项目推介活动。活动现场气氛热烈。本次集中签约项目12个,总投资86亿元。其中,远帆新能源电池隔膜项目总投资10亿元,青禾智慧冷链物流园项目总投资5亿元。';
    expect(stageOf(text, '远帆')).toBe('签约');
    expect(stageOf(text, '青禾')).toBe('签约');
  });

  it('batches that took different steps stage none of the projects', () => {
    const text =
      '东川区举行一季度招商引资项目推介活动。活动现场气氛热烈。本次集中签约项目12个,总投资86亿元;集中开工项目8个,总投资40亿元。其中,远帆新能源电池隔膜项目总投资10亿元。';
    expect(stageOf(text, '远帆')).toBeNull();
  });
});
