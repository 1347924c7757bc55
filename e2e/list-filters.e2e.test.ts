import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, SKIP_BROWSER, screenshot } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Filters live in the address (issue 15): a leader clicks a cockpit figure, sees on the list what it
 * is filtered by, clears it, goes Back and finds the cockpit's own filters again.
 */

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(SKIP_BROWSER)('list filters in the address', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let leader: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    leader = await ctx.newPage();
    // Long enough for a full-page screenshot on a loaded machine; waits are conditions, not times.
    leader.setDefaultTimeout(60_000);
    leader.on('pageerror', (error) => pageErrors.push(error.message));
    await loginAs(leader, server.url, 'leader', E2E_PASSWORD);
    await leader.getByTestId('logout').waitFor();
  });

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('cockpit figure → filtered list shows and clears its filter → Back restores the cockpit', async () => {
    const zone = (await (await leader.request.get(`${server.url}/api/cockpit`)).json()) as {
      options: { parks: string[] };
    };
    const park = zone.options.parks[0] as string;
    expect(park).toBeTruthy();
    await leader.goto(`${server.url}/cockpit?park=${encodeURIComponent(park)}`);
    await poll(() => leader.getByTestId('cockpit-filters').innerText()).toContain(park);
    await leader.getByTestId('cockpit-total-started').click();

    // The list says what it is filtered by: the cockpit's park and the figure's stages.
    await poll(async () => new URL(leader.url()).pathname).toBe('/projects');
    expect(new URL(leader.url()).searchParams.get('park')).toBe(park);
    const tags = leader.getByTestId('project-active-filters');
    await poll(() => tags.innerText()).toContain(`所在园区：${park}`);
    await poll(() => tags.innerText()).toContain('阶段：开工');
    await screenshot(leader, 'list-filters-from-cockpit');
    const filtered = await leader.locator('.ant-pagination-total-text').first().innerText();

    // One filter cleared: the address and the list follow; then all of them.
    await leader.getByTestId('active-filter-park').locator('.ant-tag-close-icon').click();
    await poll(async () => new URL(leader.url()).searchParams.get('park')).toBeNull();
    await leader.getByTestId('project-active-filters-clear').click();
    await poll(async () => new URL(leader.url()).search).toBe('');
    await poll(() => tags.count()).toBe(0);
    await poll(() => leader.locator('.ant-pagination-total-text').first().innerText()).not.toBe(filtered);

    // Back: the cockpit, with the park it had.
    await leader.goBack();
    await poll(async () => new URL(leader.url()).pathname).toBe('/cockpit');
    expect(new URL(leader.url()).searchParams.get('park')).toBe(park);
    await poll(() => leader.getByTestId('cockpit-filters').innerText()).toContain(park);

    // A bookmark of a filtered list opens filtered, and the search box's text is in the address.
    await leader.goto(`${server.url}/warnings?kind=stage_stuck`);
    await poll(() => leader.getByTestId('warning-filters').innerText()).toContain('类型：阶段停滞');
    await screenshot(leader, 'list-filters-warnings');
    expect(pageErrors).toEqual([]);
  });
});
