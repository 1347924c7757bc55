import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeUscc } from '../shared/src/uscc';
import { launchBrowser, SKIP_BROWSER, screenshot, signIn } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * The bulk firm import screen (批量导入（大文件）) as an officer uses it: a CSV of 12 rows in
 * batches of 5 with one bad USCC in the second batch. Batches 1 and 3 go in, batch 2 does not, the
 * report names the bad row, and the written firms are on the list while batch 2's are not. Then a
 * longer file is stopped mid-way and resumed.
 */

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

const HEADER = '企业名称,统一社会信用代码,所在地区,行业代码,注册资本,企业规模,区内企业,经营范围';
const BAD_INDEX = 6; // data rows 0..11; batch 2 holds 5..9, so this is file row 8 (header is row 1)

/**
 * Which attempt of the running test this is: 0, then 1 on its CI retry (vitest.config.ts). A retry
 * runs on the database its failed first attempt left (the same server), so the firms a test writes
 * carry the attempt in their names and USCC seeds: the retry's firms are new ones again.
 */
let attempt = 0;

/** The 12-row file's firm `i`; a retry's firms are named apart from the first attempt's. */
function firmName(i: number): string {
  return `浏览器批量${attempt === 0 ? '' : `重试${attempt}次`}${i}号宠物用品有限公司`;
}

/** A CSV of `rows` firms named by `name`; the row at `badIndex` gets a wrong USCC check character. */
function firmsCsv(rows: number, seed: number, name: (i: number) => string, badIndex: number | null): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    let uscc = makeUscc(seed + i);
    // Same first 17 characters, another check character: refused by the USCC check.
    if (i === badIndex) uscc = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;
    lines.push(`${name(i)},${uscc},山东省聊城市,C13,${(i % 90) + 1}00万,小型,是,宠物用品销售`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe.skipIf(SKIP_BROWSER)('bulk firm import screen in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tmp = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-e2e-bulk-'));
    await signIn(page.context(), server.url, 'officer', E2E_PASSWORD);
  }, 90_000);

  // Each test (and a retry under CI) starts on the firm list with no modal open and no remembered
  // job: the modal reopens the last job it remembers (localStorage), which a failed attempt leaves,
  // and in Chinese (the second test switches to English). A page error counts for the test it
  // happened in: a failed attempt's errors are reported with that attempt, not again by its retry.
  beforeEach(async ({ task }) => {
    attempt = task.result?.retryCount ?? 0;
    pageErrors.length = 0;
    await page.goto(`${server.url}/firms`);
    // A job a failed attempt left running is stopped, so its batches do not share the server
    // with the retry's (the modal remembers it as lianzhao.bulkImport.<user id>).
    const remembered = await page.evaluate(() =>
      Object.keys(window.localStorage)
        .filter((key) => key.startsWith('lianzhao.bulkImport.'))
        .map((key) => window.localStorage.getItem(key) ?? ''),
    );
    for (const id of remembered) await stopIfRunning(id);
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(`${server.url}/firms`);
    await page.getByTestId('bulk-import-button').waitFor();
  });

  /** Stops bulk job `id` when it is still running, and waits until it has stopped. */
  async function stopIfRunning(id: string): Promise<void> {
    const jobUrl = `${server.url}/api/imports/firms/bulk/${id}`;
    const status = async () => ((await (await page.request.get(jobUrl)).json()) as { status: string }).status;
    if ((await status()) !== 'running') return;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const stop = await page.request.post(`${jobUrl}/stop`, { headers: { 'x-csrf-token': me.csrfToken } });
    expect(stop.status(), await stop.text()).toBe(202);
    await poll(status).not.toBe('running');
  }

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports good batches, refuses the batch with a bad row and reports that row', async () => {
    const file = path.join(tmp, '企业名录.csv');
    fs.writeFileSync(file, firmsCsv(12, 8_600_000 + attempt * 100, firmName, BAD_INDEX), 'utf8');

    await page.goto(`${server.url}/firms`);
    await page.getByTestId('bulk-import-button').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-file') });
    await modal.waitFor();
    // The rule a user must know before starting: all or nothing per batch, fix and re-import rows.
    expect(await modal.innerText()).toContain('每批要么全部写入');
    await modal.locator('input[type=file]').setInputFiles(file);
    // antd may put the test id on the input or on its wrapper.
    const batchSize = modal
      .locator('input[data-testid=bulk-batch-size], [data-testid=bulk-batch-size] input')
      .first();
    expect(await batchSize.inputValue()).toBe('5000');
    await batchSize.fill('5');
    await page.getByTestId('bulk-start').click();

    const job = page.getByTestId('bulk-job');
    await poll(() => job.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('bulk-rows-read').innerText()).toBe('12');
    expect(await page.getByTestId('bulk-committed').innerText()).toBe('2');
    expect(await page.getByTestId('bulk-failed').innerText()).toBe('1');
    expect(await page.getByTestId('bulk-state').innerText()).toBe('已完成');
    expect(await page.getByTestId('bulk-message').innerText()).toContain('新增 7');
    // A finished job cannot be stopped or resumed; the report is offered for the refused batch.
    expect(await page.getByTestId('bulk-stop').count()).toBe(0);
    expect(await page.getByTestId('bulk-resume').count()).toBe(0);
    await screenshot(page, 'bulk-import-done');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulk-report').click(),
    ]);
    const reportFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(reportFile);
    expect(path.basename(reportFile)).toMatch(/\.csv$/);
    const lines = fs
      .readFileSync(reportFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('批次 batch,行号 row,字段,field,错误,error');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2,8,统一社会信用代码,USCC,/);

    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });

    // Batches 1 and 3 are on the list; batch 2 (rows 5..9) wrote nothing, its good rows included.
    const table = page.getByTestId('firms-table');
    const search = page.getByTestId('firms-search').locator('input');
    const searchFor = async (name: string) => {
      await search.fill(name);
      await search.press('Enter');
    };
    for (const i of [0, 4, 10, 11]) {
      await searchFor(firmName(i));
      await table.getByRole('link', { name: firmName(i) }).waitFor();
    }
    for (const i of [5, BAD_INDEX, 9]) {
      await searchFor(firmName(i));
      // The empty placeholder replaces the previous search's row only once the answer is in.
      await table.locator('.ant-table-placeholder').waitFor();
      expect(await table.getByRole('link', { name: firmName(i) }).count()).toBe(0);
    }

    // Opened again, the screen still shows the last job (a long import survives closing it).
    await page.getByTestId('bulk-import-button').click();
    await poll(() => page.getByTestId('bulk-job').getAttribute('data-status')).toBe('done');
    await page.getByTestId('bulk-new').click();
    await page.getByTestId('bulk-start').waitFor();
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });

    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('stops after the current batch and resumes where it stopped', async () => {
    // Batches of one row keep the job running long enough to be stopped mid-way.
    const rows = 10_000;
    const file = path.join(tmp, '大名录.csv');
    fs.writeFileSync(
      file,
      firmsCsv(
        rows,
        8_700_000 + attempt * 20_000,
        (i) => `浏览器续导${attempt === 0 ? '' : `重试${attempt}次`}${i}号有限公司`,
        null,
      ),
      'utf8',
    );
    await page.getByTestId('bulk-import-button').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-file') });
    await modal.locator('input[type=file]').setInputFiles(file);
    await modal
      .locator('input[data-testid=bulk-batch-size], [data-testid=bulk-batch-size] input')
      .first()
      .fill('1');
    await screenshot(page, 'bulk-import-start');
    await page.getByTestId('bulk-start').click();

    const job = page.getByTestId('bulk-job');
    const rowsRead = async () =>
      Number((await page.getByTestId('bulk-rows-read').innerText()).replace(/\D/g, ''));
    await poll(() => job.getAttribute('data-status')).toBe('running');
    await page.getByTestId('bulk-stop').click();
    await poll(() => job.getAttribute('data-status')).toBe('stopped');
    const stoppedAt = await rowsRead();
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(rows);
    expect(await page.getByTestId('bulk-message').innerText()).toContain('可继续导入');
    expect(await page.getByTestId('bulk-committed').innerText()).toBe(stoppedAt.toLocaleString('zh-CN'));

    // 继续: the same job goes on after its last batch, and the browser measures its speed.
    await page.getByTestId('bulk-resume').click();
    await poll(() => rowsRead()).toBeGreaterThan(stoppedAt);
    await poll(() => page.getByTestId('bulk-rate').innerText()).toMatch(/^[\d,]+ 行\/秒$/);
    await screenshot(page, 'bulk-import-running');
    await page.getByTestId('bulk-stop').click();
    await poll(() => job.getAttribute('data-status')).toBe('stopped');
    expect(await page.getByTestId('bulk-failed').innerText()).toBe('0');
    expect(await page.getByTestId('bulk-report').count()).toBe(0);
    await screenshot(page, 'bulk-import-stopped');

    // In English, after a reload: the stopped job is remembered and still offered to resume.
    await page.evaluate("window.localStorage.setItem('lianzhao.lang', 'en')");
    await page.reload();
    await page.getByTestId('bulk-import-button').click();
    await poll(() => page.getByTestId('bulk-state').innerText()).toBe('Stopped, can resume');
    expect(await page.getByTestId('bulk-message').innerText()).toContain('resume to continue');
    await page.getByTestId('bulk-resume').waitFor();
    await screenshot(page, 'bulk-import-stopped-en');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('is not offered to a leader, who may not import', async () => {
    const leaderContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    try {
      const leaderPage = await leaderContext.newPage();
      await signIn(leaderPage.context(), server.url, 'leader', E2E_PASSWORD);
      await leaderPage.goto(`${server.url}/firms`);
      await leaderPage.getByTestId('export-button').waitFor();
      expect(await leaderPage.getByTestId('bulk-import-button').count()).toBe(0);
    } finally {
      await leaderContext.close();
    }
  }, 60_000);
});
