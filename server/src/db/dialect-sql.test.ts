import { describe, expect, it } from 'vitest';
import { buildSearchText, normaliseSearch, searchTerms } from './dialect-sql';

describe('search text', () => {
  it('normalises width and case, and appends each word’s bigrams marked for the index', () => {
    expect(buildSearchText(['乖宝宠物', null, ' ＡＢ '])).toBe('乖宝宠物 ab 乖宝| 宝宠| 宠物| ab|');
  });
  it('never lets a query term reach into the bigram tail', () => {
    expect(normaliseSearch('乖宝|宠物')).toBe('乖宝 宠物');
    expect(searchTerms(' 宠物  乖宝|x ')).toEqual(['宠物', '乖宝', 'x']);
  });
});
