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
]);
/** File formats: “调度报告（Word）” is how a Chinese office names the file, not a stray gloss. */
const FORMAT_NAMES = /[（(](Word|Excel|PDF|TXT)[)）]$/;

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;
/**
 * Names a Chinese office writes in Latin letters too: a label made of these alone (“USCC”, “PDF”)
 * is not untranslated. Kept short on purpose: a word that has a Chinese name belongs in Chinese.
 */
const ACRONYMS = ['USCC', 'ID', 'PDF', 'Excel', 'Word', 'TXT', 'DOCX', 'API', 'PNG', 'URL'];
const ACRONYM_WORD = new RegExp(`\\b(?:${ACRONYMS.join('|')})\\b`, 'g');
/** The Latin text that is left once {placeholders} and the acronyms are taken out. */
const latinLeft = (value: string) => value.replace(/\{\w+\}/g, '').replace(ACRONYM_WORD, '');

describe('the zh locale', () => {
  const zhEntries = Object.entries(zh as Record<string, string>);

  it('has every key of the English one', () => {
    const missing = Object.keys(en).filter((key) => !(key in zh));
    expect(missing).toEqual([]);
  });

  it('has no key the English one lacks (a key only in Chinese shows its raw name in English)', () => {
    const extra = Object.keys(zh).filter((key) => !(key in en));
    expect(extra).toEqual([]);
  });

  it('leaves nothing untranslated: no English copy, no Latin-only label', () => {
    const offenders = zhEntries
      .filter(([key]) => !SAME_IN_BOTH.has(key))
      .filter(([key, value]) => {
        const english = (en as Record<string, string>)[key];
        const copied = english !== undefined && english === value && LATIN_WORD.test(latinLeft(value));
        const latinOnly = !HAN.test(value) && LATIN_WORD.test(latinLeft(value));
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

describe('the acronym allowance of the zh check', () => {
  it('lets a label of acronyms alone pass and catches an English word beside them', () => {
    expect(LATIN_WORD.test(latinLeft('PDF'))).toBe(false);
    expect(LATIN_WORD.test(latinLeft('USCC / ID'))).toBe(false);
    expect(LATIN_WORD.test(latinLeft('{n} Excel'))).toBe(false);
    expect(LATIN_WORD.test(latinLeft('Excel rows'))).toBe(true);
    expect(LATIN_WORD.test(latinLeft('Sources'))).toBe(true);
  });
});
