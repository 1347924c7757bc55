import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  nextPeriod,
  PERIOD_KINDS,
  periodOf,
  previousPeriod,
  startOfShanghaiDay,
  todayInShanghai,
  toShanghaiDate,
} from './dates';

describe('todayInShanghai / toShanghaiDate', () => {
  it('is the next day in Shanghai from 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2024-08-14T15:59:59.999Z'))).toBe('2024-08-14');
    expect(todayInShanghai(new Date('2024-08-14T16:00:00Z'))).toBe('2024-08-15');
  });

  it('crosses a year end at Shanghai midnight', () => {
    expect(todayInShanghai(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01');
  });

  it('reads the clock only through its default parameter', () => {
    expect(isLocalDate(todayInShanghai())).toBe(true);
  });

  it.each([
    ['2024-08-15', '2024-08-15'],
    ['2024-08-14T16:30:00Z', '2024-08-15'],
    ['2024-08-15T07:59:59+08:00', '2024-08-15'],
    ['2024-08-15T23:30:00-05:00', '2024-08-16'],
    ['2024-08-15T23:30:00', '2024-08-15'],
    ['2024-08-15 09:00', '2024-08-15'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('%s → %s', (input, date) => {
    expect(toShanghaiDate(input)).toBe(date);
  });

  it('accepts a Date', () => {
    expect(toShanghaiDate(new Date(Date.UTC(2024, 7, 14, 20)))).toBe('2024-08-15');
  });

  it.each([
    '',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '15/08/2024',
    'yesterday',
    '2024-08-15T25:00:00Z',
    '2024-02-30T10:00',
  ])('refuses %j', (input) => {
    expect(() => toShanghaiDate(input)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => toShanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isLocalDate', () => {
  it('knows real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2024-8-15')).toBe(false);
    expect(isLocalDate('2024-08-15T00:00')).toBe(false);
  });
});

describe('startOfShanghaiDay', () => {
  it('is 16:00 UTC of the day before', () => {
    expect(startOfShanghaiDay('2024-08-15').toISOString()).toBe('2024-08-14T16:00:00.000Z');
  });
});

describe('addDays / daysBetween', () => {
  it('adds across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('counts whole days, signed', () => {
    expect(daysBetween('2024-08-15', '2024-08-20')).toBe(5);
    expect(daysBetween('2024-08-20', '2024-08-15')).toBe(-5);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-01', '2024-03-01')).toBe(0);
  });
});

describe('periodOf', () => {
  it.each([
    // 2024-08-15 is a Thursday.
    ['week', '2024-08-15', '2024-08-12', '2024-08-18', '2024-W33', '2024年第33周', 'Week 33, 2024'],
    ['week', '2024-08-12', '2024-08-12', '2024-08-18', '2024-W33', '2024年第33周', 'Week 33, 2024'],
    ['week', '2024-08-18', '2024-08-12', '2024-08-18', '2024-W33', '2024年第33周', 'Week 33, 2024'],
    // ISO week years differ from calendar years at the edges.
    ['week', '2024-12-30', '2024-12-30', '2025-01-05', '2025-W01', '2025年第1周', 'Week 1, 2025'],
    ['week', '2021-01-03', '2020-12-28', '2021-01-03', '2020-W53', '2020年第53周', 'Week 53, 2020'],
    ['week', '2024-01-01', '2024-01-01', '2024-01-07', '2024-W01', '2024年第1周', 'Week 1, 2024'],
    ['month', '2024-02-10', '2024-02-01', '2024-02-29', '2024-02', '2024年2月', 'Feb 2024'],
    ['month', '2023-02-10', '2023-02-01', '2023-02-28', '2023-02', '2023年2月', 'Feb 2023'],
    ['month', '2024-12-31', '2024-12-01', '2024-12-31', '2024-12', '2024年12月', 'Dec 2024'],
    ['quarter', '2024-08-15', '2024-07-01', '2024-09-30', '2024-Q3', '2024年第三季度', 'Q3 2024'],
    ['quarter', '2024-01-01', '2024-01-01', '2024-03-31', '2024-Q1', '2024年第一季度', 'Q1 2024'],
    ['quarter', '2024-06-30', '2024-04-01', '2024-06-30', '2024-Q2', '2024年第二季度', 'Q2 2024'],
    ['quarter', '2024-12-31', '2024-10-01', '2024-12-31', '2024-Q4', '2024年第四季度', 'Q4 2024'],
    ['year', '2024-08-15', '2024-01-01', '2024-12-31', '2024', '2024年', '2024'],
  ] as const)('%s of %s is %s…%s (%s)', (kind, date, start, end, key, zh, en) => {
    expect(periodOf(kind, date)).toEqual({ kind, start, end, key, label: { zh, en } });
  });

  it('turns a Date into its Shanghai date first', () => {
    // Sunday 23:30 in Shanghai is still the old week although it is Sunday 15:30 UTC.
    expect(periodOf('week', new Date('2024-08-18T15:30:00Z')).key).toBe('2024-W33');
    expect(periodOf('week', new Date('2024-08-18T16:30:00Z')).key).toBe('2024-W34');
    expect(periodOf('year', new Date('2023-12-31T16:00:00Z')).key).toBe('2024');
  });

  it('weeks are always Monday to Sunday, 7 days, and contain the date', () => {
    for (let i = 0; i < 800; i++) {
      const date = addDays('2023-06-01', i);
      const p = periodOf('week', date);
      expect(daysBetween(p.start, p.end)).toBe(6);
      expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(daysBetween(p.start, date)).toBeGreaterThanOrEqual(0);
      expect(daysBetween(date, p.end)).toBeGreaterThanOrEqual(0);
    }
  });

  it('steps to the previous and next period without gaps', () => {
    for (const kind of PERIOD_KINDS) {
      const p = periodOf(kind, '2024-01-01');
      expect(addDays(previousPeriod(p).end, 1)).toBe(p.start);
      expect(addDays(p.end, 1)).toBe(nextPeriod(p).start);
    }
    expect(previousPeriod(periodOf('quarter', '2024-02-01')).key).toBe('2023-Q4');
    expect(nextPeriod(periodOf('week', '2024-12-25')).key).toBe('2025-W01');
  });
});
