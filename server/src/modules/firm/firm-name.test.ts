import { describe, expect, it } from 'vitest';
import { normaliseFirmName } from './firm-name';

describe('normaliseFirmName', () => {
  it('drops legal suffixes, spaces and bracket styles', () => {
    expect(normaliseFirmName('乖宝宠物食品集团股份有限公司')).toBe(normaliseFirmName(' 乖宝宠物食品集团 '));
    expect(normaliseFirmName('瀚洋重工装备制造（天津）有限公司')).toBe('瀚洋重工装备制造(天津)');
    expect(normaliseFirmName('ＡＢＣ 有限公司')).toBe('abc');
  });
  it('keeps different firms apart', () => {
    expect(normaliseFirmName('瀚洋重工有限公司')).not.toBe(
      normaliseFirmName('瀚洋重工装备制造（天津）有限公司'),
    );
  });
});
