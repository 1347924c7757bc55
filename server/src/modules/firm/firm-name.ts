/**
 * Duplicate detection compares firm names after dropping what varies between spellings of the same
 * firm: full-width vs half-width characters, spaces, bracket styles, letter case and the legal-form
 * suffix (股份有限公司 / 有限责任公司 / 有限公司 / 公司). 乖宝宠物食品集团股份有限公司 and
 * 乖宝宠物食品集团 compare equal; 瀚洋重工有限公司 and 瀚洋重工装备制造（天津）有限公司 do not.
 */
const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|公司)$/;

export function normaliseFirmName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（【〔［]/g, '(')
    .replace(/[）】〕］]/g, ')')
    .toLowerCase()
    .replace(LEGAL_SUFFIX, '');
}
