import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Link {
  path: string;
  query: Record<string, string>;
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
      if (!d.openLink) continue;
      expect((await list(d.openLink)).total).toBe(d.open);
      expect((await list(d.overdueLink)).total).toBe(d.overdue);
    }
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

  it('filtered by park and by chain', async () => {
    const c = await checkCockpit(`park=${encodeURIComponent('坤源宠物食品用品产业园')}`);
    expect(c.totals.projects).toBeGreaterThan(0);
    const chains = (await t.call(leader, 'GET', '/api/chains')).json().items as Array<{
      id: string;
      name: string;
    }>;
    const pet = chains.find((x) => x.name.includes('宠物')) ?? chains[0];
    const byChain = await checkCockpit(`chain=${pet?.id}`);
    expect(byChain.chains.length).toBe(1);
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
