import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { failedTestNow, snapshotPages } from './failed-test';
import { runContextOnRunClock } from './page-clock';
import { ROOT } from './server';

export const CHROMIUM = process.env.LZ_CHROMIUM ?? '/usr/bin/chromium';

/**
 * True when browser tests should be skipped: no Chromium outside CI. Under CI=true a missing
 * browser is a failure (the launch throws), never a skip.
 */
export const SKIP_BROWSER: boolean = (() => {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') return false;
  console.warn(
    `[skip] no Chromium at ${CHROMIUM}: browser tests are skipped (apt-get install chromium fonts-noto-cjk)`,
  );
  return true;
})();

/**
 * The worker's Chromium, shared by the test files the worker runs one after another (the e2e project
 * runs with `isolate: false`, so this module outlives a file; vitest.config.ts): a launch cost a file
 * 1.5–3 s. To a file it is still a browser of its own: what the file opens lives in contexts of its
 * own (cookies, storage, cache), and its `close()` closes those contexts, not the process. The
 * process goes with the worker (Playwright kills the browsers it launched when their parent exits).
 */
let workerBrowser: Promise<Browser> | null = null;

/** The contexts opened since the running file launched its browser: what its `close()` closes. */
const fileContexts = new Set<BrowserContext>();

export async function launchBrowser(): Promise<Browser> {
  let browser = workerBrowser ? await workerBrowser.catch(() => null) : null;
  if (!browser?.isConnected()) {
    workerBrowser = startChromium();
    browser = await workerBrowser;
  }
  // A file that failed before its afterAll leaves its contexts: they go before the next file starts.
  await closeFileContexts();
  return browser;
}

async function closeFileContexts(): Promise<void> {
  const contexts = [...fileContexts];
  fileContexts.clear();
  await Promise.all(contexts.map((context) => context.close().catch(ignoreClosed)));
}

/** A close that finds the context or browser gone already has nothing left to do. */
function ignoreClosed(error: unknown): void {
  if (!(error instanceof Error && /has been closed|Target closed/.test(error.message))) throw error;
}

async function startChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  browser.close = closeFileContexts;
  return onRunClock(browser);
}

/** A page closed while a failed test winds up (its afterEach) is photographed first (failed-test.ts). */
async function snapshotIfFailed(pages: Page[]): Promise<void> {
  const failed = failedTestNow();
  if (failed) await snapshotPages(pages, failed);
}

/** The pages open now, in any browser of this file: what a failed test's snapshot shows (failure-snapshot.ts). */
const openPages = new Set<Page>();

export function pagesOpenNow(): Page[] {
  return [...openPages].filter((page) => !page.isClosed());
}

/**
 * Every context of this browser runs on the run's clock (run-clock.ts), like the servers: its pages'
 * "today" (date pickers, 逾期 counts, the year of a form) is the servers' today. Only the date is
 * moved (page-clock.ts); timers and animation frames are the browser's own.
 */
function onRunClock(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    fileContexts.add(context);
    context.once('close', () => fileContexts.delete(context));
    await runContextOnRunClock(context);
    // One wait for every page, Playwright's own default: two test files, their servers and
    // browsers share two cores in CI, where a first import (a fresh reader thread) has missed 15 s.
    context.setDefaultTimeout(30_000);
    context.on('page', (page) => {
      openPages.add(page);
      page.once('close', () => openPages.delete(page));
      const closePage = page.close.bind(page);
      page.close = async (closeOptions) => {
        await snapshotIfFailed([page]);
        return closePage(closeOptions);
      };
    });
    const closeContext = context.close.bind(context);
    context.close = async (closeOptions) => {
      await snapshotIfFailed(context.pages());
      return closeContext(closeOptions);
    };
    return context;
  };
  // A page of its own context, as Browser.newPage gives: the context goes when the page closes.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => closeQuietly(context));
    return page;
  };
  return browser;
}

/**
 * Closes a page's context after the page. The close may still be under way when afterAll closes the
 * browser; its rejection then says only that the context went first, and left unhandled it fails the
 * whole run (it did once in CI, in supervision.e2e).
 */
function closeQuietly(context: BrowserContext): void {
  context.close().catch(ignoreClosed);
}

/** Whether this run keeps screenshots: `LZ_SCREENSHOTS=1 npm run test:e2e` (README, "Development"). */
export const SCREENSHOTS = process.env.LZ_SCREENSHOTS === '1';

/**
 * With LZ_SCREENSHOTS=1, a screenshot goes to test-results/screenshots so a person can look at what the
 * tests saw: the whole page, or (`fullPage: false`) the screen as the user sees it, for an open dialog.
 * Otherwise nothing is taken: no test asserts on the pictures, and the ~150 full-page captures were
 * about a sixth of the browser tier's time. Returns the picture's path either way.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  const dir = path.join(ROOT, 'test-results', 'screenshots');
  const file = path.join(dir, `${name}.png`);
  if (!SCREENSHOTS) return file;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: file, fullPage });
  return file;
}

export async function loginAs(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Opens `url` as a click in the app does when the page already shows the app: through the app's own
 * router (history.pushState and a popstate), not a new document. Loading the app is about half of a
 * browser test's time on two cores, and a user moves between pages this way. A page not yet on the
 * app (or on its sign-in page) loads it. What the router shows comes from the page's query cache,
 * so a test that changed data from elsewhere opens the page with `page.goto` instead.
 */
export async function openInApp(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  // about:blank's origin is "null": a page not on the app yet loads it.
  const here = new URL(page.url());
  if (here.origin !== target.origin || here.pathname === '/login') {
    await page.goto(url);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `${target.pathname}${target.search}${target.hash}`);
}

/**
 * Waits until every ECharts chart on the page has drawn the last frame of its animation (its box
 * gets `data-chart-finished` on ECharts' `finished` event, web/src/lib/chart-finished.ts).
 */
export async function chartsFinished(page: Page): Promise<void> {
  await page.locator('[data-chart]').first().waitFor();
  // No chart left unfinished (a locator, not a string to evaluate: the app's CSP forbids eval).
  await page.locator('[data-chart]:not([data-chart-finished="true"])').first().waitFor({ state: 'detached' });
}

/**
 * Signs a browser context in through the API (POST /api/auth/login sets the session cookie in the
 * context), for tests about something other than signing in: it spares them the login page's load and
 * the home page's, the test opening the page it is about. foundation.e2e walks the sign-in form itself.
 */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in of ${username} answered ${res.status()}: ${await res.text()}`);
}

/** A page of its own browser context, signed in through the API (signIn). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await signIn(context, baseUrl, username, password);
  const page = await context.newPage();
  // The context goes with its page: tests close the page they were given.
  page.once('close', () => closeQuietly(context));
  return page;
}
