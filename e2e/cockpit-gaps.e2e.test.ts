import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chartsFinished,
  launchBrowser,
  openInApp,
  SKIP_BROWSER,
  screenshot,
  signIn,
} from './support/browser';
import { pickOption } from './support/select';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * The cockpit's loose ends (issue 6): a request figure opens /requests filtered exactly as it
 * counts (zone-wide and under a park/chain filter); the wall screen fits 1920×1080 whole; the
 * printable dossier makes an A4 PDF that carries the project's name. Issue 15: a list opened from
 * a figure shows its filter and clears it, and Back gives the cockpit its own filters again; the
 * project page and the printable dossier list the project's requests and tasks.
 */

interface Link {
  path: string;
  query: Record<string, string>;
}
interface CockpitJson {
  filters: { park: string | null; chainId: string | null };
  totals: { projects: number; link: Link };
  funnel: Array<{ stage: string; count: number; link: Link }>;
  monthly: Array<{ month: string; signedCount: number; signedLink: Link; fundsLink: Link }>;
  late: { count: number; link: Link };
  warnings: { total: number };
  options: { parks: string[]; chains: Array<{ id: string; name: string }> };
  requests: {
    open: number;
    overdue: number;
    openLink: Link;
    overdueLink: Link;
    byDepartment: Array<{ departmentName: string | null; open: number; openLink: Link }>;
  };
  topProjects: { items: Array<{ id: string; name: string }> };
}

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const href = (link: Link) => `${link.path}?${new URLSearchParams(link.query)}`;

describe.skipIf(SKIP_BROWSER)('cockpit gaps in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let leader: Page;
  const pageErrors: string[] = [];

  const cockpit = async (query = '') =>
    (await (await leader.request.get(`${server.url}/api/cockpit${query}`)).json()) as CockpitJson;
  const listTotal = async (link: Link) => {
    const qs = new URLSearchParams({ ...link.query, limit: '1' });
    const res = await leader.request.get(`${server.url}/api${link.path}?${qs}`);
    return ((await res.json()) as { total: number }).total;
  };
  /** The total the list page shows in its pagination ("共 N 条"). */
  const shownTotal = async () => {
    const text = await leader.locator('.ant-pagination-total-text').first().innerText();
    return Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    leader = await ctx.newPage();
    leader.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(leader.context(), server.url, 'leader', E2E_PASSWORD);
  });

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the open and overdue request figures open /requests with the same count', async () => {
    const c = await cockpit();
    expect(c.requests.open).toBeGreaterThan(0);
    await openInApp(leader, `${server.url}/cockpit`);
    const open = leader.getByTestId('cockpit-requests-open');
    await poll(() => open.innerText()).toContain(String(c.requests.open));
    await open.click();
    await poll(async () => leader.url()).toMatch(/\/requests\?.*open=true/);
    await poll(shownTotal).toBe(c.requests.open);
    expect(await leader.getByTestId('request-open-only').isChecked()).toBe(true);
    await screenshot(leader, 'cockpit-gaps-requests-open');

    if (c.requests.overdue > 0) {
      await leader.goBack();
      await leader.getByTestId('cockpit-requests-overdue').click();
      await poll(async () => leader.url()).toMatch(/\/requests\?.*overdue=true/);
      await poll(shownTotal).toBe(c.requests.overdue);
    }
  });

  it('under a park or chain filter the figure, its link and the opened list agree', async () => {
    const zone = await cockpit();
    // The first park, else chain, whose projects have open requests (a real, non-zero figure).
    const choices = [
      ...zone.options.parks.map((p) => ({
        select: 'cockpit-park',
        label: p,
        key: 'park',
        value: p,
        q: 'park',
      })),
      ...zone.options.chains.map((ch) => ({
        select: 'cockpit-chain',
        label: ch.name,
        key: 'chainId',
        value: ch.id,
        q: 'chain',
      })),
    ];
    let pick: (typeof choices)[number] | null = null;
    let c: CockpitJson | null = null;
    for (const choice of choices) {
      const scoped = await cockpit(`?${choice.q}=${encodeURIComponent(choice.value)}`);
      if (scoped.requests.open > 0 && scoped.requests.open < zone.requests.open) {
        pick = choice;
        c = scoped;
        break;
      }
    }
    if (!pick || !c) throw new Error('no park or chain with some (not all) of the open requests');
    expect(c.requests.openLink.query[pick.key]).toBe(pick.value);
    expect(await listTotal(c.requests.openLink)).toBe(c.requests.open);

    await openInApp(leader, `${server.url}/cockpit`);
    await pickOption(leader, leader.getByTestId(pick.select), pick.label);
    const open = leader.getByTestId('cockpit-requests-open');
    await poll(() => open.innerText()).toBe(`未办结 ${c.requests.open}`);
    await open.click();
    await poll(async () => new URL(leader.url()).searchParams.get(pick.key)).toBe(pick.value);
    await poll(shownTotal).toBe(c.requests.open);
    const tag = leader.getByTestId(`request-filter-tag-${pick.key}`);
    await poll(() => tag.innerText()).toContain(pick.label);
    await screenshot(leader, 'cockpit-gaps-requests-scoped');
    // Dropping the filter widens the list back to the zone's open requests.
    await tag.locator('.ant-tag-close-icon').click();
    await poll(shownTotal).toBe(zone.requests.open);
    // Back on the cockpit, its filter is still set (it lives in the address).
    await leader.goBack();
    await poll(async () => new URL(leader.url()).searchParams.get(pick.q)).toBe(pick.value);
    await poll(() => leader.getByTestId('cockpit-requests-open').innerText()).toBe(
      `未办结 ${c.requests.open}`,
    );
  });

  it('the project, round-report and warning links open their lists with the figure’s count', async () => {
    const zone = await cockpit();
    // The chain with the most projects: its scope shows in every link's query.
    let c = zone;
    for (const ch of zone.options.chains) {
      const scoped = await cockpit(`?chain=${ch.id}`);
      if (scoped.totals.projects > 0 && (c === zone || scoped.totals.projects > c.totals.projects))
        c = scoped;
    }
    expect(c.filters.chainId).not.toBeNull();
    const month = c.monthly.find((m) => m.signedCount > 0);
    const projectLinks: Array<[string, Link, number]> = [
      ['totals', c.totals.link, c.totals.projects],
      [
        'funnel: started',
        c.funnel.find((f) => f.stage === 'started')?.link as Link,
        c.funnel.find((f) => f.stage === 'started')?.count ?? 0,
      ],
      ['late', c.late.link, c.late.count],
      ...(month
        ? [[`signed ${month.month}`, month.signedLink, month.signedCount] as [string, Link, number]]
        : []),
    ];
    for (const [name, link, count] of projectLinks) {
      expect(link.query.chainId, name).toBe(c.filters.chainId);
      await openInApp(leader, `${server.url}${href(link)}`);
      if (count === 0) continue;
      await poll(async () => {
        const text = await leader.locator('.ant-pagination-total-text').first().innerText();
        return Number(/(\d+)/.exec(text)?.[1]);
      }).toBe(count);
    }
    // The funds figure's reports: the page lists what the API list gives for the same query.
    const funds = zone.monthly.find((m) => m.month.endsWith('-08')) ?? zone.monthly[0];
    if (funds) {
      await openInApp(leader, `${server.url}${href(funds.fundsLink)}`);
      const total = await listTotal({ path: '/rounds/reports', query: funds.fundsLink.query });
      await poll(() => leader.getByTestId('round-reports-total').innerText()).toMatch(
        new RegExp(`^${total} `),
      );
    }
    // The warnings button carries the cockpit's park/chain: the page shows the same total.
    await openInApp(leader, `${server.url}/cockpit`);
    const chainName = zone.options.chains.find((x) => x.id === c.filters.chainId)?.name as string;
    await pickOption(leader, leader.getByTestId('cockpit-chain'), chainName);
    await poll(async () => leader.getByTestId('cockpit-warnings-card').innerText()).toContain(
      `预警 · ${c.warnings.total}`,
    );
    await leader.getByTestId('cockpit-warnings-all').click();
    await poll(async () => new URL(leader.url()).searchParams.get('chain')).toBe(c.filters.chainId);
    await poll(() => leader.getByTestId('warning-total').innerText()).toBe(`共 ${c.warnings.total} 条`);
  });

  // Filters live in the address (issue 15): the list shows and clears what a figure filtered it by.
  it('cockpit figure → filtered list shows and clears its filter → Back restores the cockpit', async () => {
    // Full-page screenshots of a long list take a while on a loaded machine; waits stay conditions.
    leader.setDefaultTimeout(60_000);
    const zone = (await (await leader.request.get(`${server.url}/api/cockpit`)).json()) as {
      options: { parks: string[] };
    };
    const park = zone.options.parks[0] as string;
    expect(park).toBeTruthy();
    await openInApp(leader, `${server.url}/cockpit?park=${encodeURIComponent(park)}`);
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
    await openInApp(leader, `${server.url}/warnings?kind=stage_stuck`);
    await poll(() => leader.getByTestId('warning-filters').innerText()).toContain('类型：阶段停滞');
    await screenshot(leader, 'list-filters-warnings');
  });
  it('the wall screen fits 1920×1080: every panel whole, no scrolling, dark', async () => {
    const c = await cockpit();
    const wall = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await wall.addCookies(await ctx.cookies());
    const page = await wall.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/screen`);
    await page.getByTestId('cockpit-funnel').locator('canvas').first().waitFor();
    await chartsFinished(page);
    await screenshot(page, 'cockpit-gaps-wall-screen');
    // (Browser-side code as strings: the e2e project has no DOM types.)
    const scroll = (await page.evaluate(
      '({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth })',
    )) as { h: number; w: number };
    expect(scroll.h).toBeLessThanOrEqual(1080);
    expect(scroll.w).toBeLessThanOrEqual(1920);
    const panels = [
      'cockpit-total-projects',
      'cockpit-round-rate',
      'cockpit-requests-figure',
      'cockpit-funnel-card',
      'cockpit-monthly-card',
      'cockpit-warnings-card',
      'cockpit-requests-card',
      'cockpit-chains-card',
      'cockpit-late-card',
      'cockpit-top-card',
    ];
    for (const id of panels) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      if (!box) continue;
      expect(box.y, id).toBeGreaterThanOrEqual(0);
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, id).toBeLessThanOrEqual(1080);
      expect(box.x + box.width, id).toBeLessThanOrEqual(1920);
    }
    // The top-ten list shows ten projects, each row inside its panel.
    const top = page.getByTestId('cockpit-top-card');
    const topBox = await top.boundingBox();
    const rows = top.getByTestId('wall-top-row');
    expect(await rows.count()).toBe(Math.min(10, c.topProjects.items.length));
    const lastRow = await rows.last().boundingBox();
    expect(lastRow && topBox && lastRow.y + lastRow.height <= topBox.y + topBox.height).toBe(true);
    const bg = await page.evaluate(
      "getComputedStyle(document.querySelector('[data-testid=wall-screen]')).backgroundImage",
    );
    expect(bg).toContain('gradient');
    await wall.close();
  });

  it('the printable dossier makes an A4 PDF with the project name', async () => {
    // A project with a dispatch report, so the PDF carries a round's narrative too.
    const reports = (await (
      await leader.request.get(`${server.url}/api/rounds/reports`, { params: { limit: 50 } })
    ).json()) as { items: Array<{ projectId: string; projectName: string; narrative: string }> };
    const report = reports.items.find((r) => r.narrative.length >= 6);
    if (!report) throw new Error('the demo has no dispatch report with a narrative');
    const project = { id: report.projectId, name: report.projectName };
    await openInApp(leader, `${server.url}/projects/${project.id}`);
    await leader.getByTestId('project-dossier-print').click();
    await poll(async () => leader.url()).toContain(`/projects/${project.id}/dossier`);
    await poll(() => leader.getByTestId('dossier-title').innerText()).toContain(project.name);
    const fonts = (await leader.evaluate(`({
      body: getComputedStyle(document.querySelector('.dossier-sheet')).fontFamily,
      h2: getComputedStyle(document.querySelector('.dossier-sheet h2')).fontFamily,
    })`)) as { body: string; h2: string };
    expect(fonts.body).toContain('仿宋');
    expect(fonts.h2).toContain('黑体');
    await screenshot(leader, 'cockpit-gaps-dossier');

    // The button hands the page to the browser's print dialog (stubbed: headless has none).
    await leader.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
    await leader.getByTestId('dossier-print').click();
    expect(await leader.evaluate('window.printed')).toBe(1);

    // Printed, the page is the document alone: no toolbar, no grey desk around the sheet.
    await leader.emulateMedia({ media: 'print' });
    expect(await leader.getByTestId('dossier-print').isVisible()).toBe(false);
    await screenshot(leader, 'cockpit-gaps-dossier-print');
    await leader.emulateMedia({ media: null });

    // What "save as PDF" makes: the print media rendering of the same page.
    const pdf = await leader.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { text, totalPages } = await extractText(doc, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(1);
    // CJK fonts map some glyphs to Kangxi radicals (⾼ for 高) in the PDF's text layer: NFKC folds them.
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    expect(flat).toContain(project.name.normalize('NFKC').replace(/\s+/g, ''));
    expect(flat).toContain('项目基本情况');
    expect(flat).toContain(report.narrative.normalize('NFKC').replace(/\s+/g, '').slice(0, 6));
    expect(flat).not.toContain('项目项目档案');
    expect(pageErrors).toEqual([]);
  });

  it('every cockpit figure carries its definition from the one glossary', async () => {
    await openInApp(leader, `${server.url}/cockpit`);
    await leader.getByTestId('cockpit-board').waitFor();
    for (const key of [
      'activeProjects',
      'startedProjects',
      'roundReportRate',
      'openRequests',
      'overdueRequests',
    ]) {
      await leader.getByTestId(`figure-tip-${key}`).first().waitFor();
    }
    expect(await leader.getByTestId('figure-tip-overdueRequests').getAttribute('aria-label')).toContain(
      '办理期限已过',
    );
    // The `?` is labelled with the tooltip's text (FIGURE_DEFINITIONS), so a screen reader reads it too.
    expect(await leader.getByTestId('figure-tip-roundReportRate').getAttribute('aria-label')).toContain(
      '应报送的项目数',
    );
    expect(pageErrors).toEqual([]);
  });

  it('list filters and searches live in the address: Back and a shared link restore them', async () => {
    await openInApp(leader, `${server.url}/tasks`);
    await leader.getByTestId('task-list').waitFor();
    await leader.getByText('只看超期').click();
    await poll(async () => leader.url()).toContain('overdue=1');
    await leader.getByTestId('task-search').locator('input').fill('督办');
    await leader.getByTestId('task-search').locator('input').press('Enter');
    await poll(async () => new URL(leader.url()).searchParams.get('q')).toBe('督办');
    const shared = leader.url();
    // Away and Back: the list comes back with its search and its checkbox.
    await openInApp(leader, `${server.url}/leads`);
    await leader.getByTestId('leads-search').locator('input').fill('宠物');
    await leader.getByTestId('leads-search').locator('input').press('Enter');
    await poll(async () => new URL(leader.url()).searchParams.get('q')).toBe('宠物');
    await leader.goBack();
    await poll(async () => leader.url()).toBe(shared);
    expect(await leader.getByTestId('task-search').locator('input').inputValue()).toBe('督办');
    expect(await leader.getByRole('checkbox', { name: '只看超期' }).isChecked()).toBe(true);
    await leader.goForward();
    await poll(() => leader.getByTestId('leads-search').locator('input').inputValue()).toBe('宠物');
    expect(pageErrors).toEqual([]);
  });

  it('the project page and its printable dossier list the project’s requests and tasks', async ({
    task: self,
  }) => {
    // A CI retry (vitest.config.ts) runs on the server its failed first attempt left, which may
    // have made its task already: the retry's task is named apart.
    const retry = self.result?.retryCount ?? 0;
    const title =
      retry === 0 ? '项目页督办任务（浏览器测试）' : `项目页督办任务（浏览器测试，重试${retry}次）`;
    // A demo project with a factor request; a supervised task is made about it here.
    const reqs = (await (
      await leader.request.get(`${server.url}/api/requests`, { params: { limit: 50 } })
    ).json()) as { items: Array<{ id: string; code: string; projectId: string | null }> };
    const request = reqs.items.find((r) => r.projectId);
    if (!request?.projectId) throw new Error('the demo has no factor request on a project');
    const projectId = request.projectId;
    const me = (await (await leader.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const departments = (await (await leader.request.get(`${server.url}/api/departments`)).json()) as {
      items: Array<{ id: string }>;
    };
    const made = await leader.request.post(`${server.url}/api/tasks`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        type: 'supervision',
        title,
        source: 'meeting',
        leadDepartmentId: departments.items[0]?.id,
        deadline: '2099-12-31',
        projectId,
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    const task = (await made.json()) as { id: string; code: string };

    await leader.goto(`${server.url}/projects/${projectId}`);
    const card = leader.getByTestId('project-work');
    await card.getByTestId('project-request-link').first().waitFor();
    expect(await card.getByTestId('project-requests').innerText()).toContain(request.code);
    expect(await card.getByTestId('project-tasks').innerText()).toContain(task.code);
    await card.scrollIntoViewIfNeeded();
    await screenshot(leader, 'cockpit-gaps-project-work');
    await card.getByTestId('project-task-link').filter({ hasText: title }).click();
    await poll(async () => leader.url()).toContain(`/tasks/${task.id}`);
    // The task names its project and links back to it.
    expect(await leader.getByTestId('task-project-link').getAttribute('href')).toBe(`/projects/${projectId}`);

    await leader.goto(`${server.url}/projects/${projectId}/dossier`);
    await poll(() => leader.getByTestId('dossier-requests').innerText()).toContain(request.code);
    expect(await leader.getByTestId('dossier-tasks').innerText()).toContain(task.code);
    expect(await leader.locator('.dossier-sheet h2').allInnerTexts()).toEqual(
      expect.arrayContaining(['四、要素保障需求', '五、督办任务']),
    );
    expect(pageErrors).toEqual([]);
  });
});
