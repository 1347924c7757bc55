import { describe, expect, it } from 'vitest';
import { en } from '../../../web/src/locales/en';
import { zhComplete as zh } from '../../../web/src/locales/zh-complete';

/**
 * The Chinese UI speaks Chinese (issue 16: “来源资讯 Sources”, “1 rows are wrong…”): every key the
 * English dictionary has, the Chinese one has, and no Chinese string is left in English — neither
 * a copy of the English text nor a label without a single Chinese character. Codes and names that
 * are the same in both languages are listed here, each for a reason.
 */
const SAME_IN_BOTH: ReadonlySet<string> = new Set([
  // The switch names the other language in that language, as every bilingual site does.
  'lang.switchTo',
  // File formats are called by their names in Chinese offices too.
  'intake.source.txt',
  'intake.source.docx',
  'intake.source.pdf',
]);
/** File formats: “调度报告（Word）” is how a Chinese office names the file, not a stray gloss. */
const FORMAT_NAMES = /[（(](Word|Excel|PDF|TXT)[)）]$/;

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

describe('the zh locale', () => {
  const zhEntries = Object.entries(zh as Record<string, string>);

  it('has every key of the English one', () => {
    const missing = Object.keys(en).filter((key) => !(key in zh));
    expect(missing).toEqual([]);
  });

  it('leaves nothing untranslated: no English copy, no Latin-only label', () => {
    const offenders = zhEntries
      .filter(([key]) => !SAME_IN_BOTH.has(key))
      .filter(([key, value]) => {
        const english = (en as Record<string, string>)[key];
        const copied = english !== undefined && english === value && LATIN_WORD.test(value);
        const latinOnly = !HAN.test(value) && LATIN_WORD.test(value.replace(/\{\w+\}/g, ''));
        return copied || latinOnly;
      })
      .map(([key, value]) => `${key}: ${value}`);
    expect(offenders).toEqual([]);
  });

  it('mixes no stray English words into Chinese labels (“来源资讯 Sources”)', () => {
    // A Chinese label followed by its English gloss: Han text, a space, then capitalised English words.
    const GLOSS = /\p{Script=Han}[\s（(]+[A-Z][a-z]+(?:\s[A-Za-z]+)*[)）]?$/u;
    const offenders = zhEntries
      .filter(([, value]) => GLOSS.test(value) && !FORMAT_NAMES.test(value))
      .map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });
});
