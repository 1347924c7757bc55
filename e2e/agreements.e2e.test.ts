import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openInApp, SKIP_BROWSER, screenshot, signIn } from './support/browser';
import { runNow } from './support/run-clock';
import { pickOption } from './support/select';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Issue 14's screens on the demo: 乖宝's 履约 card shows its promise as 承诺, the 履约考核 page
 * lists a project behind, and the 亩均 ranking shows classes. One server, one admin session.
 */
describe.skipIf(SKIP_BROWSER)('agreements, compliance and 亩均 screens', () => {
  let server: RunningServer;
  let browser: Browser;
  let tmp = '';
  /**
   * Which attempt of the running test this is: 0, then 1 on its CI retry (vitest.config.ts). A retry
   * runs on the database its failed first attempt left: it enters its agreement on another project
   * (the first has one now) under a number of its own.
   */
  let attempt = 0;
  /** The test's page, closed after it even when the test failed half-way. */
  let openPage: Page | null = null;

  beforeEach(({ task }) => {
    attempt = task.result?.retryCount ?? 0;
  });
  afterEach(async () => {
    await openPage?.close();
    openPage = null;
  });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-agree-'));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows 乖宝’s 承诺 5.6亿元, a 落后 row and the A–D classes', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    openPage = page;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page.context(), server.url, 'admin', E2E_PASSWORD);
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
    await screenshot(page, 'agreement-card', { fullPage: false });
    const [notice] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: '履约提醒函' }).click(),
    ]);
    expect(notice.suggestedFilename()).toMatch(/^履约提醒函-XM2024-00003.*\.docx$/);
    await card.getByRole('button', { name: '新建协议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承诺事项').waitFor();
    await screenshot(page, 'agreement-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openInApp(page, `${server.url}/compliance`);
    await page.getByTestId('compliance-summary').waitFor();
    const behind = page.locator('tr').filter({ has: page.getByTestId('compliance-behind') });
    await behind.first().waitFor();
    expect(await behind.count()).toBeGreaterThan(0);
    await screenshot(page, 'compliance', { fullPage: false });

    await openInApp(page, `${server.url}/mu-evaluations`);
    await page.getByTestId('mu-counts').waitFor();
    await page.getByTestId('mu-class-A').first().waitFor();
    expect(await page.getByTestId('mu-counts').textContent()).toMatch(/A 类 \d+ 家/);
    await screenshot(page, 'mu-evaluations', { fullPage: false });

    await page.setViewportSize({ width: 390, height: 844 });
    await openInApp(page, `${server.url}/projects/${gb.id}`);
    await page.getByTestId('agreement-card').getByText('5.6亿元').first().waitFor();
    await page.getByTestId('agreement-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-card-phone', { fullPage: false });
    await openInApp(page, `${server.url}/compliance`);
    await page.getByTestId('compliance-summary').waitFor();
    await screenshot(page, 'compliance-phone', { fullPage: false });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  /** The statistics template (as the page offers it) with rows filled in by Chinese header. */
  async function statisticsTable(page: Page, rows: Array<Record<string, string | number>>, name: string) {
    const res = await page.request.get(`${server.url}/api/actuals/template.xlsx`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace('*', ''), n));
    rows.forEach((r, i) => {
      const row = ws.getRow(4 + i);
      for (const [h, v] of Object.entries(r)) row.getCell(col.get(h) as number).value = v;
      row.commit();
    });
    const file = path.join(tmp, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('an agreement entered, a statistics table refused then imported, the project behind on tax: compliance, cockpit, warning, action, notice, 亩均', async () => {
    // The cockpit and the warnings judge the last complete year (its figures are in).
    const year = runNow().getFullYear() - 1;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    openPage = page;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page.context(), server.url, 'admin', E2E_PASSWORD);
    const json = async <T>(url: string) =>
      (await (await page.request.get(`${server.url}${url}`)).json()) as T;

    // A demo project with an investor and no agreement yet.
    type P = { id: string; code: string; name: string };
    const projects = (await json<{ items: P[] }>('/api/projects?limit=40')).items;
    let project: P | null = null;
    let firmName = '';
    for (const p of projects) {
      const detail = await json<{ investors: Array<{ firmName: string }> }>(`/api/projects/${p.id}`);
      const agreements = await json<{ items: unknown[] }>(`/api/projects/${p.id}/agreements`);
      if (detail.investors.length > 0 && agreements.items.length === 0) {
        project = p;
        firmName = (detail.investors[0] as { firmName: string }).firmName;
        break;
      }
    }
    if (!project) throw new Error('no demo project without an agreement');

    // 1. Enter the agreement: tax of 1000万元 promised for the year.
    await page.goto(`${server.url}/projects/${project.id}`);
    const card = page.getByTestId('agreement-card');
    await card.getByRole('button', { name: '新建协议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承诺事项').waitFor();
    await dialog.getByLabel('协议编号').fill(attempt === 0 ? 'E2E-履约-001' : `E2E-履约-001-重试${attempt}`);
    await dialog.getByLabel('签订日期').fill(`${year - 1}-03-01`);
    await dialog.getByLabel('园区方').fill('开发区管委会');
    await dialog.getByLabel('签约企业').fill(firmName);
    await pickOption(page, dialog.getByLabel('指标'), '税收');
    await dialog.getByPlaceholder('数值').fill('1000');
    await dialog.getByPlaceholder('到期年份').fill(String(year));
    const [created] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/projects/${project.id}/agreements`) && r.request().method() === 'POST',
      ),
      dialog.getByRole('button', { name: /确\s*定/ }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await card.getByText('1000万元').first().waitFor();

    // 2. The statistics table with one bad row: refused whole, nothing written, the error file offered.
    const good = {
      企业: firmName,
      项目编号: project.code,
      年度: year,
      来源: '统计局',
      确认人: '统计局李科长',
      税收: '500万',
    };
    const bad = { ...good, 企业: '不存在的企业有限公司' };
    await page.goto(`${server.url}/compliance?year=${year}`);
    await page.getByTestId('compliance-summary').waitFor();
    const upload = page.locator('input[type=file]');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/actuals/import')),
      upload.setInputFiles(await statisticsTable(page, [good, bad], 'stats-bad.xlsx')),
    ]);
    expect((await refused.json()) as unknown).toMatchObject({ ok: false, imported: 0, errorCount: 1 });
    const errorsBox = page.getByTestId('actual-import-errors');
    await errorsBox.waitFor();
    expect(await errorsBox.innerText()).toContain('第 5 行');
    const actuals = await json<{ items: unknown[] }>(`/api/projects/${project.id}/actuals`);
    expect(actuals.items).toEqual([]);
    const [errorDownload] = await Promise.all([
      page.waitForEvent('download'),
      errorsBox.getByRole('button', { name: '下载错误文件' }).click(),
    ]);
    const errorPath = path.join(tmp, 'errors.xlsx');
    await errorDownload.saveAs(errorPath);
    const errorBook = new ExcelJS.Workbook();
    await errorBook.xlsx.readFile(errorPath);
    expect(String(errorBook.worksheets[0]?.getRow(5).getCell(1).value)).toContain('不存在的企业有限公司');

    // Fixed (the bad row taken out): imported.
    const [imported] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/actuals/import')),
      upload.setInputFiles(await statisticsTable(page, [good], 'stats-fixed.xlsx')),
    ]);
    expect((await imported.json()) as unknown).toMatchObject({ ok: true, imported: 1 });

    // 3. Behind on tax in the compliance view (500万 of 1000万 promised).
    await page.goto(`${server.url}/compliance?year=${year}&status=behind`);
    const taxRow = page.locator('tr').filter({ hasText: project.name }).filter({ hasText: '税收' });
    await taxRow
      .getByTestId('compliance-behind')
      .waitFor()
      .catch(async (error: unknown) => {
        // This wait has failed now and then on a first attempt (cause open): say how the server
        // judged this project's commitments at that moment.
        const items = await json<{ items: unknown[] }>(
          `/api/compliance?year=${year}&projectId=${project.id}`,
        );
        console.warn(
          `[agreements] compliance of ${project.code} when the row was missing:`,
          JSON.stringify(items.items),
        );
        throw error;
      });
    expect(await taxRow.innerText()).toContain('500万元');
    await screenshot(page, 'compliance-behind', { fullPage: false });

    // The 履约提醒函 of that project: a .docx download, and the file itself answers 200 as a docx.
    const [notice] = await Promise.all([
      page.waitForEvent('download'),
      taxRow.getByRole('button', { name: /提醒函/ }).click(),
    ]);
    expect(notice.suggestedFilename()).toBe(`履约提醒函-${project.code}-${year}.docx`);
    const docx = await page.request.get(
      `${server.url}/api/projects/${project.id}/compliance-notice.docx?year=${year}`,
    );
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');

    // A consequence on the behind commitment: 约谈.
    await taxRow.getByTestId('compliance-act').click();
    const act = page.getByRole('dialog');
    await act.getByLabel('说明').fill('约谈企业负责人，督促按季度报送税收');
    const [acted] = await Promise.all([
      page.waitForResponse((r) => /\/api\/agreements\/[^/]+\/actions$/.test(r.url())),
      act.getByRole('button', { name: /确\s*定/ }).click(),
    ]);
    expect(acted.status(), await acted.text()).toBe(201);
    const recorded = (await acted.json()) as { actions: Array<{ kind: string; note: string | null }> };
    expect(recorded.actions).toEqual([expect.objectContaining({ kind: 'interview' })]);
    await act.waitFor({ state: 'hidden' });

    // 4. The cockpit's 履约 figure counts it, and opens the same list.
    const zone = await json<{ summary: { behind: number } }>(`/api/compliance?year=${year}`);
    await openInApp(page, `${server.url}/cockpit`);
    const behindLink = page.getByTestId('cockpit-compliance-behind');
    await behindLink.waitFor();
    expect(await behindLink.innerText()).toBe(`${year} 年履约落后 ${zone.summary.behind} 项`);
    await behindLink.click();
    await page.waitForURL(/\/compliance\?/);
    await taxRow.getByTestId('compliance-behind').waitFor();

    // 5. The warnings list, filtered to 履约落后, names the project.
    await openInApp(page, `${server.url}/warnings?kind=commitment_behind`);
    const warningRow = page.getByTestId('warnings-table').locator('tr').filter({ hasText: project.name });
    await warningRow.first().waitFor();
    expect(await warningRow.first().innerText()).toContain('履约落后');
    expect(
      await page
        .getByTestId('warnings-table')
        .locator('tbody tr.ant-table-row')
        .filter({ hasNotText: '履约落后' })
        .count(),
    ).toBe(0);

    // 6. Run the 亩均 evaluation of the year and open its ranking.
    await openInApp(page, `${server.url}/mu-evaluations`);
    const [ran] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/mu-evaluations') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /开始评价/ }).click(),
    ]);
    expect(ran.status(), await ran.text()).toBe(201);
    const evaluation = (await ran.json()) as {
      year: number;
      items: Array<{ class: string | null; rank: number | null }>;
    };
    expect(evaluation.year).toBe(year);
    const rated = evaluation.items.filter((i) => i.class !== null);
    expect(rated.length).toBeGreaterThan(0);
    await page.getByTestId('mu-counts').waitFor();
    const first = rated.find((i) => i.rank === 1);
    await page.getByTestId(`mu-class-${first?.class}`).first().waitFor();
    await screenshot(page, 'mu-ranking', { fullPage: false });

    // 7. The compliance list on a phone: cards, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/compliance?year=${year}&status=behind`);
    const phoneCard = page
      .getByTestId('compliance-card')
      .filter({ hasText: project.name })
      .filter({ hasText: '税收' });
    await phoneCard.getByTestId('compliance-behind').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'compliance-phone-cards', { fullPage: false });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
