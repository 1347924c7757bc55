import { describe, expect, it } from 'vitest';
import {
  canMoveTask,
  isMilestoneLate,
  problemItemState,
  summariseProblemItems,
  TASK_STATUS_KEYS,
  type TaskActorKind,
  type TaskStatus,
} from './task-status';

const S: TaskStatus[] = [...TASK_STATUS_KEYS];
// Rows from, columns to (in_progress proposed closed):
//   = same   . not allowed   x final   L lead unit with evidence   b closer with reason   K closer
const MATRIX: Record<TaskStatus, string> = {
  in_progress: '=L.',
  proposed: 'b=K',
  closed: 'xxx',
};
const KINDS: TaskActorKind[] = ['lead_unit', 'closer'];

describe('canMoveTask — every pair, every actor', () => {
  const pairs = S.flatMap((from) => S.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const c = MATRIX[from].charAt(S.indexOf(to));
    for (const kind of KINDS) {
      const full = canMoveTask(from, to, { as: [kind], evidence: '验收报告', reason: '材料不全' });
      const bare = canMoveTask(from, to, { as: [kind] });
      if (c === 'x') expect(full).toMatchObject({ ok: false, code: 'final' });
      else if (c === '=') expect(full).toMatchObject({ ok: false, code: 'same_status' });
      else if (c === '.') expect(full).toMatchObject({ ok: false, code: 'not_allowed' });
      else if (c === 'L') {
        if (kind === 'lead_unit') {
          expect(full).toEqual({ ok: true });
          expect(bare).toMatchObject({ ok: false, code: 'evidence_required' });
        } else expect(full).toMatchObject({ ok: false, code: 'not_yours' });
      } else if (c === 'K' || c === 'b') {
        if (kind === 'closer') {
          expect(full).toEqual({ ok: true });
          expect(bare).toEqual(
            c === 'b' ? expect.objectContaining({ code: 'reason_required' }) : { ok: true },
          );
        } else expect(full).toMatchObject({ ok: false, code: 'not_yours' });
      }
    }
  });

  it('refuses the lead unit closing its own task even with evidence', () => {
    const r = canMoveTask('proposed', 'closed', { as: ['lead_unit'], evidence: '已完成' });
    expect(r).toMatchObject({ ok: false, code: 'not_yours' });
    if (!r.ok) expect(r.message.zh).toContain('不能给自己销号');
  });
});

describe('roadmap and problem items', () => {
  it('marks a milestone late only after its planned date and while not done', () => {
    expect(isMilestoneLate({ plannedDate: '2024-08-15', doneDate: null }, '2024-08-15')).toBe(false);
    expect(isMilestoneLate({ plannedDate: '2024-08-15', doneDate: null }, '2024-08-16')).toBe(true);
    expect(isMilestoneLate({ plannedDate: '2024-08-15', doneDate: '2024-08-20' }, '2024-09-01')).toBe(false);
  });

  it('tells each problem item apart and counts a list', () => {
    const today = '2024-08-20';
    const items = [
      { deadline: '2024-08-30', closedDate: null },
      { deadline: '2024-08-10', closedDate: null },
      { deadline: '2024-08-10', closedDate: '2024-08-10' },
      { deadline: '2024-08-10', closedDate: '2024-08-12' },
    ];
    expect(items.map((i) => problemItemState(i, today))).toEqual([
      'open',
      'overdue',
      'closed_on_time',
      'closed_late',
    ]);
    expect(summariseProblemItems(items, today)).toEqual({
      total: 4,
      closed: 2,
      closedOnTime: 1,
      closedLate: 1,
      open: 1,
      overdue: 1,
    });
  });
});
