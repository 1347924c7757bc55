import { beforeEach } from 'vitest';
import { pagesOpenNow } from './browser';
import { setRunningTest, snapshotPages } from './failed-test';

/**
 * When a browser test fails, every page still open is photographed and its address and the start of
 * its visible text are printed (failed-test.ts): a CI failure (often on its first attempt only, see
 * the retry in vitest.config.ts) then says what the screen showed, not only which wait ran out.
 * Pages a file closes in its afterEach are taken as they close (support/browser.ts).
 */
beforeEach(({ task, onTestFailed }) => {
  setRunningTest(task);
  onTestFailed(async () => {
    await snapshotPages(pagesOpenNow(), task);
  });
});
