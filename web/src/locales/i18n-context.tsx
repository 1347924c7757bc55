import type { Locale as AntdLocale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Bilingual } from '../../../shared/src/i18n-message';
import { type MessageKey, type Messages, zh } from './zh';

/** The two UI languages: Simplified Chinese first, English second. */
export type Lang = 'zh' | 'en';

/** A message the server sends in both languages (error messages, field messages). */
export type LocalizedText = Bilingual;

const STORAGE_KEY = 'lianzhao.lang';
/** English arrives with its own chunk (en-bundle.ts); until then, and if it fails, Chinese shows. */
let english: { messages: Messages; antdLocale: AntdLocale } | null = null;

/**
 * The Chinese table the UI reads: the shell's texts, then each feature's own as its chunk loads
 * (`addChineseMessages`). Only keys of features whose code has loaded are drawn, so it is complete
 * for whatever is on screen.
 */
const chinese: Record<string, string> = { ...zh };

/** Adds a feature's Chinese texts; called at load by the feature's `<area>-messages.ts`. */
export function addChineseMessages(messages: Partial<Messages>): void {
  Object.assign(chinese, messages);
}

/** Whether a key built at run time (e.g. `entity.${name}`) exists in the loaded string table. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(chinese, key);
}

/** Loads a language's tables once; Chinese is always there. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !english) english = (await import('./en-bundle')).englishBundle;
}

/** Called before the first render so a user who chose English never sees a Chinese first frame. */
export function loadStoredLanguage(): Promise<void> {
  return loadLanguage(readStoredLang()).catch(() => undefined);
}

function tableOf(lang: Lang): Messages {
  return lang === 'en' && english ? english.messages : (chinese as Messages);
}

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be blocked (private mode, strict policies): fall back to the default.
    return 'zh';
  }
}

function applyDocumentLang(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** antd's own texts (pagination, pickers, empty states) in the same language. */
  antdLocale: AntdLocale;
  /** Picks the current language out of a bilingual server message. */
  pick: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the UI language, remembers it in localStorage and keeps dayjs and <html lang> in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    applyDocumentLang(initial);
    return initial;
  });

  useEffect(() => {
    applyDocumentLang(lang);
    document.title = tableOf(lang)['app.fullTitle'];
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched for this page.
    }
    void loadLanguage(next)
      .catch(() => undefined)
      .then(() => {
        applyDocumentLang(next);
        setLangState(next);
      });
  }, []);

  const value = useMemo<I18nValue>(() => {
    const table = tableOf(lang);
    const t: Translate = (key, vars) => {
      // A feature's text before its messages module ran shows its key, not a crash (see addChineseMessages).
      const text: string = table[key] ?? key;
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    };
    const antdLocale = lang === 'en' && english ? english.antdLocale : zhCN;
    return { lang, setLang, t, antdLocale, pick: (text) => text[lang] || text.zh || text.en };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translate function and a setter. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
