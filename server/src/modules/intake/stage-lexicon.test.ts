import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findRoledMoney } from './money-roles';
import { findStages } from './stage-signal';

// Invented sentences for the general rules of the stage lexicon and per-mu amounts.

/** The stages of the single projects (not batch totals) read from a text, in order. */
const stages = (text: string) =>
  projectsOf(text)
    .filter((p) => !p.isAggregate)
    .map((p) => p.stage?.stage ?? null);

describe('stage lexicon', () => {
  it('reads 竣工投产 and 建成投产 as production, not completion', () => {
    expect(findStages('华达轴承项目已竣工投产。').map((s) => s.stage)).toEqual(['投产']);
    expect(findStages('该项目去年建成投产。').map((s) => s.stage)).toEqual(['投产']);
  });

  it('reads a batch 开竣工 (started and completed together) as started, the one step sure of each item', () => {
    expect(findStages('全市重大项目集中开竣工活动举行。').map((s) => s.stage)).toEqual(['开工']);
  });

  it('reads 基本具备竣工条件 as structure completed', () => {
    expect(findStages('鸿远化工项目基本具备竣工条件。').map((s) => s.stage)).toEqual(['主体完工']);
  });

  it('reads three stage words joined by 、 before 项目 as kinds of projects counted, no step of one', () => {
    expect(findStages('全年新开工、在建、竣工项目不少于170个。').map((s) => s.stage)).toEqual([]);
    expect(
      stages(
        '2月2日，青石区重大项目集中开工仪式在华宇智能电气有限公司储能项目现场举行。全年新开工、在建、竣工项目不少于170个。',
      ),
    ).toEqual(['开工']);
    // Two may be the steps of the day's batch, which its members took one or the other of.
    expect(findStages('当天开工和签约项目中，投资额最高的是华宇项目。').map((s) => s.stage)).toEqual([
      '开工',
      '签约',
    ]);
  });

  it('reads a completion that describes the project named after it (建成竣工的…项目) as done', () => {
    expect(
      stages('其中，建成竣工的东群科技纳米氧化锌项目，年产纳米氧化锌3万吨，将有助于产业链条进一步延伸。'),
    ).toEqual(['竣工验收']);
  });

  it('reads 完成了二层主体工程 (a part of the structure named between) as the structure completed', () => {
    expect(findStages('目前，该项目已经完成了二层主体工程的建设工作。').map((s) => s.stage)).toEqual([
      '主体完工',
    ]);
  });

  it('reads 试车生产 as trial production', () => {
    expect(findStages('一号高炉目前已试车生产。').map((s) => s.stage)).toEqual(['试生产']);
  });
});

describe('stage words of this round', () => {
  it('reads 开复工 as a start and a bare 复工 as work under way', () => {
    expect(findStages('东城片区20个项目均如期开复工。').map((s) => s.stage)).toEqual(['开工']);
    expect(findStages('春节后该厂区已全面复工。').map((s) => s.stage)).toEqual(['在建']);
  });

  it('reads a bare 签订 before 的 as a signing', () => {
    expect(findStages('与远星集团签订的总投资5亿元的冷链项目。').map((s) => s.stage)).toEqual(['签约']);
  });
});

describe('per-mu amounts', () => {
  it('keeps an amount written per mu off the project totals', () => {
    const money = findRoledMoney('项目投产后,预计年税收超60万/亩,年营业收入超800万元/亩。');
    expect(money.length).toBeGreaterThan(0);
    expect(money.every((m) => m.role === 'other')).toBe(true);
  });

  it('still reads a plain annual tax', () => {
    const money = findRoledMoney('项目投产后,预计年税收3000万元。');
    expect(money.map((m) => m.role)).toEqual(['tax']);
  });
});

describe('a stage the text pushes for', () => {
  it('is a goal: 在谈 projects that 推进签约 are still being negotiated', () => {
    expect(
      stages('总投资100亿元的华光电池材料项目、总投资50亿元的鑫瑞达显示器件项目等在谈项目推进签约。'),
    ).toEqual(['在谈', '在谈']);
  });

  it('leaves a stage reached as it is', () => {
    expect(stages('华光电池材料项目已经签约。')).toEqual(['签约']);
  });
});

describe('stage words of session 16', () => {
  it('reads projects that 相继启动 as started', () => {
    expect(findStages('鸿达铜业、远景科技等项目相继启动。').map((s) => s.stage)).toEqual(['开工']);
    expect(stages('鸿达铜业年产5万吨铜杆项目、远景科技智能装备项目相继启动。')).toEqual(['开工', '开工']);
  });

  it('reads 完成主体工程 as the structure done, and a plan to finish it as a project being built', () => {
    expect(findStages('华宇物流园项目已完成主体工程。').map((s) => s.stage)).toEqual(['主体完工']);
    expect(stages('华宇物流园项目将建设仓储中心，预计年底前完成主体工程。')).toEqual(['在建']);
  });

  it('reads 正在加速推进 as a project being built', () => {
    expect(stages('宏远化工30万吨尿素项目正在加速推进。')).toEqual(['在建']);
  });

  it('reads the first pile or spadeful as the start', () => {
    expect(findStages('随着打桩机轰鸣，项目打下了第一根桩。').map((s) => s.stage)).toEqual(['开工']);
    expect(findStages('嘉宾们为园区铲起了第一锹土。').map((s) => s.stage)).toEqual(['开工']);
  });

  it('takes a ceremony held at a 施工现场 as the scene, not as a stage the project reached', () => {
    expect(stages('全县秋季项目集中开工仪式在华美新材料产业园项目施工现场举行。')).toEqual(['开工']);
    // With nothing else said, building seen on site still tells that the project is being built.
    expect(stages('在华美新材料产业园项目施工现场，工人们来回穿梭。')).toEqual(['在建']);
  });
});

describe('a stage still ahead (session 16)', () => {
  it('reads production counted down to, or due once some time has passed, as a project being built', () => {
    expect(stages('总投资8亿元的华宇饮品生产基地项目已进入投产倒计时。')).toEqual(['在建']);
    expect(stages('总投资8亿元的华宇饮品生产基地项目再有3个月即可投产。')).toEqual(['在建']);
  });

  it('reads a batch 开工竣工 (written out) as started, as 开竣工 is', () => {
    expect(findStages('全县集中开工竣工重大工业项目情况通报。').map((s) => s.stage)).toEqual(['开工']);
  });
});

describe('a member named after its batch', () => {
  it('gives the projects of a 其中 paragraph right after a counted batch the batch’s step', () => {
    const text = [
      '12月3日,眼镜产业发展大会在云溪举行。',
      '会上举行了云溪县眼镜项目集中签约仪式。此次共签约8个项目,总投资12亿元,涉及镜片制造、模具生产等,项目达产后可实现年产值9亿元。',
      '其中,华光眼镜片制造项目总投资2亿元,计划建设镜片生产线,达产后可实现年产值2.3亿元;瑞安光学镜片生产项目总投资1.2亿元,计划建成镜片生产线,达产后可实现年产值6000万元。',
    ].join('\n');
    const members = projectsOf(text).filter((p) => /华光|瑞安/.test(p.name));
    // 计划建成 is a plan of a project just signed, not a sign that it is being built.
    expect(members.map((p) => p.stage?.stage ?? null)).toEqual(['签约', '签约']);
  });
});
