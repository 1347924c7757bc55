import { describe, expect, it } from 'vitest';
import { findIndustry, INDUSTRY_CODES, industryPath, normaliseIndustryCode } from './industry-codes';

// Section letter → its divisions, from the GB/T 4754-2017 table.
const SECTION_RANGES: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

describe('INDUSTRY_CODES', () => {
  it('has the 20 sections A–T', () => {
    const sections = INDUSTRY_CODES.filter((e) => e.level === 'section').map((e) => e.code);
    expect(sections).toEqual(Object.keys(SECTION_RANGES));
  });

  it('has all 97 divisions 01–97, each under the right section', () => {
    const divisions = INDUSTRY_CODES.filter((e) => e.level === 'division');
    expect(divisions.map((e) => e.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    for (const d of divisions) {
      const [lo, hi] = SECTION_RANGES[d.parent]!;
      expect(Number(d.code) >= lo && Number(d.code) <= hi, `${d.code} under ${d.parent}`).toBe(true);
    }
  });

  it('has unique codes, well-formed per level, whose parent exists one level up', () => {
    const codes = INDUSTRY_CODES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const shape = { section: /^[A-T]$/, division: /^\d{2}$/, group: /^\d{3}$/, class: /^\d{4}$/ };
    const parentLevel = { section: null, division: 'section', group: 'division', class: 'group' };
    for (const e of INDUSTRY_CODES) {
      expect(e.code).toMatch(shape[e.level]);
      if (e.parent === null) {
        expect(e.level).toBe('section');
        continue;
      }
      const parent = findIndustry(e.parent);
      expect(parent?.level, e.code).toBe(parentLevel[e.level]);
      if (e.level !== 'division') expect(e.code.startsWith(e.parent), e.code).toBe(true);
      expect(e.name.trim()).toBe(e.name);
      expect(e.nameEn).toBeTruthy();
    }
  });

  it.each([
    ['13', '农副食品加工业'],
    ['21', '家具制造业'],
    ['26', '化学原料和化学制品制造业'],
    ['32', '有色金属冶炼和压延加工业'],
    ['35', '专用设备制造业'],
    ['58', '多式联运和运输代理业'],
    ['1321', '宠物饲料加工'],
    ['3211', '铜冶炼'],
    ['3251', '铜压延加工'],
    ['3332', '金属压力容器制造'],
    ['3521', '炼油、化工生产专用设备制造'],
    ['8222', '宠物医院服务'],
  ])('%s is %s', (code, name) => {
    expect(findIndustry(code)?.name).toBe(name);
  });
});

describe('findIndustry', () => {
  it('accepts a section-letter prefix, lower case and spaces', () => {
    expect(normaliseIndustryCode(' c1321 ')).toBe('1321');
    expect(findIndustry('C1321')?.code).toBe('1321');
    expect(findIndustry('c')?.name).toBe('制造业');
    expect(findIndustry(' 35 ')?.code).toBe('35');
  });

  it('returns undefined for unknown codes', () => {
    expect(findIndustry('9999')).toBeUndefined();
    expect(findIndustry('Z')).toBeUndefined();
    expect(findIndustry('')).toBeUndefined();
  });
});

describe('industryPath', () => {
  it('walks from the section down to the code', () => {
    expect(industryPath('1321').map((e) => e.code)).toEqual(['C', '13', '132', '1321']);
    expect(industryPath('8224').map((e) => e.code)).toEqual(['O', '82', '822', '8224']);
    expect(industryPath('97').map((e) => e.code)).toEqual(['T', '97']);
    expect(industryPath('K').map((e) => e.code)).toEqual(['K']);
  });

  it('is empty for an unknown code', () => {
    expect(industryPath('1322')).toEqual([]);
  });
});
