import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findCapacities } from './quantity-parser';

// Invented sentences: capacity forms and where a capacity belongs.
describe('findCapacities', () => {
  it('reads daily capacities', () => {
    expect(findCapacities('建成后日处理矿石500吨。')[0]?.items).toEqual([
      { value: 500, unit: '吨', product: '矿石' },
    ]);
    expect(findCapacities('建成后日产杏鲍菇120吨。')[0]?.items[0]).toMatchObject({ value: 120, unit: '吨' });
  });

  it('reads a count of production lines', () => {
    expect(findCapacities('将新建5条微生物肥料生产线。')[0]?.items).toEqual([
      { value: 5, unit: '条', product: '微生物肥料生产线' },
    ]);
    expect(findCapacities('建成后拥有生产线48条。')[0]?.items[0]).toMatchObject({ value: 48, unit: '条' });
  });

  it('reads ampere-hours of cells', () => {
    expect(findCapacities('年产15亿安时锂离子动力电池。')[0]?.items[0]).toMatchObject({
      value: 1.5e9,
      unit: '安时',
    });
  });
});

describe('a capacity after a project is named', () => {
  const projects = (text: string) =>
    projectsOf(text).map((p) => ({ name: p.name, capacity: p.capacity?.asWritten ?? null }));

  it('is that project’s, not a project of its own', () => {
    expect(projects('华光硅片项目总投资10亿元，建成后年产硅片5亿片。')).toEqual([
      { name: '华光硅片项目', capacity: '年产硅片5亿片' },
    ]);
  });

  it('is an output figure rather than a count of lines when the text gives both', () => {
    expect(projects('华光不锈钢项目计划投资4亿元，建设生产线1条。项目建成后年产不锈钢18万吨。')).toEqual([
      { name: '华光不锈钢项目', capacity: '年产不锈钢18万吨' },
    ]);
  });

  it('names a project when a firm stands before it', () => {
    expect(projects('来自东城开发区的恒隆凯迩必年产500万套汽车电动转向系统。').map((p) => p.name)).toEqual([
      '恒隆凯迩必年产500万套汽车电动转向系统',
    ]);
  });
});

describe('English capacities', () => {
  it('reads energy storage in GWh', () => {
    const text =
      'The Northfield battery plant project, with an investment of 5 billion yuan, will have an annual capacity of 12GWh of storage cells.';
    const p = projectsOf(text).find((x) => /Northfield/.test(x.name));
    expect(p?.capacity?.items[0]).toMatchObject({ value: 12, unit: 'gwh' });
  });
});
