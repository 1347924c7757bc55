import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, SKIP_BROWSER, screenshot } from './support/browser';
import { E2E_PASSWORD, ROOT, type RunningServer, startServer } from './support/server';

/**
 * Field work on a phone (issue 17) at 390×844, and the same flows at 1440×900: a firm files a round
 * report with a photo, an officer logs a visit, a leader opens the cockpit and the warnings. Every
 * page must fit the screen (nothing wider than the viewport) and its primary button must be inside
 * the viewport and clickable.
 */

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** A real PNG to attach as a site photo (the app's own icon). */
const PHOTO = path.join(ROOT, 'web', 'public', 'icons', 'icon-512.png');

async function expectFits(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, 'page wider than the viewport').toBeLessThanOrEqual(widths.inner);
}

/** The button is fully on screen and a click would land on it (trial: nothing is clicked). */
async function expectReachable(page: Page, button: Locator) {
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await button.click({ trial: true });
}

describe.skipIf(SKIP_BROWSER)('field work on the phone and the desktop', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string, viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.name === 'phone',
      hasTouch: viewport.name === 'phone',
      // The officer's phone at 坤源宠物食品用品产业园, offered only when the officer ticks 附上当前位置.
      geolocation: { latitude: 36.4563, longitude: 115.9852 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await loginAs(page, server.url, username, E2E_PASSWORD);
    await page.getByTestId('logout').waitFor();
    return page;
  }

  it('is installable: the manifest and its icons are served', async () => {
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.ok).toBe(true);
    const body = (await manifest.json()) as { display: string; icons: Array<{ src: string }> };
    expect(body.display).toBe('standalone');
    for (const icon of body.icons) {
      const res = await fetch(`${server.url}${icon.src}`);
      expect(res.headers.get('content-type')).toContain('image/png');
    }
  });

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    it('the workbench fits and, on a phone, the menu is a drawer behind the hamburger', async () => {
      const page = await signedIn('firm', viewport);
      await page.getByTestId('workbench-tile-toConfirm').waitFor();
      await expectFits(page);
      const menu = page.getByTestId('side-menu');
      if (viewport.name === 'phone') {
        expect(await menu.isVisible()).toBe(false);
        await page.getByTestId('menu-toggle').click();
        await menu.waitFor();
        await expectFits(page);
        await screenshot(page, `${viewport.name}-menu-drawer`);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
      } else {
        expect(await menu.isVisible()).toBe(true);
      }
      await screenshot(page, `${viewport.name}-workbench-firm`);
      await page.context().close();
    });

    it('a firm files a round report with a photo', async () => {
      const page = await signedIn('firm', viewport);
      const rounds = (await (await page.request.get(`${server.url}/api/rounds`)).json()) as {
        items: Array<{ id: string; status: string }>;
      };
      const roundId = rounds.items.find((r) => r.status === 'open')?.id ?? (rounds.items[0]?.id as string);
      const detail = (await (await page.request.get(`${server.url}/api/rounds/${roundId}`)).json()) as {
        projects: Array<{ projectId: string; reportId: string | null }>;
      };
      const project = detail.projects.find((p) => !p.reportId) ?? detail.projects[0];
      if (!project) throw new Error('the demo firm has no project in a round');
      await page.goto(`${server.url}/rounds/${roundId}`);
      await page.getByTestId('round-projects').waitFor();
      await expectFits(page);
      const fileButton = page.getByTestId(`round-report-${project.projectId}`);
      await expectReachable(page, fileButton);
      await screenshot(page, `${viewport.name}-round-detail-firm`);
      await fileButton.click();
      const form = page.getByTestId('round-report-form');
      await form.waitFor();
      await page.getByTestId('round-report-narrative').fill(`现场照片已上传（${viewport.name}）`);
      await form.locator('input[type=file]').setInputFiles(PHOTO);
      await form.locator('.ant-upload-list-item').first().waitFor();
      await expectFits(page);
      const submit = page.getByTestId('round-report-submit');
      await expectReachable(page, submit);
      await screenshot(page, `${viewport.name}-round-report-dialog`);
      await submit.click();
      await form.waitFor({ state: 'detached' });
      const reports = (await (
        await page.request.get(
          `${server.url}/api/rounds/reports?roundId=${roundId}&projectId=${project.projectId}`,
        )
      ).json()) as { items: Array<{ narrative: string; photos: Array<{ fileName: string }> }> };
      expect(reports.items[0]?.narrative).toBe(`现场照片已上传（${viewport.name}）`);
      // Resized in the browser: re-encoded as JPEG, so the name says .jpg.
      expect(reports.items[0]?.photos.map((p) => p.fileName)).toContain('icon-512.jpg');
      await page.context().close();
    });

    it('an officer logs a visit with a photo and the position, 保存 in reach', async () => {
      const page = await signedIn('officer', viewport);
      const leads = (await (await page.request.get(`${server.url}/api/leads?limit=1&offset=0`)).json()) as {
        items: Array<{ id: string }>;
      };
      const leadId = leads.items[0]?.id;
      if (!leadId) throw new Error('the demo zone has no lead');
      await page.goto(`${server.url}/leads/${leadId}`);
      await page.getByTestId('followup-add').click();
      await page.getByTestId('followup-form').waitFor();
      await page.getByTestId('followup-notes').fill(`走访企业，约定下周复访（${viewport.name}）`);
      const followupForm = page.getByTestId('followup-form');
      await followupForm.locator('input[type=file]').setInputFiles(PHOTO);
      await followupForm.locator('.ant-upload-list-item').first().waitFor();
      await page.getByTestId('followup-position').check();
      await followupForm.getByText('位置：北纬 36.4563，东经 115.9852').waitFor();
      await expectFits(page);
      const save = page.getByTestId('followup-submit');
      await expectReachable(page, save);
      await screenshot(page, `${viewport.name}-followup-dialog`);
      await save.click();
      await page.getByTestId('followups').getByText(`约定下周复访（${viewport.name}）`).waitFor();
      // The photo shows in the list, loaded (a decoded image has a width), and the position with it.
      const thumb = page.getByTestId('followup-photo-list').first().locator('img');
      await thumb.waitFor();
      await expect
        .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      await page.getByTestId('followups').getByText('位置：北纬 36.4563，东经 115.9852').first().waitFor();
      await expectFits(page);
      await screenshot(page, `${viewport.name}-lead-detail-officer`);
      await page.context().close();
    });

    it('a leader opens the cockpit and a warning', async () => {
      const page = await signedIn('leader', viewport);
      await page.goto(`${server.url}/cockpit`);
      await page.locator('canvas').first().waitFor();
      await expectFits(page);
      await screenshot(page, `${viewport.name}-cockpit-leader`);
      await page.goto(`${server.url}/warnings`);
      // A warning is a row that opens the record it is about.
      const row = page.getByTestId('warnings-table').locator('tr.ant-table-row').first();
      await row.waitFor();
      await expectFits(page);
      await screenshot(page, `${viewport.name}-warnings-leader`);
      await expectReachable(page, row.locator('td').first());
      await row.locator('td').first().click();
      await page.waitForURL((url) => url.pathname !== '/warnings');
      await page.getByTestId('logout').waitFor();
      await page.locator('main h3').first().waitFor();
      await expectFits(page);
      await screenshot(page, `${viewport.name}-warning-record-leader`);
      await page.context().close();
    });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
