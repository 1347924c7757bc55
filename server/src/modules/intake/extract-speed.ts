// Extraction speed in articles per second, for `npm run eval:extract` and for the bench suite to import.

import { extractPage } from './extract';
import type { ExtractOptions } from './types';

export interface SpeedResult {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  charsPerSecond: number;
}

/** Runs `extractPage` on `page` repeatedly for about `budgetMs` and reports the throughput. */
export function measureExtractionSpeed(
  page: string,
  opts: ExtractOptions = {},
  budgetMs = 2000,
): SpeedResult {
  extractPage(page, opts); // warm-up: the first run pays for JIT and regex compilation
  let articles = 0;
  let chars = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    articles += extractPage(page, opts).articles.length;
    chars += page.length;
    elapsed = performance.now() - start;
  }
  const seconds = elapsed / 1000;
  return { articles, seconds, articlesPerSecond: articles / seconds, charsPerSecond: chars / seconds };
}
