import { describe, expect, it } from 'vitest';
import { bracketed } from './dispatch-docx';

describe('bracketed: the round title under the report title in one pair of brackets', () => {
  it('adds one pair, or keeps the one the title carries', () => {
    expect(bracketed('2026年第10周重点项目调度')).toBe('（2026年第10周重点项目调度）');
    expect(bracketed('（2026年3月调度）')).toBe('（2026年3月调度）');
    expect(bracketed('((2026年3月调度))')).toBe('（2026年3月调度）');
  });
  it('prints a title with brackets of its own as it is: balanced, never doubled', () => {
    expect(bracketed('2026年第10周重点项目调度（示例）')).toBe('2026年第10周重点项目调度（示例）');
  });
});
