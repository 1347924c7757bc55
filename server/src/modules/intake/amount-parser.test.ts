import { describe, expect, it } from 'vitest';
import { findMoney, findPercentages, parseMoney, parseNumber, readNumber } from './amount-parser';
import { findCapacities, findJobs } from './quantity-parser';

describe('parseNumber', () => {
  it('reads Arabic numbers with separators and decimals', () => {
    expect(parseNumber('5.6')).toBe(5.6);
    expect(parseNumber('1,200')).toBe(1200);
  });
  it('reads Chinese numerals', () => {
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('三千')).toBe(3000);
    expect(parseNumber('一百二十')).toBe(120);
    expect(parseNumber('两万')).toBe(20000);
  });
  it('refuses what is not a number', () => {
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('money', () => {
  it('converts 亿/万/千 amounts to integer yuan', () => {
    expect(parseMoney('总投资8.2亿元')?.yuan).toBe(820_000_000);
    expect(parseMoney('税收3500万元')?.yuan).toBe(35_000_000);
    expect(parseMoney('奖励5千元')?.yuan).toBe(5_000);
    expect(parseMoney('补贴3千万元')?.yuan).toBe(30_000_000);
    expect(parseMoney('投资120元')?.yuan).toBe(120);
  });
  it('reads the spoken 个亿 (总投资1.5个亿)', () => {
    expect(parseMoney('总投资1.5个亿')?.yuan).toBe(150_000_000);
    expect(parseMoney('投资3个亿元')?.yuan).toBe(300_000_000);
  });
  it('sums compound amounts such as 3亿2000万元', () => {
    expect(parseMoney('投资总额3亿2000万元')?.yuan).toBe(320_000_000);
    expect(parseMoney('完成投资12000万元')?.yuan).toBe(120_000_000);
  });
  it('reads ranges and keeps both ends', () => {
    const r = parseMoney('计划投资2-4亿元');
    expect(r?.yuan).toBe(200_000_000);
    expect(r?.maxYuan).toBe(400_000_000);
    expect(parseMoney('投资6亿至8亿元')?.maxYuan).toBe(800_000_000);
  });
  it('records qualifiers: 约, 近, 超, 余', () => {
    expect(parseMoney('约1.5亿元')?.qualifier).toBe('about');
    expect(parseMoney('近9000万元')?.qualifier).toBe('nearly');
    expect(parseMoney('超过2亿元')?.qualifier).toBe('over');
    expect(parseMoney('800余万元')?.qualifier).toBe('more_than');
    expect(parseMoney('800余万元')?.yuan).toBe(8_000_000);
  });
  it('does not convert foreign currencies', () => {
    const r = parseMoney('投资3000万美元');
    expect(r?.yuan).toBeNull();
    expect(findMoney('投资3000万美元')[0]?.currency).toBe('USD');
  });
  it('treats 万吨 and 亿只 as quantities, not money', () => {
    expect(findMoney('年产8万吨钢材')).toHaveLength(0);
    expect(findMoney('年出栏1.2亿只')).toHaveLength(0);
  });
  it('keeps a bare 亿 amount as non-explicit money for the caller to judge by context', () => {
    const [m] = findMoney('融资2.3亿');
    expect(m?.amount).toBe(230_000_000);
    expect(m?.explicit).toBe(false);
  });
  it('does not read a year as money', () => {
    expect(findMoney('2025年元旦')).toHaveLength(0);
  });
  it('reads a number at an offset with its span', () => {
    const tok = readNumber('共计7亿3000万', 2);
    expect(tok?.value).toBe(730_000_000);
    expect(tok?.end).toBe(9);
  });
});

describe('percentages', () => {
  it('reads 近20% with its growth verb', () => {
    const [p] = findPercentages('销售额同比增长近35%。');
    expect(p?.value).toBe(35);
    expect(p?.qualifier).toBe('nearly');
    expect(p?.growth).toBe(true);
    expect(p?.text).toBe('同比增长近35%');
  });
  it('makes declines negative', () => {
    expect(findPercentages('能耗下降12.5%')[0]?.value).toBe(-12.5);
  });
  it('reads 百分之', () => {
    expect(findPercentages('提高百分之十五')[0]?.value).toBe(15);
  });
});

describe('capacities', () => {
  it('reads 年产 with unit and product', () => {
    const [c] = findCapacities('建设年产3万吨特种纸项目');
    expect(c?.items).toEqual([{ value: 30_000, unit: '吨', product: '特种纸' }]);
    expect(c?.text).toBe('年产3万吨特种纸');
  });
  it('reads lists joined by 和 and 、', () => {
    const [c] = findCapacities('形成年产2亿粒胶囊和500万片贴剂的能力');
    expect(c?.items.map((i) => [i.value, i.unit, i.product])).toEqual([
      [200_000_000, '粒', '胶囊'],
      [5_000_000, '片', '贴剂'],
    ]);
  });
  it('reads product-before-quantity lists', () => {
    const [c] = findCapacities('年生产铝锭80吨、铝板300吨');
    expect(c?.items.map((i) => i.product)).toEqual(['铝锭', '铝板']);
  });
  it('reads sets, 台套 and 克拉', () => {
    expect(findCapacities('年产1.5万套整体橱柜')[0]?.items[0]).toMatchObject({ value: 15_000, unit: '套' });
    expect(findCapacities('年产2万台套农机')[0]?.items[0]?.unit).toBe('台套');
    expect(findCapacities('年产6亿克拉培育钻石')[0]?.items[0]?.value).toBe(600_000_000);
  });
  it('reads a capacity named by its workshop without a verb', () => {
    const [c] = findCapacities('走进3万吨饲料生产车间');
    expect(c?.items[0]).toMatchObject({ value: 30_000, unit: '吨', product: '饲料' });
  });
});

describe('jobs', () => {
  it('reads the common phrasings', () => {
    expect(findJobs('可新增就业600人')[0]?.count).toBe(600);
    expect(findJobs('带动就业约300人')[0]).toMatchObject({ count: 300, qualifier: 'about' });
    expect(findJobs('提供就业岗位近80个')[0]).toMatchObject({ count: 80, qualifier: 'nearly' });
    expect(findJobs('直接带动450人就业')[0]?.count).toBe(450);
    expect(findJobs('吸纳1.2万人就业')[0]?.count).toBe(12_000);
  });
  it('ignores head counts that are not jobs', () => {
    expect(findJobs('共有45名学生参加')).toHaveLength(0);
    expect(findJobs('建成12个车间')).toHaveLength(0);
  });
});
