// Issue 13, project recall: projects written without 项目 — a firm's phase whose progress is reported,
// a plant named by its capacity. Sentences of our own, written in those shapes, not from the eval sets.
import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findHeadlessNames } from './headless-names';

describe('projects named without 项目', () => {
  it('reads a firm’s phase with its progress as a project, and its stage', () => {
    const text =
      '青峰印业有限公司已经竣工投产；青峰木业二期设备安装调试结束，目前已进入试生产阶段，预计新增年销售3亿元。';
    const phase = projectsOf(text).find((p) => p.name.includes('青峰木业二期'));
    expect(phase).toBeDefined();
    expect(phase?.stage?.stage).toBe('试生产');
    expect(phase?.companies.map((c) => c.name)).toEqual(['青峰木业']);
  });

  it('leaves a phase of a park, a project or a building', () => {
    expect(findHeadlessNames('园区二期正在施工，该项目一期已经投产，标准厂房二期开工建设。')).toEqual([]);
  });

  it('reads a capacity-led plant that signs, with the figures of 该项目 after it', () => {
    const text =
      '今年5月，年产10万吨再生铝产品精深加工及废渣综合回收中心签约落户园区。该项目总投资8亿元，达产后年产值约30亿元。';
    const plant = projectsOf(text).find((p) => p.name.includes('再生铝'));
    expect(plant?.investment?.yuan).toBe(800000000);
    expect(plant?.capacity?.asWritten).toContain('10万吨');
  });

  it('leaves a capacity in the middle of a clause about a named project', () => {
    expect(findHeadlessNames('该项目年产5万吨，主要建设生产线。')).toEqual([]);
  });
});
