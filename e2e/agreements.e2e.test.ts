import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, SKIP_BROWSER } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Issue 14's screens on the demo: 乖宝's 履约 card shows its promise as 承诺, the 履约考核 page
 * lists a project behind, and the 亩均 ranking shows classes. One server, one admin session.
 */
describe.skipIf(SKIP_BROWSER)('agreements, compliance and 亩均 screens', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows 乖宝’s 承诺 5.6亿元, a 落后 row and the A–D classes', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await loginAs(page, server.url, 'admin', E2E_PASSWORD);
    await page.getByTestId('logout').waitFor();
    const found = await page.request.get(`${server.url}/api/projects?q=XM2024-00003`);
    const gb = ((await found.json()) as { items: Array<{ id: string; code: string }> }).items.find(
      (p) => p.code === 'XM2024-00003',
    );
    if (!gb) throw new Error('no XM2024-00003 in the demo');

    await page.goto(`${server.url}/projects/${gb.id}`);
    const card = page.getByTestId('agreement-card');
    await card.getByText('5.6亿元').first().waitFor();
    const investmentRow = card.locator('tr').filter({ hasText: '总投资' }).first();
    expect(await investmentRow.textContent()).toContain('承诺5.6亿元');
    await card.getByTestId('agreement-chart').locator('canvas').waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/agreement-card.png' });
    const [notice] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: '履约提醒函' }).click(),
    ]);
    expect(notice.suggestedFilename()).toMatch(/^履约提醒函-XM2024-00003.*\.docx$/);
    await card.getByRole('button', { name: '新建协议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承诺事项').waitFor();
    await page.screenshot({ path: '/tmp/agreement-dialog.png' });
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${server.url}/compliance`);
    await page.getByTestId('compliance-summary').waitFor();
    const behind = page.locator('tr').filter({ has: page.getByTestId('compliance-behind') });
    await behind.first().waitFor();
    expect(await behind.count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/compliance.png' });

    await page.goto(`${server.url}/mu-evaluations`);
    await page.getByTestId('mu-counts').waitFor();
    await page.getByTestId('mu-class-A').first().waitFor();
    expect(await page.getByTestId('mu-counts').textContent()).toMatch(/A 类 \d+ 家/);
    await page.screenshot({ path: '/tmp/mu-evaluations.png' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/projects/${gb.id}`);
    await page.getByTestId('agreement-card').getByText('5.6亿元').first().waitFor();
    await page.getByTestId('agreement-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/agreement-card-phone.png' });
    await page.goto(`${server.url}/compliance`);
    await page.getByTestId('compliance-summary').waitFor();
    await page.screenshot({ path: '/tmp/compliance-phone.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
