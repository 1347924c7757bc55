import { describe, expect, it } from 'vitest';
import { ESCALATION_RULES, escalationOf, escalationRank, isOverdue } from './escalation';

const deadline = '2024-08-15';

describe('escalationOf (time injected)', () => {
  it('is none on and before the deadline, and says when the head is told', () => {
    expect(escalationOf({ running: true, deadline }, '2024-08-10')).toEqual({
      level: 'none',
      daysLate: 0,
      nextLevelOn: '2024-08-16',
    });
    expect(escalationOf({ running: true, deadline }, '2024-08-15').level).toBe('none');
  });

  it('goes to the department head the day after the deadline', () => {
    expect(escalationOf({ running: true, deadline }, '2024-08-16')).toEqual({
      level: 'head',
      daysLate: 1,
      nextLevelOn: '2024-08-19',
    });
  });

  it('goes to the backing leader after three more days, and stays there', () => {
    expect(escalationOf({ running: true, deadline }, '2024-08-18').level).toBe('head');
    expect(escalationOf({ running: true, deadline }, '2024-08-19')).toEqual({
      level: 'leader',
      daysLate: 4,
      nextLevelOn: null,
    });
    expect(escalationOf({ running: true, deadline }, '2025-01-01').level).toBe('leader');
  });

  it('reads an instant as a Shanghai date (16:00 UTC is the next day there)', () => {
    expect(escalationOf({ running: true, deadline }, new Date('2024-08-15T15:59:59Z')).level).toBe('none');
    expect(escalationOf({ running: true, deadline }, new Date('2024-08-15T16:00:00Z')).level).toBe('head');
  });

  it('never escalates work nobody holds or without a deadline', () => {
    expect(escalationOf({ running: false, deadline }, '2025-01-01')).toEqual({
      level: 'none',
      daysLate: 0,
      nextLevelOn: null,
    });
    expect(escalationOf({ running: true, deadline: null }, '2025-01-01').level).toBe('none');
  });

  it('takes other rules', () => {
    const rules = { headAfterDaysLate: 2, leaderAfterDaysLate: 10 };
    expect(escalationOf({ running: true, deadline }, '2024-08-16', rules).level).toBe('none');
    expect(escalationOf({ running: true, deadline }, '2024-08-17', rules).level).toBe('head');
    expect(escalationOf({ running: true, deadline }, '2024-08-25', rules).level).toBe('leader');
  });

  it('ranks levels and tells overdue', () => {
    expect(['none', 'head', 'leader'].map((l) => escalationRank(l as 'none'))).toEqual([0, 1, 2]);
    expect(isOverdue(deadline, '2024-08-15')).toBe(false);
    expect(isOverdue(deadline, '2024-08-16')).toBe(true);
    expect(isOverdue(null, '2024-08-16')).toBe(false);
    expect(ESCALATION_RULES.leaderAfterDaysLate).toBeGreaterThan(ESCALATION_RULES.headAfterDaysLate);
  });
});
