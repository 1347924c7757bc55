import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findRoledMoney } from './money-roles';
import { findStages } from './stage-signal';

// Invented sentences for the general rules of the stage lexicon and per-mu amounts.
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
  const stages = (text: string) => projectsOf(text).map((p) => p.stage?.stage ?? null);

  it('is a goal: 在谈 projects that 推进签约 are still being negotiated', () => {
    expect(
      stages('总投资100亿元的华光电池材料项目、总投资50亿元的鑫瑞达显示器件项目等在谈项目推进签约。'),
    ).toEqual(['在谈', '在谈']);
  });

  it('leaves a stage reached as it is', () => {
    expect(stages('华光电池材料项目已经签约。')).toEqual(['签约']);
  });
});
