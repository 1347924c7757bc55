import { describe, expect, it } from 'vitest';
import {
  completionRate,
  isLateReport,
  rankUnits,
  roundStatus,
  timeElapsedRate,
  warningSeverity,
} from './dispatch';

describe('completion and time elapsed', () => {
  it('completion is actual ÷ target, null without a positive target', () => {
    expect(completionRate(30, 40)).toBe(0.75);
    expect(completionRate(5, 0)).toBeNull();
    expect(completionRate(5, null)).toBeNull();
  });
  it('time elapsed counts days of the year, both ends included', () => {
    expect(timeElapsedRate(2024, '2023-12-31')).toBe(0);
    expect(timeElapsedRate(2024, '2024-01-01')).toBeCloseTo(1 / 366);
    expect(timeElapsedRate(2024, '2024-12-31')).toBe(1);
    expect(timeElapsedRate(2024, '2025-03-01')).toBe(1);
  });
});

describe('ranking rule', () => {
  it('ranks by the mean completion, each metric capped at 150%, ties share a rank', () => {
    const ranked = rankUnits([
      { key: 'a', rates: [0.5, 0.7] }, // 0.6, tied with c
      { key: 'b', rates: [3, 0] }, // capped: (1.5 + 0) / 2 = 0.75
      { key: 'c', rates: [0.6, null] }, // null metrics are left out: 0.6
      { key: 'd', rates: [0.75] },
      { key: 'e', rates: [null] },
    ]);
    const by = Object.fromEntries(ranked.map((r) => [r.key, r]));
    expect(by.b?.score).toBe(0.75);
    expect(by.b?.rank).toBe(1);
    expect(by.d?.rank).toBe(1);
    expect(by.a?.rank).toBe(3);
    expect(by.c?.rank).toBe(3);
    expect(by.e?.rank).toBeNull();
  });
});

describe('warning severity and lateness', () => {
  it('grades late milestones and requests by days, stage stays by their ratio to the norm', () => {
    expect(warningSeverity('milestone_late', 3)).toBe('low');
    expect(warningSeverity('milestone_late', 7)).toBe('medium');
    expect(warningSeverity('request_overdue', 30)).toBe('high');
    expect(warningSeverity('stage_stuck', 100, 90)).toBe('low');
    expect(warningSeverity('stage_stuck', 135, 90)).toBe('medium');
    expect(warningSeverity('stage_stuck', 180, 90)).toBe('high');
    expect(warningSeverity('round_missing', 1)).toBe('medium');
  });
  it('a report is late after the deadline day; a round closes after it', () => {
    expect(isLateReport('2024-08-19', '2024-08-19')).toBe(false);
    expect(isLateReport('2024-08-19', '2024-08-20')).toBe(true);
    expect(roundStatus('2024-08-19', '2024-08-19')).toBe('open');
    expect(roundStatus('2024-08-19', '2024-08-20')).toBe('closed');
  });
});
