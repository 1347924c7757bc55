import fs from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';
import { pagesOpenNow } from './browser';
import { ROOT } from './server';

/**
 * When a browser test fails, every page still open is photographed and its address and the start of
 * its visible text are printed: a CI failure (often on its first attempt only, see the retry in
 * vitest.config.ts) then says what the screen showed, not only which wait ran out. The pictures go
 * to test-results/failures/, beside the screenshots the tests take on purpose.
 */
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const dir = path.join(ROOT, 'test-results', 'failures');
    fs.mkdirSync(dir, { recursive: true });
    const attempt = task.result?.retryCount ?? 0;
    const base = `${task.file?.name ?? 'e2e'}-${task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120);
    const pages = pagesOpenNow();
    for (const [index, page] of pages.entries()) {
      const file = path.join(dir, `${base}-attempt${attempt + 1}-page${index + 1}.png`);
      try {
        await page.screenshot({ path: file, timeout: 10_000 });
        const text = await page.locator('body').innerText({ timeout: 5_000 });
        console.warn(
          `[failure snapshot] ${task.name} (attempt ${attempt + 1}) page ${index + 1} at ${page.url()}: ${path.relative(ROOT, file)}\n  ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
        );
      } catch (error) {
        console.warn(
          `[failure snapshot] page ${index + 1} could not be taken: ${String(error).slice(0, 200)}`,
        );
      }
    }
  });
});
