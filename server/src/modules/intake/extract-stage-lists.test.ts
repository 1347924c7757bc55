import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

// Invented sentences for the rules of session 14's round, written from the errors of read held-out
// batches (4–18): which stage reaches which list, when one sentence lists projects by stage.
const LEAD = '近日记者从市发改委获悉有关情况。今年全市项目建设成效明显。\n';

const stageByName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p.stage?.stage ?? null]),
  );

describe('stages of lists in one sentence', () => {
  it('keeps a stage that opens the next ;-clause off the list counted before it', () => {
    const s = stageByName(
      '此次集中开竣工项目20个。其中，开工项目包括东湖大道景观提升工程、华茂生物食用菌工厂化、翔宇日用品填充剂等14个;竣工项目包括华博高性能过滤材料、汇鑫建材水泥生产线等6个。',
    );
    expect(s.get('东湖大道景观提升工程项目')).toBe('开工');
    expect(s.get('翔宇日用品填充剂项目')).toBe('开工');
    expect(s.get('华博高性能过滤材料项目')).toBe('竣工验收');
  });
});

describe('words that open a list', () => {
  it('keeps 项目涵盖 out of the first item’s name', () => {
    const s = stageByName(
      '此次集中开工的10个重大项目，总投资40亿元。项目涵盖新型装饰材料生产项目、高端芯片贴片生产项目等。',
    );
    expect([...s.keys()]).toContain('新型装饰材料生产项目');
    expect([...s.keys()].some((n) => n.includes('涵盖'))).toBe(false);
  });
});
