// Traditional characters (億元, 項目, 簽約, 專案) are read by converting the text to simplified
// Chinese first with OpenCC (opencc-js, Taiwan phrases → mainland: 專案 → 项目). The rules then run
// on the converted text; because the conversion is used only when it keeps every character at its
// offset, every span still points into the text the officer pasted.

import { createRequire } from 'node:module';

// Loaded on the first traditional text, not at start-up: the dictionaries cost ~100 ms and megabytes
// of memory a process that never reads a traditional paste should not pay (issue 19).
const requireLazily = createRequire(import.meta.url);
const openCC = (): typeof import('opencc-js') => requireLazily('opencc-js');

/** Characters common in traditional text and absent from simplified: a cheap test before converting. */
const TRADITIONAL_HINT =
  /[億萬與為這們來會時還進總產區發開關實現經濟當對業際項專簽噸臺廠園資東廣門間傳機電計劃設優]/;

type Convert = (text: string) => string;
let phrases: Convert | null = null;
let characters: Convert | null = null;

export interface Simplified {
  text: string;
  /** True when the text had traditional characters and was converted. */
  converted: boolean;
  /** Why a traditional text was read as it is (a conversion that would move offsets). */
  warning: string | null;
}

/**
 * The text in simplified characters, offset for offset. Taiwan phrase conversion first (專案 → 项目);
 * when a phrase changes length, character-by-character conversion; when even that does not keep the
 * length, the text is read as it is and a warning says so.
 */
export function toSimplified(text: string, options: { always?: boolean } = {}): Simplified {
  // `always` skips the cheap test: a short label (延長新材料) may have none of the hint characters.
  if (!options.always && !TRADITIONAL_HINT.test(text)) return { text, converted: false, warning: null };
  phrases ??= openCC().Converter({ from: 'twp', to: 'cn' });
  const byPhrase = phrases(text);
  if (byPhrase.length === text.length) return { text: byPhrase, converted: true, warning: null };
  characters ??= openCC().Converter({ from: 't', to: 'cn' });
  const byChar = characters(text);
  if (byChar.length === text.length) return { text: byChar, converted: true, warning: null };
  return {
    text,
    converted: false,
    warning: 'traditional characters could not be converted in place; read as written (fewer facts found)',
  };
}
