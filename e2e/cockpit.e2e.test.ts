import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chartsFinished,
  launchBrowser,
  openInApp,
  SKIP_BROWSER,
  screenshot,
  signIn,
} from './support/browser';
import { renderDocx, SKIP_OFFICE } from './support/office';
import { E2E_PASSWORD, ROOT, type RunningServer, startServer } from './support/server';

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
  /** The downloaded dispatch .docx (rendered by the next test). */
  let docx = '';
  let before: CockpitJson;
  const pageErrors: string[] = [];
  /** The 期数 the round's report was issued under (1 unless a failed attempt issued it already). */
  let issuedNumber = 1;
  /**
   * Which attempt of the running test this is: 0, then 1 on its CI retry (vitest.config.ts). A retry
   * runs on the database its failed first attempt left: a report filed, a 文号 taken, an issue
   * withdrawn. Each test below says how its retry starts from where the first test left things.
   */
  let attempt = 0;
  beforeEach(({ task }) => {
    attempt = task.result?.retryCount ?? 0;
  });

  /** The leader's API call with the session's CSRF token. */
  async function leaderPost<T>(url: string, data: unknown): Promise<T> {
    const me = (await (await leader.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const res = await leader.request.post(`${server.url}${url}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data,
    });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  }

  type Issue = {
    id: string;
    roundId: string;
    kind: string;
    year: number;
    number: number;
    withdrawnAt: string | null;
  };
  async function issueList(): Promise<{ items: Issue[]; defaults: { issuer: string } }> {
    const res = await leader.request.get(`${server.url}/api/reports/dispatch/issues`);
    return (await res.json()) as { items: Issue[]; defaults: { issuer: string } };
  }
  const issues = async () => (await issueList()).items;

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
      p.on('pageerror', (error) => pageErrors.push(error.message));
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-e2e-cockpit-'));
    await signIn(firm.context(), server.url, 'firm', E2E_PASSWORD);
    await signIn(leader.context(), server.url, 'leader', E2E_PASSWORD);
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
    const reports = async () => {
      const res = await firm.request.get(`${server.url}/api/rounds/reports`, {
        params: { roundId, limit: 50 },
      });
      return (
        (await res.json()) as {
          items: Array<{ projectId: string; narrative: string; fundsPeriod: number; photos: unknown[] }>;
        }
      ).items;
    };
    // The firm sees only its own projects; pick one it has not reported yet. A retry whose first
    // attempt filed already corrects that report instead: the round still counts one report more.
    const filed = (await reports()).find((r) => r.narrative.includes('浏览器测试'));
    if (filed) {
      await firm.getByTestId(`round-report-${filed.projectId}`).click();
    } else {
      await table.locator('tr').filter({ hasText: '未报送' }).first().getByRole('button').click();
    }
    const form = firm.getByTestId('round-report-form');
    await form.waitFor();
    await (await numberInput(firm, 'round-report-investment')).fill('1234');
    await (await numberInput(firm, 'round-report-funds')).fill('5678');
    const narrative = `2栋车间主体框架已完工，2栋在建（浏览器测试${attempt === 0 ? '' : `，重试${attempt}次`}）`;
    await firm.getByTestId('round-report-narrative').fill(narrative);
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await form.locator('.ant-upload-list-item').first().waitFor();
    await firm.getByTestId('round-report-submit').click();
    await form.waitFor({ state: 'detached' });
    const mine = (await reports()).find((r) => r.narrative === narrative);
    expect(mine?.fundsPeriod).toBe(56_780_000);
    // The photo sent now, beside those of the report it corrects, if any.
    expect(mine?.photos).toHaveLength((filed?.photos.length ?? 0) + 1);
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
    await chartsFinished(page);
    const size = await page.getByTestId('wall-screen').boundingBox();
    expect(size?.width).toBe(1920);
    await screenshot(page, 'wall-screen');
    await screenshot(page, 'wall-screen-viewport', { fullPage: false });
    const bg = await page.evaluate(
      "getComputedStyle(document.querySelector('[data-testid=wall-screen]')).backgroundImage",
    );
    expect(bg).toContain('gradient');
    // Nothing on the wall is a menu: no side navigation.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await wall.close();
  });

  it('the leader issues the round’s report: 签发 takes a 文号 with the 发文单位 and 抄送', async () => {
    const roundId = before.latestRound?.id as string;
    // A retry whose first attempt issued the round withdraws that issue (作废) first: the round is
    // then issued under the next 期数, which no issue ever reuses.
    const inForce = (await issues()).filter((i) => i.roundId === roundId && !i.withdrawnAt);
    for (const issue of inForce) {
      await leaderPost(`/api/reports/dispatch/issues/${issue.id}/withdraw`, {
        reason: '浏览器测试重试前作废',
      });
    }
    const all = await issues();
    const earlier = all.find((i) => i.roundId === roundId);
    const taken = all
      .filter((i) => i.kind === earlier?.kind && i.year === earlier?.year)
      .map((i) => i.number);
    issuedNumber = 1 + Math.max(0, ...taken);
    await openInApp(leader, `${server.url}/rounds/${roundId}`);
    await leader.getByTestId('report-issue').click();
    // The form offers the zone's 管委会 as the issuing unit the first time.
    await poll(() => leader.getByTestId('report-issuer').inputValue()).toContain('管理委员会');
    await leader.getByTestId('report-cc').fill('市商务局、市投资促进中心');
    // Wait on the issue's own answer, so a refusal is reported as such, not as a number that never came.
    const issued = leader.waitForResponse(
      (res) => res.url().includes('/api/reports/dispatch/issues') && res.request().method() === 'POST',
    );
    await leader.getByRole('button', { name: '签发并取文号' }).click();
    const answer = await issued;
    expect(answer.status(), await answer.text()).toBe(201);
    await poll(() => leader.getByTestId('report-doc-number').innerText()).toMatch(
      new RegExp(`^[周月]调度〔\\d{4}〕第${issuedNumber}期$`),
    );
    await screenshot(leader, 'round-issued');
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
    expect(xml).toMatch(new RegExp(`[周月]调度〔\\d{4}〕第${issuedNumber}期`));
    expect(pageErrors).toEqual([]);
    docx = file;
  });

  // As a reader gets it: LibreOffice prints the .docx; its 合计 rows carry the round's roll-up.
  it.skipIf(SKIP_OFFICE)(
    'the dispatch .docx renders to PNG and its 合计 rows are the round’s totals',
    async () => {
      expect(docx).toBeTruthy();
      const { pages, pngs } = renderDocx(docx);
      const text = pages.join('\n');
      expect(text).toMatch(new RegExp(`[周月]调度〔\\d{4}〕第 ?${issuedNumber} ?期`));
      expect(text).toContain('抄送：市商务局、市投资促进中心。');

      const roundId = before.latestRound?.id as string;
      const detail = (await (await leader.request.get(`${server.url}/api/rounds/${roundId}`)).json()) as {
        rollups: { zone: Record<'projects' | 'reported', number> & Record<string, number> };
      };
      const z = detail.rollups.zone;
      const wan = (yuan: number) =>
        (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const expected = [
        '合计',
        String(z.projects),
        wan(z.totalInvestment as number),
        wan(z.investmentPeriod as number),
        wan(z.fundsPeriod as number),
        `${z.reported}/${z.projects}`,
        wan(z.investmentInStats as number),
        wan(z.investmentCumulative as number),
      ];
      // The chain table and the park table each end with the same 合计 row, whole on one line.
      const totals = text
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells[0] === '合计');
      expect(totals).toEqual([expected, expected]);

      // Every page is a PNG with ink on it (not a blank render).
      expect(pngs.length).toBe(pages.filter((p) => p.trim()).length);
      const blank = await browser.newPage();
      for (const png of pngs) {
        const inked = (await blank.evaluate(
          `(async (b64) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(img.width, img.height);
          const g = canvas.getContext('2d');
          g.drawImage(img, 0, 0);
          const d = g.getImageData(0, 0, img.width, img.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 384) dark++;
          return dark / (img.width * img.height);
        })(${JSON.stringify(fs.readFileSync(png).toString('base64'))})`,
        )) as number;
        expect(inked, png).toBeGreaterThan(0.005);
      }
      await blank.close();
      // Kept beside the browser screenshots, for a person to look at.
      const shots = path.join(ROOT, 'test-results', 'screenshots');
      fs.mkdirSync(shots, { recursive: true });
      for (const [i, png] of pngs.entries()) {
        fs.copyFileSync(png, path.join(shots, `dispatch-docx-page-${i + 1}.png`));
      }
    },
  );

  it('the leader withdraws the issue (作废) with a reason and issues the round again with the next 文号', async () => {
    const roundId = before.latestRound?.id as string;
    // A retry whose first attempt withdrew the issue and did not issue again issues it first.
    if (!(await issues()).some((i) => i.roundId === roundId && !i.withdrawnAt)) {
      const { issuer } = (await issueList()).defaults;
      await leaderPost('/api/reports/dispatch/issues', { roundId, issuer, cc: '市商务局、市投资促进中心' });
    }
    await leader.goto(`${server.url}/rounds/${roundId}`);
    const first = await leader.getByTestId('report-doc-number').innerText();
    const next = Number(/第(\d+)期/.exec(first)?.[1]) + 1;
    await leader.getByTestId('report-withdraw').click();
    await leader.getByTestId('report-withdraw-reason').fill('抄送单位漏列市发展改革委');
    const withdrawn = leader.waitForResponse(
      (res) => res.url().includes('/withdraw') && res.request().method() === 'POST',
    );
    await leader.getByTestId('report-withdraw-ok').click();
    const answer = await withdrawn;
    expect(answer.status(), await answer.text()).toBe(200);
    // Kept and marked: the withdrawn number with who withdrew it and why; the button now re-issues.
    await poll(() => leader.getByTestId('report-withdrawn').innerText()).toContain(
      '抄送单位漏列市发展改革委',
    );
    expect(await leader.getByTestId('report-withdrawn').innerText()).toContain(first);
    await leader.getByTestId('report-issue').filter({ hasText: '重新签发' }).click();
    await leader.getByTestId('report-cc').fill('市商务局、市投资促进中心、市发展改革委');
    const issued = leader.waitForResponse(
      (res) => res.url().endsWith('/api/reports/dispatch/issues') && res.request().method() === 'POST',
    );
    await leader.getByRole('button', { name: '签发并取文号' }).click();
    expect((await issued).status()).toBe(201);
    await poll(() => leader.getByTestId('report-doc-number').innerText()).toMatch(
      new RegExp(`^[周月]调度〔\\d{4}〕第${next}期$`),
    );
    await screenshot(leader, 'round-issue-withdrawn-and-reissued');
  });
});
