import { describe, expect, it } from 'vitest';
import { findDates, parseArticleDate, parseDatePhrase } from './date-parser';

const AT = '2024-05-20';

describe('absolute dates', () => {
  it('reads full and month-day dates', () => {
    expect(parseDatePhrase('2023年11月2日', AT)).toMatchObject({
      date: '2023-11-02',
      precision: 'day',
      relative: false,
    });
    expect(parseDatePhrase('4月9日上午', AT)).toMatchObject({ date: '2024-04-09', precision: 'day' });
    expect(parseDatePhrase('2022年7月', AT)).toMatchObject({ date: '2022-07', precision: 'month' });
  });
  it('reads quarters, halves and year ranges', () => {
    expect(parseDatePhrase('2021年第三季度', AT)?.date).toBe('2021-Q3');
    expect(parseDatePhrase('2026年上半年', AT)?.date).toBe('2026-H1');
    expect(parseDatePhrase('预计2026到2028年', AT)).toMatchObject({ date: '2026/2028', precision: 'range' });
  });
});

describe('dates relative to the article', () => {
  it('reads 3月份 as a month of the article year', () => {
    expect(parseDatePhrase('2月份开工', AT)).toMatchObject({
      date: '2024-02',
      precision: 'month',
      relative: true,
    });
  });
  it('reads 年底, 年内, 明年上半年', () => {
    expect(parseDatePhrase('预计年底投产', AT)).toMatchObject({ date: '2024-12', precision: 'month' });
    expect(parseDatePhrase('年内完工', AT)).toMatchObject({ date: '2024', precision: 'year' });
    expect(parseDatePhrase('明年上半年', AT)).toMatchObject({ date: '2025-H1', precision: 'half' });
    expect(parseDatePhrase('明年3月', AT)?.date).toBe('2025-03');
  });
  it('reads month ranges such as 今年1—4月', () => {
    expect(parseDatePhrase('今年1—4月', AT)).toMatchObject({ date: '2024-01/2024-04', precision: 'range' });
  });
  it('reads a bare day at a clause start, in the month before if it is later than the article day', () => {
    expect(findDates('12日，签约仪式举行', AT)[0]?.date).toBe('2024-05-12');
    expect(findDates('28日上午，项目开工', AT)[0]?.date).toBe('2024-04-28');
  });
  it('reads 当日 as the day just reported', () => {
    const ds = findDates('5月8日，项目签约。当日还举行了开工仪式', AT);
    expect(ds.map((d) => d.date)).toEqual(['2024-05-08', '2024-05-08']);
  });
  it('gives null dates without an article date but keeps the phrase', () => {
    expect(parseDatePhrase('预计年底投产')).toMatchObject({ date: null, text: '年底' });
  });
  it('does not read durations as months', () => {
    expect(findDates('用时3个月完成', AT)).toHaveLength(0);
  });
  it('reads Chinese-numeral months', () => {
    expect(parseDatePhrase('十月完工', AT)?.date).toBe('2024-10');
  });
  it('gives months written without a year the year stated before them in the sentence', () => {
    const text = '该项目2016年1月立项、3月底开工建设，7月设备安装，11月底正式投产。今年5月扩产。';
    expect(findDates(text, '2017-06-06').map((d) => d.date)).toEqual([
      '2016-01',
      '2016-03',
      '2016-07',
      '2016-11',
      '2017-05',
    ]);
    // An earlier month than the stated one is not read as the same year's (no chronology).
    expect(findDates('2016年11月签约，3月开工。', '2017-06-06').map((d) => d.date)).toEqual([
      '2016-11',
      '2017-03',
    ]);
  });
});

describe('parseArticleDate', () => {
  it('accepts ISO, partial and Chinese forms', () => {
    expect(parseArticleDate('2019')).toEqual({ year: 2019, month: null, day: null });
    expect(parseArticleDate('2024年8月26日')).toEqual({ year: 2024, month: 8, day: 26 });
    expect(parseArticleDate('nonsense')).toBeNull();
  });
});
