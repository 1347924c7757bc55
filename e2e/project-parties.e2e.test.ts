import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER, screenshot, signIn } from './support/browser';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Issue 14 in the browser, on the demo: a figure on the project page says where it comes from,
 * the firm page labels how the firm stands to each project, and the cockpit switches to 实际.
 */
describe.skipIf(SKIP_BROWSER)('project company and figure provenance', () => {
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

  it('tags 乖宝’s promised investment, labels 瀚洋重工有限公司 as 项目公司, switches the cockpit', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page.context(), server.url, 'leader', E2E_PASSWORD);
    const api = async (path: string) =>
      (await (await page.request.get(`${server.url}${path}`)).json()) as {
        items: Array<{ id: string; name: string }>;
      };
    const gb = (await api(`/api/projects?q=${encodeURIComponent('乖宝宠物年产10万吨')}`)).items[0];
    if (!gb) throw new Error('no 乖宝 project in the demo');
    await page.goto(`${server.url}/projects/${gb.id}`);
    const investment = page.getByTestId('project-figure-totalInvestment');
    await investment.getByTestId('figure-source-promised').waitFor();
    expect(await investment.textContent()).toContain('承诺');
    await screenshot(page, 'kpi-project-page', { fullPage: false });

    const hanyang = (await api(`/api/firms?q=${encodeURIComponent('瀚洋重工有限公司')}`)).items.find(
      (f) => f.name === '瀚洋重工有限公司',
    );
    if (!hanyang) throw new Error('no 瀚洋重工有限公司 in the demo');
    await page.goto(`${server.url}/firms/${hanyang.id}`);
    const row = page.getByTestId('firm-project').filter({ hasText: '瀚洋重工大型高端特种装备项目' });
    await row.getByTestId('firm-project-role-company').waitFor();
    expect(await row.getByTestId('firm-project-role-company').textContent()).toBe('项目公司');
    await screenshot(page, 'kpi-firm-page', { fullPage: false });

    await page.goto(`${server.url}/cockpit`);
    await page.getByTestId('cockpit-kpi-mode').getByText('实际').click();
    await page.getByTestId('cockpit-kpi-actual').waitFor();
    expect(await page.getByTestId('cockpit-kpi-actual').textContent()).toContain('累计完成投资');
    await screenshot(page, 'kpi-cockpit', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/projects/${gb.id}`);
    await page.getByTestId('project-figure-totalInvestment').waitFor();
    await screenshot(page, 'kpi-project-phone', { fullPage: true });
    await page.close();
  });
});
