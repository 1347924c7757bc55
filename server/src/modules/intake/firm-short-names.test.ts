import { describe, expect, it } from 'vitest';
import { leadingBrand } from './firm-short-names';

// Invented names: a brand the dictionary does not know, then ordinary industry words.
describe('leadingBrand', () => {
  it('reads an unknown brand at the head of a project name', () => {
    expect(leadingBrand('鑫瑞达智能包装生产基地项目')).toBe('鑫瑞达');
  });

  it('keeps a trade word that belongs to the short name', () => {
    expect(leadingBrand('太阳纸业年产30万吨纸浆项目')).toBe('太阳纸业');
  });

  it('skips a leading district before the brand', () => {
    expect(leadingBrand('城西区山推奥特机械配件生产项目')).toBe('山推奥特');
  });

  it('finds no firm in a name that starts with a region run together from place names', () => {
    expect(leadingBrand('洮湟文化产业园项目')).toBeNull();
  });

  it('finds no firm in a generic or place-led name', () => {
    expect(leadingBrand('年产10万吨饲料项目')).toBeNull();
    expect(leadingBrand('新型材料生产线项目')).toBeNull();
    expect(leadingBrand('南山文化生态园')).toBeNull();
    expect(leadingBrand('wind farm project')).toBeNull();
  });

  it('finds no brand in public works or a name led by a landform', () => {
    expect(leadingBrand('青溪码头扩建项目')).toBeNull();
    expect(leadingBrand('云栖湖景观提升项目')).toBeNull();
    expect(leadingBrand('鸣翠湖生态旅游度假项目')).toBeNull();
    // a brand before an ordinary industry word still counts
    expect(leadingBrand('鑫瑞达智能包装生产基地项目')).toBe('鑫瑞达');
  });

  it('reads a brand the dictionary knows as a three-character name, and any word before a trade only firms have', () => {
    expect(leadingBrand('康师傅方便面生产基地项目')).toBe('康师傅');
    expect(leadingBrand('比亚迪储能电池项目')).toBe('比亚迪');
    expect(leadingBrand('温和药业原料药项目')).toBe('温和药业');
    expect(leadingBrand('坚强重工装备项目')).toBe('坚强重工');
    // 科技, 材料: trades of kinds of project too, which stay without a brand.
    expect(leadingBrand('智能科技产业园项目')).toBeNull();
  });
});

describe('what heads a name but is no brand', () => {
  it('a rate of production (日产) and a verb opening the name (含硅) are not brands', () => {
    expect(leadingBrand('日产5000吨新型干法水泥熟料项目')).toBeNull();
    expect(leadingBrand('含硅废渣利用项目')).toBeNull();
    expect(leadingBrand('比亚迪新能源汽车零部件项目')).toBe('比亚迪');
  });
});
