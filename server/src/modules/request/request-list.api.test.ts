import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Row {
  id: string;
  projectId: string | null;
  departmentId: string | null;
  status: string;
  overdue: boolean;
}

const PARK = '坤源宠物食品用品产业园';

/**
 * The request list's park, chain and "unassigned" filters (the cockpit's request figures click
 * through to them): each is checked against the same rows picked out here from the unfiltered list
 * and the project list, so the filter is not its own reference.
 */
describe.skipIf(SKIP_DB)('factor request list: park, chain and unassigned filters', () => {
  let t: TestApp;
  let leader: Session;
  let officer: Session;
  let all: Row[];
  let petChain: string;

  async function rows(s: Session, path: string, query: Record<string, string>) {
    const out: Row[] = [];
    for (;;) {
      const qs = new URLSearchParams({ ...query, limit: '200', offset: String(out.length) });
      const res = await t.call(s, 'GET', `/api${path}?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Row[]; total: number };
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total) return { items: out, total: page.total };
    }
  }
  const projectIds = async (query: Record<string, string>) =>
    new Set((await rows(leader, '/projects', query)).items.map((p) => p.id));

  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
    officer = await t.login('officer');
    const chains = (await t.call(leader, 'GET', '/api/chains')).json().items as Array<{
      id: string;
      name: string;
    }>;
    petChain = (chains.find((c) => c.name.includes('宠物')) ?? chains[0])?.id as string;
    // One request without a project and without a department, so every filter has rows to drop.
    const inPark = (await rows(leader, '/projects', { park: PARK })).items[0] as unknown as {
      id: string;
      investors: Array<{ firmId: string }>;
    };
    const res = await t.call(officer, 'POST', '/api/requests', {
      firmId: inPark.investors[0]?.firmId,
      type: 'finance',
      title: '无项目的融资需求（筛选测试）',
    });
    expect(res.statusCode, res.body).toBe(201);
    // And one for a project in the park (the demo's requests are for projects without a park).
    const res2 = await t.call(officer, 'POST', '/api/requests', {
      projectId: inPark?.id,
      type: 'power',
      title: '园区项目临时用电（筛选测试）',
    });
    expect(res2.statusCode, res2.body).toBe(201);
    all = (await rows(leader, '/requests', {})).items;
  });
  afterAll(async () => t?.close());

  it('park: the requests of projects in the park', async () => {
    const ids = await projectIds({ park: PARK });
    const expected = all.filter((r) => r.projectId !== null && ids.has(r.projectId));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const got = await rows(leader, '/requests', { park: PARK });
    expect(got.total).toBe(expected.length);
    expect(got.items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('chainId: the requests of projects on a link of the chain, combinable with park and open', async () => {
    const ids = await projectIds({ chainId: petChain });
    const expected = all.filter((r) => r.projectId !== null && ids.has(r.projectId));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const got = await rows(leader, '/requests', { chainId: petChain });
    expect(got.items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());

    const both = await projectIds({ chainId: petChain, park: PARK });
    const openBoth = all.filter(
      (r) => r.projectId !== null && both.has(r.projectId) && r.status !== 'confirmed',
    );
    const gotBoth = await rows(leader, '/requests', { chainId: petChain, park: PARK, open: 'true' });
    expect(gotBoth.items.map((r) => r.id).sort()).toEqual(openBoth.map((r) => r.id).sort());
  });

  it('unassigned: requests no department holds yet', async () => {
    const expected = all.filter((r) => r.departmentId === null);
    expect(expected.length).toBeGreaterThan(0);
    const got = await rows(leader, '/requests', { unassigned: 'true' });
    expect(got.items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(got.total).toBeLessThan(all.length);
  });

  it('a department still sees only its own queue under a park filter; bad values are refused', async () => {
    const dept = await t.login('dept');
    const mine = (await rows(dept, '/requests', {})).items;
    const inPark = await rows(dept, '/requests', { park: PARK });
    const ids = new Set(mine.map((r) => r.id));
    for (const r of inPark.items) expect(ids.has(r.id)).toBe(true);
    const bad = await t.call(leader, 'GET', `/api/requests?chainId=${'x'.repeat(65)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields?.[0]?.path ?? bad.body).toContain('chainId');
  });
});
