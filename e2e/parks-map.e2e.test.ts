import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmlOf, threePlots } from '../server/src/modules/plot/plot-import.test-fixtures';
import { launchBrowser, loginAs, SKIP_BROWSER, screenshot } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * The 招商地图 (issue 18): an officer imports a KML of three plots into the pet park, sees them on
 * the map, filters the pet chain's plots for sale, opens one, reserves it for their lead, and the
 * park's land-taken figure moves.
 */
describe.skipIf(SKIP_BROWSER)('parks and the investment map in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a KML, filters vacant pet-chain plots, reserves one for a lead, and the park’s figure changes', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await loginAs(page, server.url, 'officer', E2E_PASSWORD);
    await page.getByTestId('logout').waitFor();
    const parks = (await (await page.request.get(`${server.url}/api/parks`)).json()).items as Array<{
      id: string;
      name: string;
      chains: Array<{ id: string }>;
    }>;
    const park = parks.find((p) => p.name === '坤源宠物食品用品产业园');
    const petChain = park?.chains[0]?.id ?? '';
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      user: { id: string };
    };
    const leads = (
      await (await page.request.get(`${server.url}/api/leads?ownerId=${me.user.id}&limit=1`)).json()
    ).items as Array<{ title: string }>;
    const lead = leads[0]?.title ?? '';
    expect(lead).not.toBe('');

    // Import: preview of three fine features, then apply.
    await page.goto(`${server.url}/parks/${park?.id}`);
    const taken = page.getByTestId('land-taken-rate');
    const before = await taken.innerText();
    await page.getByTestId('open-import').click();
    await page.locator('.ant-modal input[type="file"]').setInputFiles({
      name: 'plots.kml',
      mimeType: 'application/vnd.google-earth.kml+xml',
      buffer: kmlOf(threePlots('E2E')),
    });
    await page.getByTestId('import-preview').getByText('E2E-3').waitFor();
    await screenshot(page, 'parks-import-preview');
    await page.getByTestId('import-apply').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });

    // The map, filtered to the pet chain's plots for sale: the imported ones are there.
    await page.goto(`${server.url}/map?chainId=${petChain}&status=for_sale`);
    await page.getByTestId('park-map').locator('canvas').first().waitFor();
    const list = page.getByTestId('map-plot-list');
    await list.getByText('E2E-1').waitFor();
    const statuses = await list.locator('.ant-tag').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.startsWith('待出让'))).toBe(true);
    await page.getByTestId('plot-row-E2E-1').click();
    const panel = page.getByTestId('plot-panel');
    await panel.getByText('E2E-1').waitFor();
    await screenshot(page, 'parks-map');

    // Reserve it for the officer's lead.
    await page.getByTestId('reserve-lead').click();
    await page.keyboard.type(lead.slice(0, 4));
    await page.locator('.ant-select-item-option').filter({ hasText: lead }).first().click();
    await panel.getByRole('button', { name: /意向预留/ }).click();
    await panel.getByText(`已为「${lead}」意向预留`).waitFor();

    await page.goto(`${server.url}/parks/${park?.id}`);
    await page.getByTestId('park-figures').waitFor();
    await expect.poll(() => taken.innerText()).not.toBe(before);
    await screenshot(page, 'parks-detail');

    // The same map on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/map?chainId=${petChain}&status=for_sale`);
    await page.getByTestId('map-plot-list').getByText('E2E-1').waitFor();
    await screenshot(page, 'parks-map-phone');
    await page.close();
  });
});
