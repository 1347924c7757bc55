import { describe, expect, it } from 'vitest';
import { closingGaps, closingGapsMessage } from './closing';

const done = {
  milestonesTotal: 2,
  milestonesDone: 2,
  progress: 100,
  needsProgress: true,
  attachments: 1,
  linkedRecord: false,
};

describe('closing conditions', () => {
  it('passes a task with every node done, 100% and a file', () => {
    expect(closingGaps(done)).toEqual([]);
    expect(closingGaps({ ...done, attachments: 0, linkedRecord: true })).toEqual([]);
  });
  it('names each missing condition', () => {
    expect(closingGaps({ ...done, milestonesDone: 1 })).toEqual(['milestones_open']);
    expect(closingGaps({ ...done, progress: 60 })).toEqual(['progress_incomplete']);
    expect(closingGaps({ ...done, progress: null })).toEqual(['progress_incomplete']);
    expect(closingGaps({ ...done, attachments: 0 })).toEqual(['evidence_missing']);
    const all = closingGaps({ ...done, milestonesDone: 0, progress: 60, attachments: 0 });
    expect(all).toHaveLength(3);
    expect(closingGapsMessage(all).zh).toBe(
      '不能销号：路线图节点未全部完成；进度未达到100%；缺少佐证（附件或关联记录）',
    );
  });
  it('does not ask a problem item for a percentage', () => {
    expect(closingGaps({ ...done, progress: null, needsProgress: false })).toEqual([]);
  });
});
