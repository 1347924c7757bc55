import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Link {
  path: string;
  query: Record<string, string>;
}

interface DeptFigure {
  departmentId: string | null;
  departmentName: string | null;
  open: number;
  overdue: number;
  openLink: Link;
  overdueLink: Link;
}

interface CockpitJson {
  requests: { open: number; overdue: number; openLink: Link; overdueLink: Link; byDepartment: DeptFigure[] };
}

/**
 * Every cockpit figure against the list behind it: the figure's own link, called on the list API,
 * must give the same count (its `total`) or the same sum (added up here from the list's rows).
 */
describe.skipIf(SKIP_DB)('cockpit: figures equal the lists they click through to', () => {
  let t: TestApp;
  let leader: Session;

  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  async function list(link: Link, extra: Record<string, string> = {}) {
    const qs = new URLSearchParams({ ...link.query, ...extra, limit: '200' }).toString();
    const res = await t.call(leader, 'GET', `/api${link.path}?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<Record<string, unknown>>; total: number };
  }

  /** Sums a money column over every page of a list. */
  async function sumOf(link: Link, column: string) {
    let offset = 0;
    let sum = 0;
    for (;;) {
      const page = await list(link, { offset: String(offset) });
      for (const row of page.items) sum += Number(row[column] ?? 0);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) return { sum, total: page.total };
    }
  }

  async function checkCockpit(query: string) {
    const res = await t.call(leader, 'GET', `/api/cockpit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    for (const f of c.funnel) expect((await list(f.link)).total, f.stage).toBe(f.count);
    const totals = await sumOf(c.totals.link, 'totalInvestment');
    expect(totals.total).toBe(c.totals.projects);
    expect(totals.sum).toBe(c.totals.investment);
    expect((await list(c.late.link)).total).toBe(c.late.count);
    for (const m of c.monthly) {
      const funds = await sumOf(m.fundsLink, 'fundsPeriod');
      expect(funds.sum, `${m.month} funds`).toBe(m.fundsInPlace);
      if (m.signedCount === 0) continue;
      const s = await sumOf(m.signedLink, 'totalInvestment');
      expect(s.total, m.month).toBe(m.signedCount);
      expect(s.sum, m.month).toBe(m.investmentSigned);
    }
    const top = await list(c.topProjects.link);
    expect(c.topProjects.items.map((p: { id: string }) => p.id)).toEqual(
      top.items.slice(0, c.topProjects.items.length).map((p) => p.id),
    );
    expect((await list(c.requests.openLink)).total).toBe(c.requests.open);
    expect((await list(c.requests.overdueLink)).total).toBe(c.requests.overdue);
    for (const d of c.requests.byDepartment) {
      expect((await list(d.openLink)).total).toBe(d.open);
      expect((await list(d.overdueLink)).total).toBe(d.overdue);
    }
    // The warnings page under the same park/chain: the same total, even when it shows a page only.
    const scope = new URLSearchParams(query);
    scope.delete('year');
    scope.set('limit', '1');
    const w = await t.call(leader, 'GET', `/api/warnings?${scope}`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().total).toBe(c.warnings.total);
    expect(w.json().items.length).toBe(Math.min(1, c.warnings.total));
    return c;
  }

  it('the whole zone, this year and 2024', async () => {
    const c = await checkCockpit('');
    expect(c.totals.projects).toBeGreaterThan(3);
    expect(c.funnel[0].count).toBe(c.totals.projects);
    expect(c.chains.length).toBeGreaterThan(0);
    const c2024 = await checkCockpit('year=2024');
    expect(c2024.year).toBe(2024);
    // The demo's rounds around the page's date (Aug 2024) report funds in place that month.
    expect(c2024.monthly[7].fundsInPlace).toBeGreaterThan(0);
    expect(c.latestRound?.expected).toBeGreaterThan(0);
  });

  /** Every row of a list (all pages). */
  async function allRows(path: string, query: Record<string, string>) {
    const rows: Array<Record<string, unknown>> = [];
    for (;;) {
      const page = await list({ path, query }, { offset: String(rows.length) });
      rows.push(...page.items);
      if (page.items.length === 0 || rows.length >= page.total) return rows;
    }
  }

  /**
   * Request figures under a park/chain filter, counted independently: the zone-wide open requests
   * whose project is on the (park/chain-filtered) project list.
   */
  async function checkScopedRequests(c: CockpitJson, scope: Record<string, string>) {
    const projects = await allRows('/projects', scope);
    const ids = new Set(projects.map((p) => p.id as string));
    const open = (await allRows('/requests', { open: 'true' })).filter((r) => ids.has(r.projectId as string));
    const overdue = open.filter((r) => r.overdue === true);
    expect(c.requests.open).toBe(open.length);
    expect(c.requests.overdue).toBe(overdue.length);
    for (const link of [c.requests.openLink, c.requests.overdueLink]) {
      expect(link.query).toMatchObject(scope);
    }
    for (const d of c.requests.byDepartment) {
      const mine = open.filter((r) => (r.departmentId ?? null) === d.departmentId);
      expect(d.open, d.departmentName ?? '—').toBe(mine.length);
      expect(d.overdue, d.departmentName ?? '—').toBe(mine.filter((r) => r.overdue === true).length);
    }
    return { open: open.length, overdue: overdue.length };
  }

  it('filtered by park and by chain, request figures included', async () => {
    const zone = (await t.call(leader, 'GET', '/api/cockpit')).json() as CockpitJson;
    const park = '坤源宠物食品用品产业园';
    const c = await checkCockpit(`park=${encodeURIComponent(park)}`);
    expect(c.totals.projects).toBeGreaterThan(0);
    const inPark = await checkScopedRequests(c, { park });
    const chains = (await t.call(leader, 'GET', '/api/chains')).json().items as Array<{
      id: string;
      name: string;
    }>;
    const pet = chains.find((x) => x.name.includes('宠物')) ?? chains[0];
    const byChain = await checkCockpit(`chain=${pet?.id}`);
    expect(byChain.chains.length).toBe(1);
    const onChain = await checkScopedRequests(byChain, { chainId: pet?.id as string });
    // The demo's requests are on the pet chain (its projects have no park): a real, partial figure.
    expect(onChain.open).toBeGreaterThan(0);
    expect(inPark.open).toBeLessThan(zone.requests.open);
    expect(onChain.open).toBeLessThan(zone.requests.open);
    const both = await checkCockpit(`park=${encodeURIComponent(park)}&chain=${pet?.id}`);
    await checkScopedRequests(both, { park, chainId: pet?.id as string });
  });

  it('a request raised for a project in the park counts in that park, and its unassigned row links', async () => {
    const officer = await t.login('officer');
    const park = encodeURIComponent('坤源宠物食品用品产业园');
    const projects = await allRows('/projects', { park: '坤源宠物食品用品产业园' });
    const project = projects[0] as { id: string; investors: Array<{ firmId: string }> };
    const before = (await t.call(leader, 'GET', `/api/cockpit?park=${park}`)).json() as CockpitJson;
    const res = await t.call(officer, 'POST', '/api/requests', {
      projectId: project.id,
      firmId: project.investors[0]?.firmId ?? null,
      type: 'power',
      title: '驾驶舱园区筛选测试：临时用电增容',
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await t.call(leader, 'GET', `/api/cockpit?park=${park}`)).json() as CockpitJson;
    expect(after.requests.open).toBe(before.requests.open + 1);
    await checkScopedRequests(after, { park: '坤源宠物食品用品产业园' });
    const unassigned = after.requests.byDepartment.find((d) => d.departmentId === null);
    expect(unassigned?.openLink.query).toMatchObject({ unassigned: 'true' });
    expect((await list(unassigned?.openLink as Link)).total).toBe(unassigned?.open);
    // A park with no projects has no requests either (requests count through their project).
    const none = (await t.call(leader, 'GET', `/api/cockpit?park=${encodeURIComponent('无此园区')}`)).json();
    expect((none as CockpitJson).requests.open).toBe(0);
  });

  it('is for leaders and admins; warnings also for officers', async () => {
    for (const [user, code] of [
      ['admin', 200],
      ['officer', 403],
      ['firm', 403],
      ['dept', 403],
    ] as const) {
      const s = await t.login(user);
      expect((await t.call(s, 'GET', '/api/cockpit')).statusCode, user).toBe(code);
    }
    const officer = await t.login('officer');
    const w = await t.call(officer, 'GET', '/api/warnings');
    expect(w.statusCode).toBe(200);
    const items = w.json().items as Array<{ severity: string; reason: { zh: string } }>;
    expect(items.length).toBeGreaterThan(0);
    const order = items.map((i) => ['high', 'medium', 'low'].indexOf(i.severity));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect((await t.call(await t.login('firm'), 'GET', '/api/warnings')).statusCode).toBe(403);
  });
});
