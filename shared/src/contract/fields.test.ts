import { describe, expect, it } from 'vitest';
import { localDate, longText, nameText, personName, shortText } from './fields';

/** The shared field schemas also guard text that does not come through a request (Excel, CSV, CLI). */
describe('shared field schemas', () => {
  it('refuse control characters in every text helper, line breaks only in one-line ones', () => {
    for (const schema of [shortText, longText, nameText, personName]) {
      expect(schema.safeParse('a\u0000b').success).toBe(false);
      expect(schema.safeParse('a\u001bb').success).toBe(false);
    }
    expect(longText.safeParse('一\r\n二\t三').success).toBe(true);
    for (const schema of [shortText, nameText, personName]) {
      expect(schema.safeParse('一\n二').success).toBe(false);
    }
  });

  it('remove zero-width and bidi characters from names before the length and emptiness checks', () => {
    expect(nameText.parse(' \u202e乖宝\u200b宠物\u2069 ')).toBe('乖宝宠物');
    expect(personName.parse('赵\ufeff夏')).toBe('赵夏');
    expect(nameText.safeParse('\u200b\u200c').success).toBe(false);
    expect(longText.parse('👨\u200d👩')).toBe('👨\u200d👩');
  });

  it('take dates from 1900 to 2100 only', () => {
    expect(localDate.safeParse('1900-01-01').success).toBe(true);
    expect(localDate.safeParse('2100-12-31').success).toBe(true);
    expect(localDate.safeParse('1899-12-31').success).toBe(false);
    expect(localDate.safeParse('9999-12-31').success).toBe(false);
    expect(localDate.safeParse('2024-02-30').success).toBe(false);
  });
});
