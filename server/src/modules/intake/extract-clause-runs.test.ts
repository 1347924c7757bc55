import { describe, expect, it } from 'vitest';
import { buildCleanText } from './clean-text';
import { projectsOf } from './extract-test-helpers';

// Invented sentences for session 18's rules: a half-width ; in Chinese text ends a clause as ； does, and
// the rules that read a ；-run (其中 …；…；…, 东区4个：…；西区3个：…) read it across the clauses; the project in
// focus is found by what the sentence names, however far into the article it stands.
const LEAD =
  '近日记者从市发改委获悉有关情况。今年全市招商引资工作成效明显。各部门通力协作。园区服务持续优化。';

const byName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p]),
  );

describe('clauses and runs of clauses', () => {
  it('folds a half-width semicolon in Chinese text to ； and leaves it in English text', () => {
    expect(buildCleanText('项目开工建设;投资4000万元').text).toBe('项目开工建设；投资4000万元');
    expect(buildCleanText('signed; started').text).toBe('signed; started');
  });

  it('ends a clause at a half-width semicolon, so a wish in one clause leaves the next clause done', () => {
    const p = byName(
      '投资20亿元的云帆储能电池项目正式签约,将打造全市首条储能电池生产线;投资1.5亿元的星河精密轴承项目开工建设;投资4000万元的远山专用车项目建成投产。',
    );
    expect(p.get('星河精密轴承项目')?.stage?.stage).toBe('开工');
    expect(p.get('远山专用车项目')?.stage?.stage).toBe('投产');
  });

  it('reads 及其 inside a project name (智能控制系统及其部件)', () => {
    const p = byName('投资1.2亿元的星河智能控制系统及其部件研发制造项目开工建设。');
    expect([...p.keys()]).toEqual(['星河智能控制系统及其部件研发制造项目']);
  });

  it('keeps what a project builds (配套建设…机组项目) inside it, deep into the article', () => {
    const p = byName(
      '其中云帆循环经济一体化项目计划总投资9亿元,主要建设内容为氯碱化工和2×150MW发电机组项目;星河年处理300万吨褐煤提质项目计划总投资7.6亿元,配套建设3×20MW余热发电机组项目;远山矿业采选项目总投资1.2亿元。',
    );
    expect([...p.keys()]).toEqual([
      '云帆循环经济一体化项目',
      '星河年处理300万吨褐煤提质项目',
      '远山矿业采选项目',
    ]);
  });

  it('gives the members counted off by place with a colon (西区3个：…) the batch step', () => {
    const p = byName(
      '二季度园区签约项目20个,投资总额约586亿元;产业基金项目2个。\n当天,还有9个项目集中开工,其中东区4个:云帆研发中心、星河立体停车设备、远山汽车零部件、青禾食品;西区3个:碧水医药物流、金石包装、银湖电子。',
    );
    expect(p.get('银湖电子项目')?.stage?.stage).toBe('开工');
  });

  it('gives "the projects" after a batch counted in the sentence to the batch, not to the project in focus', () => {
    const p = byName(
      '1月10日,全省举行重大项目集中开竣工活动,主会场设在星河智能装备产业园项目建设现场。\n此次集中开竣工重大项目300个,总投资1200亿元。其中开工项目200个,总投资900亿元;竣工项目100个,总投资300亿元,项目涵盖产业发展、基础设施等多个领域。\n在主会场开工的星河智能装备产业园项目,总投资80亿元。',
    );
    expect(p.get('星河智能装备产业园项目')?.stages.map((s) => s.stage)).not.toContain('竣工验收');
  });

  it('reads 已引进 before a project as its signing', () => {
    const p = byName('目前,园区已引进日产80片琉璃瓦项目入驻。');
    expect(p.get('日产80片琉璃瓦项目')?.stage?.stage).toBe('签约');
  });

  it('gives an amount joined by 的 to a quoted slogan and a name to that name', () => {
    const p = byName(
      '结构优化项目120项,包括星河钢铁公司合计投资12亿元的系列技改项目、云帆电力有限公司投资21.5亿元的“上大压小”热电联产项目等。',
    );
    expect(p.get('热电联产项目')?.investment?.yuan).toBe(2_150_000_000);
  });
});
