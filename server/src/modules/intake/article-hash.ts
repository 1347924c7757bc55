// The identity of an article's text for "already imported": the same story pasted again, from a
// different page or with different line breaks, spaces or full-width punctuation, hashes alike.

import { createHash } from 'node:crypto';

/** NFKC, lower case, and only letters and digits kept (spacing and punctuation differ between copies). */
export function normaliseArticleText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** sha256 (hex) of the normalised text; null when nothing is left (an empty article is no duplicate). */
export function articleTextHash(text: string): string | null {
  const norm = normaliseArticleText(text);
  if (norm.length < 20) return null;
  return createHash('sha256').update(norm).digest('hex');
}
