import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, SKIP_BROWSER, screenshot } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Dispatch and the cockpit in a real browser (issue 6): a firm files its round report with a site
 * photo; the leader's cockpit shows the new figure; a click on a chart opens the filtered list;
 * the wall screen renders at 1920×1080; the dispatch report downloads and carries the figures.
 */

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The <input> of an antd InputNumber carrying `testId` (on the input itself or on its wrapper). */
async function numberInput(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return (await el.evaluate((e) => e.tagName === 'INPUT')) ? el : el.locator('input');
}

// A real 1×1 PNG (what a phone photo would be, only smaller).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface CockpitJson {
  latestRound: { id: string; expected: number; reported: number } | null;
  funnel: Array<{ stage: string; count: number }>;
}

describe.skipIf(SKIP_BROWSER)('dispatch and cockpit in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let firmCtx: BrowserContext;
  let leaderCtx: BrowserContext;
  let firm: Page;
  let leader: Page;
  let tmp = '';
  let before: CockpitJson;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const opts = {
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    };
    firmCtx = await browser.newContext(opts);
    leaderCtx = await browser.newContext(opts);
    firm = await firmCtx.newPage();
    leader = await leaderCtx.newPage();
    for (const p of [firm, leader]) {
      p.setDefaultTimeout(15_000);
      p.on('pageerror', (error) => pageErrors.push(error.message));
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-e2e-cockpit-'));
    await loginAs(firm, server.url, 'firm', E2E_PASSWORD);
    await firm.getByTestId('logout').waitFor();
    await loginAs(leader, server.url, 'leader', E2E_PASSWORD);
    await leader.getByTestId('logout').waitFor();
    before = (await (await leader.request.get(`${server.url}/api/cockpit`)).json()) as CockpitJson;
  });

  afterAll(async () => {
    await firmCtx?.close();
    await leaderCtx?.close();
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a firm submits its round report with a photo', async () => {
    const roundId = before.latestRound?.id as string;
    expect(roundId).toBeTruthy();
    await firm.goto(`${server.url}/rounds/${roundId}`);
    const table = firm.getByTestId('round-projects');
    await table.waitFor();
    // The firm sees only its own projects; pick one it has not reported yet.
    const row = table.locator('tr').filter({ hasText: '未报送' }).first();
    await row.getByRole('button').click();
    const form = firm.getByTestId('round-report-form');
    await form.waitFor();
    await (await numberInput(firm, 'round-report-investment')).fill('1234');
    await (await numberInput(firm, 'round-report-funds')).fill('5678');
    await firm.getByTestId('round-report-narrative').fill('2栋车间主体框架已完工，2栋在建（浏览器测试）');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await form.locator('.ant-upload-list-item').first().waitFor();
    await firm.getByTestId('round-report-submit').click();
    await form.waitFor({ state: 'detached' });
    const res = await firm.request.get(`${server.url}/api/rounds/reports`, {
      params: { roundId, limit: 50 },
    });
    const mine = (
      (await res.json()) as { items: Array<{ narrative: string; fundsPeriod: number; photos: unknown[] }> }
    ).items.find((r) => r.narrative.includes('浏览器测试'));
    expect(mine?.fundsPeriod).toBe(56_780_000);
    expect(mine?.photos).toHaveLength(1);
  });

  it('the cockpit shows the new figure and a chart click opens the filtered list', async () => {
    await leader.goto(`${server.url}/cockpit`);
    const card = leader.getByTestId('cockpit-round-card');
    const { expected, reported } = before.latestRound as { expected: number; reported: number };
    await poll(() => card.innerText()).toContain(`已报 ${reported + 1} / 应报 ${expected}`);
    await screenshot(leader, 'cockpit');

    // The funnel's top band is 签约 (every active project): a click lists them all.
    const funnel = leader.getByTestId('cockpit-funnel').locator('canvas').first();
    const box = await funnel.boundingBox();
    if (!box) throw new Error('no funnel canvas');
    // The funnel starts 10 px below the canvas top; its top band is about 30 px high.
    await leader.mouse.click(box.x + box.width / 2, box.y + 22);
    await poll(async () => leader.url()).toMatch(/\/projects\?.*stage=/);
    const url = new URL(leader.url());
    expect(url.searchParams.get('stage')?.split(',')).toContain('full_capacity');
    const signed = before.funnel[0]?.count as number;
    await leader
      .locator('.ant-pagination-total-text')
      .filter({ hasText: `共 ${signed} 条` })
      .waitFor();
  });

  it('the wall screen renders at 1920×1080', async () => {
    const wall = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await wall.addCookies(await leaderCtx.cookies());
    const page = await wall.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/screen`);
    await page.getByTestId('wall-screen').waitFor();
    await page.getByTestId('cockpit-funnel').locator('canvas').first().waitFor();
    await page.waitForTimeout(1500); // let the charts finish their entry animation
    const size = await page.getByTestId('wall-screen').boundingBox();
    expect(size?.width).toBe(1920);
    const file = path.join(path.dirname(await screenshot(page, 'wall-screen')), 'wall-screen-viewport.png');
    await page.screenshot({ path: file });
    const bg = await page.evaluate(
      "getComputedStyle(document.querySelector('[data-testid=wall-screen]')).backgroundImage",
    );
    expect(bg).toContain('gradient');
    // Nothing on the wall is a menu: no side navigation.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await wall.close();
  });

  it('the dispatch report downloads and carries the figures', async () => {
    await leader.goto(`${server.url}/cockpit`);
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByTestId('report-dispatch-docx').click(),
    ]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    expect(file.endsWith('.docx')).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const { expected, reported } = before.latestRound as { expected: number; reported: number };
    expect(xml).toContain(`共调度重点项目${expected}个`);
    expect(xml).toContain(`已报送${reported + 1}个`);
    expect(xml).toContain('浏览器测试');
    expect(xml).toContain('仿宋_GB2312');
    expect(pageErrors).toEqual([]);
  });
});
