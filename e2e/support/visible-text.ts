import type { Page } from 'playwright-core';
import { zhComplete } from '../../web/src/locales/zh-complete';

/**
 * What a Chinese user should never read on a page (issue 16): a message key drawn instead of its
 * text (a feature's texts not loaded), or a label with no Chinese in it. Labels are what the UI
 * writes itself — buttons, menu entries, column heads, form labels, card and segment titles — not
 * the records shown in them. Acronyms and file formats an office writes in Latin letters pass.
 */
const KEYS: readonly string[] = Object.keys(zhComplete);
const LABELS =
  'button, th, label, .ant-menu-title-content, .ant-card-head-title, .ant-segmented-item-label, .ant-modal-title';
const LATIN_ALLOWED = /\b(?:USCC|ID|PDF|Excel|Word|TXT|DOCX|API|PNG|URL|English)\b/g;

export async function untranslatedText(page: Page): Promise<string[]> {
  const { body, labels } = await page.evaluate((selector) => {
    const shown = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => el.offsetParent !== null,
    );
    return { body: document.body.innerText, labels: shown.map((el) => el.innerText.trim()) };
  }, LABELS);
  const words = new Set(body.split(/[\s，。：；、()（）[\]【】]+/));
  const rawKeys = KEYS.filter((key) => words.has(key));
  const latinOnly = labels.filter(
    (label) =>
      label !== '' && !/\p{Script=Han}/u.test(label) && /[A-Za-z]{2,}/.test(label.replace(LATIN_ALLOWED, '')),
  );
  return [...rawKeys.map((k) => `key ${k}`), ...latinOnly.map((l) => `label “${l}”`)];
}
