import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunnerTestCase } from 'vitest';
import { ROOT } from './server';

/**
 * The test running now, as the failure snapshot's beforeEach saw it (failure-snapshot.ts), so a page
 * closed in a failed test's afterEach is photographed before it goes: vitest marks the test failed
 * before its afterEach hooks run, and a file that closes its pages there left nothing to look at.
 */
let running: RunnerTestCase | undefined;

export function setRunningTest(task: RunnerTestCase | undefined): void {
  running = task;
}

export function failedTestNow(): RunnerTestCase | undefined {
  return running?.result?.state === 'fail' ? running : undefined;
}

const taken = new WeakSet<Page>();

/**
 * Photographs each page once to test-results/failures/ and prints its address and the start of its
 * visible text, so a CI log says what the screen showed when the test failed.
 */
export async function snapshotPages(pages: Page[], task: RunnerTestCase): Promise<void> {
  const dir = path.join(ROOT, 'test-results', 'failures');
  fs.mkdirSync(dir, { recursive: true });
  const attempt = (task.result?.retryCount ?? 0) + 1;
  const base = `${task.file?.name ?? 'e2e'}-${task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120);
  for (const page of pages) {
    if (page.isClosed() || taken.has(page)) continue;
    taken.add(page);
    const file = path.join(dir, `${base}-attempt${attempt}-${Date.now()}.png`);
    try {
      await page.screenshot({ path: file, timeout: 10_000 });
      const text = await page.locator('body').innerText({ timeout: 5_000 });
      console.warn(
        `[failure snapshot] ${task.name} (attempt ${attempt}) at ${page.url()}: ${path.relative(ROOT, file)}\n  ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
      );
    } catch (error) {
      console.warn(`[failure snapshot] a page could not be taken: ${String(error).slice(0, 200)}`);
    }
  }
}
