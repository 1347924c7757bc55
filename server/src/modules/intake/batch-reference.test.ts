import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

// Invented reports: a batch reported with its stage, then a sentence that lists its members by count.
const stages = (text: string) =>
  Object.fromEntries(
    projectsOf(text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p.stage?.stage ?? null]),
  );

// A lead sentence about something else, so that the batch is not the report's lead (which stages all).
const LEAD = '东城区经济运行稳中向好，一季度地区生产总值增长6%。';
const ITEMS = '鑫瑞达智能包装生产基地项目、华锦新材料产业园项目';

describe('members of a batch referred to by its count', () => {
  it('take the stage the batch was reported with', () => {
    const text = `${LEAD}4月8日，东城区集中开工重点项目36个，总投资88亿元。在这36个项目中，产业项目有8个，包括${ITEMS}。`;
    expect(stages(text)).toEqual({ 鑫瑞达智能包装生产基地项目: '开工', 华锦新材料产业园项目: '开工' });
  });

  it('take no stage from a batch that is only planned', () => {
    const text = `${LEAD}今年计划开工重点项目36个。在这36个项目中，包括${ITEMS}。`;
    expect(stages(text)).toEqual({ 鑫瑞达智能包装生产基地项目: null, 华锦新材料产业园项目: null });
  });

  it('take nothing from a batch of another count', () => {
    const text = `${LEAD}4月8日，东城区集中开工重点项目36个，总投资88亿元。在这12个项目中，包括${ITEMS}。`;
    expect(stages(text)).toEqual({ 鑫瑞达智能包装生产基地项目: null, 华锦新材料产业园项目: null });
  });
});
