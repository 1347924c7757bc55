import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyEn, formatWan, MONEY_PLACEHOLDER, parseMoney } from './money';

describe('parseMoney — accepted', () => {
  it.each([
    ['5.6亿元', 560_000_000],
    ['5.6亿', 560_000_000],
    ['1.2亿', 120_000_000],
    ['4000万元', 40_000_000],
    ['4000万', 40_000_000],
    ['860万', 8_600_000],
    ['4.86亿元', 486_000_000],
    ['15亿元', 1_500_000_000],
    ['1亿2000万', 120_000_000],
    ['1亿2000万元', 120_000_000],
    ['2亿0500万元', 205_000_000],
    ['0.0001万', 1],
    ['1.23456789亿', 123_456_789],
    ['3,500元', 3_500],
    ['1,234,567元', 1_234_567],
    ['1,000万', 10_000_000],
    ['12345', 12_345],
    ['12345元', 12_345],
    ['0', 0],
    ['0元', 0],
    ['12.00元', 12],
    ['5.60亿元', 560_000_000],
    ['007', 7],
    [' 5.6 亿 元 ', 560_000_000],
    ['５．６亿元', 560_000_000],
    ['３，５００元', 3_500],
    ['￥3500', 3_500],
    ['¥3,500', 3_500],
    ['人民币5000万元', 50_000_000],
    ['90071992.54740991亿', Number.MAX_SAFE_INTEGER],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%s → %d yuan', (input, yuan) => {
    expect(parseMoney(input)).toEqual({ ok: true, yuan });
  });

  it('accepts whole, non-negative numbers as yuan', () => {
    expect(parseMoney(560_000_000)).toEqual({ ok: true, yuan: 560_000_000 });
    expect(parseMoney(0)).toEqual({ ok: true, yuan: 0 });
  });

  it('round-trips every formatted amount that keeps all its digits', () => {
    for (const yuan of [0, 1, 860, 9_999, 10_000, 8_600_000, 40_000_000, 560_000_000, 1_234_567_800]) {
      const text = formatMoney(yuan, { maxDecimals: 8 });
      expect(parseMoney(text), text).toEqual({ ok: true, yuan });
    }
  });
});

describe('parseMoney — refused', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5万', 'negative'],
    ['－5万', 'negative'],
    ['−3500', 'negative'],
    ['负5万元', 'negative'],
    ['12.5元', 'too_precise'],
    ['12.5', 'too_precise'],
    ['1.23456万', 'too_precise'],
    ['0.000000001亿', 'too_precise'],
    ['9007199254740992', 'too_large'],
    ['1000000000亿', 'too_large'],
    ['NaN', 'format'],
    ['abc', 'format'],
    ['万元', 'format'],
    ['元', 'format'],
    ['5.6.7亿', 'format'],
    ['3,50元', 'format'],
    ['1,2,3', 'format'],
    ['.5万', 'format'],
    ['5.万', 'format'],
    ['1e5', 'format'],
    ['5千万', 'format'],
    ['5亿亿', 'format'],
    ['万5', 'format'],
    ['1亿2000', 'format'],
    ['3万5', 'format'],
    ['1.5亿2000万', 'format'],
    ['1亿20000万', 'format'],
    ['5美元', 'format'],
    ['1'.repeat(41), 'format'],
  ])('%j → %s', (input, code) => {
    const r = parseMoney(input);
    expect(r).toMatchObject({ ok: false, code });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).not.toBe('');
    expect(r.message.en).not.toBe('');
  });

  it('refuses bad numbers', () => {
    expect(parseMoney(-1)).toMatchObject({ ok: false, code: 'negative' });
    expect(parseMoney(12.5)).toMatchObject({ ok: false, code: 'too_precise' });
    expect(parseMoney(Number.NaN)).toMatchObject({ ok: false, code: 'format' });
    expect(parseMoney(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, code: 'format' });
    expect(parseMoney(2 ** 53)).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('tells the user what to type', () => {
    const r = parseMoney('abc');
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('5.6亿元');
    expect(r.message.zh).toContain('“abc”');
    expect(r.message.en).toContain('"abc"');
  });
});

describe('formatMoney', () => {
  it.each([
    [560_000_000, '5.6亿元'],
    [100_000_000, '1亿元'],
    [1_500_000_000, '15亿元'],
    [486_000_000, '4.86亿元'],
    [123_456_789, '1.23亿元'],
    [40_000_000, '4000万元'],
    [8_600_000, '860万元'],
    [10_000, '1万元'],
    [123_456, '12.35万元'],
    [99_999_999, '1亿元'], // 9999.9999万 rounds to 10000万, which people say as 1亿
    [99_994_999, '9999.5万元'],
    [9_999, '9999元'],
    [860, '860元'],
    [3_500, '3500元'],
    [0, '0元'],
    [-40_000_000, '-4000万元'],
    [12.6, '13元'],
  ])('%d → %s', (yuan, text) => {
    expect(formatMoney(yuan)).toBe(text);
  });

  it('uses a fixed unit when asked', () => {
    expect(formatMoney(560_000_000, { unit: 'wan' })).toBe('56000万元');
    expect(formatMoney(8_600, { unit: 'wan' })).toBe('0.86万元');
    expect(formatMoney(40_000_000, { unit: 'yi' })).toBe('0.4亿元');
    expect(formatMoney(560_000_000, { unit: 'yuan', grouping: true })).toBe('560,000,000元');
    expect(formatMoney(99_999_999, { unit: 'wan' })).toBe('10000万元');
  });

  it('honours decimals, fixed decimals, grouping and suffix options', () => {
    expect(formatMoney(123_456_789, { maxDecimals: 4 })).toBe('1.2346亿元');
    expect(formatMoney(123_456_789, { maxDecimals: 0 })).toBe('1亿元');
    expect(formatMoney(40_000_000, { fixedDecimals: true })).toBe('4000.00万元');
    expect(formatMoney(560_000_000, { unit: 'wan', grouping: true })).toBe('56,000万元');
    expect(formatMoney(560_000_000, { suffix: 'short' })).toBe('5.6亿');
    expect(formatMoney(8_600_000, { suffix: 'short' })).toBe('860万');
    expect(formatMoney(860, { suffix: 'short' })).toBe('860');
    expect(formatMoney(560_000_000, { suffix: 'none' })).toBe('5.6');
  });

  it('does not write minus zero', () => {
    expect(formatMoney(-1, { unit: 'yi' })).toBe('0亿元');
  });

  it('shows a placeholder for missing values', () => {
    expect(formatMoney(null)).toBe(MONEY_PLACEHOLDER);
    expect(formatMoney(undefined)).toBe(MONEY_PLACEHOLDER);
    expect(formatMoney(Number.NaN)).toBe(MONEY_PLACEHOLDER);
  });

  it('stays exact at the largest safe integer', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, { maxDecimals: 8 })).toBe('90071992.54740991亿元');
  });
});

describe('formatWan', () => {
  it.each([
    [560_000_000, '56,000.00'],
    [40_000_000, '4,000.00'],
    [8_600, '0.86'],
    [123_456, '12.35'],
    [0, '0.00'],
  ])('%d → %s', (yuan, text) => {
    expect(formatWan(yuan)).toBe(text);
  });

  it('takes decimals and grouping options, and a placeholder for missing values', () => {
    expect(formatWan(560_000_000, { decimals: 0, grouping: false })).toBe('56000');
    expect(formatWan(123_456, { decimals: 4 })).toBe('12.3456');
    expect(formatWan(null)).toBe(MONEY_PLACEHOLDER);
  });
});

describe('formatMoneyEn', () => {
  it.each([
    [560_000_000, '¥560 million'],
    [1_500_000_000, '¥1.5 billion'],
    [486_000_000, '¥486 million'],
    [999_999_999, '¥1 billion'],
    [40_000_000, '¥40 million'],
    [8_600, '¥8,600'],
    [-40_000_000, '-¥40 million'],
  ])('%d → %s', (yuan, text) => {
    expect(formatMoneyEn(yuan)).toBe(text);
  });
});
