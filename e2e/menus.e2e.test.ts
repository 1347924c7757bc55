import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openInApp, SKIP_BROWSER, screenshot, signIn } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/** A firm's menu on the phone opens no page that an /api call refuses; the audit log reads in words. */
describe.skipIf(SKIP_BROWSER)('menus per role and the readable audit log', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
    await signIn(context, server.url, username, E2E_PASSWORD);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('logout').waitFor();
    return page;
  }

  it("shows a firm no API-token entry and answers every entry's /api calls", async () => {
    const page = await signedIn('firm', 390, 844);
    const refused: string[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/') && res.status() >= 400) {
        refused.push(`${res.status()} ${res.url()}`);
      }
    });
    await page.getByTestId('menu-toggle').click();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.getByText('要素保障').waitFor();
    await screenshot(page, 'menus-firm-phone');
    expect(await drawer.getByText('API令牌').count()).toBe(0);
    const entries = drawer.locator('.ant-menu-item');
    const labels = await entries.allInnerTexts();
    expect(labels).toContain('要素保障');
    // Open every entry from the menu, as the firm would.
    for (let i = 0; i < labels.length; i += 1) {
      if (i > 0) await page.getByTestId('menu-toggle').click();
      await drawer.locator('.ant-menu-item').nth(i).click();
      await page.waitForLoadState('networkidle');
    }
    expect(refused).toEqual([]);
  });

  it('lets the admin add a group bot on 消息通道 and send a test that reports its failure', async ({
    task,
  }) => {
    // A CI retry (vitest.config.ts) runs on the server its failed first attempt left: its bot is
    // named apart from the one that attempt may have added.
    const retry = task.result?.retryCount ?? 0;
    const name = retry === 0 ? '招商群机器人（测试）' : `招商群机器人（测试）（重试${retry}次）`;
    const page = await signedIn('admin', 1440, 900);
    await openInApp(page, `${server.url}/channels`);
    await page.getByTestId('channel-add').click();
    await page.getByTestId('channel-name').fill(name);
    // .invalid never resolves (RFC 2606): the test send fails and says why, nothing leaves the machine.
    await page.getByTestId('channel-url').fill('https://hooks.example.invalid/send?key=secret-key');
    await page.getByTestId('channel-create-submit').click();
    const row = page.getByTestId('channel-list').locator('tr', { hasText: name });
    await row.waitFor();
    // The key is the credential: the list shows the address without it.
    expect(await row.innerText()).not.toContain('secret-key');
    const tested = page.waitForResponse((r) => /\/api\/notify\/channels\/[^/]+\/test$/.test(r.url()));
    await row.getByTestId('channel-test').click();
    expect(((await (await tested).json()) as { ok: boolean }).ok).toBe(false);
    await page.getByText('测试失败').waitFor();
    await screenshot(page, 'menus-channels-desktop');
  });

  it('names actions and actors in words on the audit log', async () => {
    const page = await signedIn('admin', 1440, 900);
    await openInApp(page, `${server.url}/audit`);
    const table = page.getByTestId('audit-table');
    await table.getByText('登录成功').first().waitFor();
    expect(await table.getByText('login.success').count()).toBe(0);
    await screenshot(page, 'menus-audit-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'menus-audit-phone');
  });
});
