import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findRoledMoney } from './money-roles';

describe('a bound that defines a class of projects is no project figure', () => {
  it('在…以上 and …以上的项目 are bounds, a figure with 超 or 约 is not', () => {
    const roles = (text: string) => findRoledMoney(text).map((m) => [m.amount, m.role]);
    expect(roles('投资额在10亿元以上的省外投资项目')).toEqual([[1e9, 'other']]);
    expect(roles('投资额在5000万元以上1亿元以下的，加2分')).toEqual([
      [5e7, 'other'],
      [1e8, 'other'],
    ]);
    expect(roles('其中总投资5亿元以上项目12个')).toEqual([[5e8, 'other']]);
    expect(roles('华光石英管项目总投资超10亿元')).toEqual([[1e9, 'investment']]);
  });

  it('a policy that names kinds of projects and bounds yields no project', () => {
    expect(
      projectsOf(
        '本措施适用于开发区新引进的省级重大招商引资项目，主要包括战略性新兴产业和科技创新型项目，投资额在10亿元以上的省外投资项目。',
      ),
    ).toEqual([]);
  });
});

describe('sales or taxes summed over several years', () => {
  it('are no year’s figure of the project', () => {
    const roles = findRoledMoney(
      '该项目投产后，预计五年内累计销售额不低于5亿元，累计缴纳税收不低于2000万元；达产后年产值3亿元。',
    ).map((m) => m.role);
    expect(roles).toEqual(['other', 'other', 'output_value']);
    const spans = findRoledMoney('预计2025年—2029年累计完成营收达60亿元；2024年累计实现营收3亿元。').map(
      (m) => m.role,
    );
    expect(spans).toEqual(['other', 'output_value']);
  });
});
