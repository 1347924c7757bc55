// Issue 13: a listed project's name written again without 项目 puts it back in focus, so the figures of
// "本项目" that follow are its own. Sentences of our own, written in that shape, not from the eval sets.
import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { withRecurrences } from './name-recurrence';
import { namedProject } from './project-name-mention';

describe('a project named again without 项目', () => {
  it('takes the figures of the quoted paragraph about 本项目 that follows it', () => {
    const text =
      '青石化纤产业基地、东岭光伏组件二期等一批投资体量大的项目正在推进。\n走进青石化纤产业基地，若干条生产线正在运转。\n“本项目总投资60亿元，形成年产80万吨聚酯材料生产能力。”项目负责人说。';
    const base = projectsOf(text).find((p) => p.name.includes('青石化纤产业基地'));
    expect(base?.investment?.yuan).toBe(6000000000);
    expect(base?.capacity?.asWritten).toContain('80万吨');
  });

  it('skips a recurrence that is part of a longer name (a phase, a firm)', () => {
    const text = '青石化纤产业基地项目开工。青石化纤产业基地二期项目签约。';
    const names = [namedProject('青石化纤产业基地项目', 0, 10, null)];
    expect(withRecurrences(text, names)).toHaveLength(1);
  });
});
