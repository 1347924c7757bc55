import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER, screenshot, signIn } from './support/browser';
import { pickOption } from './support/select';
import { E2E_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * Chain links in the pipeline (issue 4 follow-up): an officer creates a lead with its chain link
 * picked (not typed), sees "chain › link" on the lead page leading to the chain map, picks the owner
 * from the officer list (no admin rights needed), signs the lead, and reads the project's timeline
 * in words: the edited field by its label and the person by name.
 */

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(SKIP_BROWSER)('pipeline records on chain links, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** The lead the first test made, for the second to sign ('' until it is made). */
  let leadUrl = '';
  /**
   * Which attempt of the running test this is: 0, then 1 on its CI retry (vitest.config.ts). A retry
   * runs on the database its failed first attempt left, so what a test creates is named with it.
   */
  let attempt = 0;
  const named = (name: string) => (attempt === 0 ? name : `${name}（重试${attempt}次）`);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page.context(), server.url, 'officer', E2E_PASSWORD);
  });

  // Each attempt starts on a blank page, not where a failed one may have left a dialog; each test
  // opens the page it is about. A page error counts for the test it happened in.
  beforeEach(async ({ task }) => {
    attempt = task.result?.retryCount ?? 0;
    pageErrors.length = 0;
    await page.goto('about:blank');
  });

  /** The id of the link at `path` in the link picker's options. */
  async function linkId(path: string): Promise<string> {
    const options = (await (await page.request.get(`${server.url}/api/chains/link-options`)).json()) as {
      items: Array<{ id: string; path: string }>;
    };
    const found = options.items.find((o) => o.path === path);
    if (!found) throw new Error(`no link ${path} in the demo`);
    return found.id;
  }

  /** A lead on 宠物产业链 › 零食, made through the API, not signed yet: its page's address. */
  async function unsignedLead(title: string): Promise<string> {
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const res = await page.request.post(`${server.url}/api/leads`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        title,
        source: 'exhibition',
        targetFirmName: '某冻干宠物食品有限公司',
        linkId: await linkId('宠物产业链 / 宠物食品 / 零食'),
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return `${server.url}/leads/${((await res.json()) as { id: string }).id}`;
  }

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('creates a lead with its chain link picked and shows chain › link on its page', async () => {
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      user: { displayName: string };
    };
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('leads-create').click();
    const form = page.getByTestId('lead-form');
    await form.waitFor();
    const title = named('冻干宠物零食工厂');
    await page.getByTestId('lead-title').fill(title);
    await pickOption(page, page.getByTestId('lead-source'), '展会', { search: '展会' });
    await form.getByPlaceholder('企业库中还没有时填写').fill('某冻干宠物食品有限公司');
    // The link comes from the picker (searchable by its path), not a free-text box.
    await pickOption(page, page.getByTestId('lead-link'), '宠物产业链 / 宠物食品 / 零食', { search: '零食' });
    // The owner picker is there for an officer too, set to the officer.
    await poll(() => form.locator('.ant-form-item').filter({ hasText: '负责人' }).innerText()).toContain(
      me.user.displayName,
    );
    await screenshot(page, 'pipeline-link-lead-form');
    await page.getByTestId('lead-submit').click();

    await page.waitForURL(/\/leads\/[^/]+$/);
    leadUrl = page.url();
    const link = page.locator('.ant-descriptions').getByTestId('record-link');
    await poll(() => link.innerText()).toBe('宠物产业链 › 零食');
    expect(await link.getAttribute('href')).toMatch(/^\/chains\/[^/]+$/);
    await screenshot(page, 'pipeline-link-lead-detail');

    // The list shows it and filters by the parent link.
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('leads-tab-mine').waitFor();
    await pickOption(page, page.getByTestId('leads-link-filter'), '宠物产业链 / 宠物食品', {
      search: '宠物食品',
    });
    await poll(() => page.getByTestId('leads-table').innerText()).toContain(title);
    expect(await page.getByTestId('leads-table').innerText()).toContain('宠物产业链 › 零食');

    // The link opens the chain map.
    await page.getByTestId('leads-table').getByText(title, { exact: true }).click();
    await page.waitForURL(/\/leads\/[^/]+$/);
    await page.locator('.ant-descriptions').getByTestId('record-link').click();
    await page.waitForURL(/\/chains\/[^/]+$/);
    await page.getByTestId('chain-export-png').waitFor();
  });

  it('signs the lead; the project keeps the link and its timeline reads in words', async () => {
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      user: { displayName: string };
    };
    // The first test's lead; a retry (whose first attempt may have signed it) signs a lead of its own.
    const lead = attempt === 0 && leadUrl ? leadUrl : await unsignedLead(named('冻干宠物零食工厂（待签约）'));
    await page.goto(lead);
    await page.getByTestId('lead-sign').click();
    const signForm = page.getByTestId('lead-sign-form');
    await signForm.waitFor();
    const projectName = named('冻干宠物零食生产线项目');
    await page.getByTestId('sign-project-name').fill(projectName);
    await page.getByTestId('lead-sign-submit').click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    await poll(() => page.locator('.ant-descriptions').first().innerText()).toContain('宠物产业链 › 零食');

    await page.getByTestId('project-edit').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('project-land').fill('80');
    await page.getByTestId('project-submit').click();
    const timeline = page.getByTestId('project-timeline');
    await poll(() => timeline.getByTestId('timeline-fields').first().innerText()).toBe('修改了：用地（亩）');
    expect(await timeline.innerText()).toContain(me.user.displayName);
    expect(await timeline.innerText()).not.toContain('land_mu');
    await screenshot(page, 'pipeline-link-project-timeline');

    // The project list, filtered by the parent link from the address (as the chain map could link).
    await page.goto(`${server.url}/projects?linkId=${await linkId('宠物产业链 / 宠物食品')}`);
    const table = page.getByTestId('projects-table');
    await poll(() => table.innerText()).toContain(projectName);
    await poll(() => page.getByTestId('projects-link-filter').innerText()).toContain('宠物产业链 / 宠物食品');
    await screenshot(page, 'pipeline-link-projects-filtered');
    expect(pageErrors).toEqual([]);
  });
});
