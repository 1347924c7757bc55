import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Unit {
  unitType: string;
  unitKey: string;
  rank: number | null;
  score: number | null;
  metrics: Array<{
    metric: string;
    target: number | null;
    actual: number;
    rate: number | null;
    link: { path: string; query: Record<string, string> } | null;
  }>;
}

describe.skipIf(SKIP_DB)('targets: actuals from the records, rates, ranking', () => {
  let t: TestApp;
  let leader: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('actuals equal the lists they link to; parks are ranked by the rule shown', async () => {
    const res = await t.call(leader, 'GET', '/api/targets?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { timeElapsed: number; rule: { zh: string }; units: Unit[] };
    expect(body.timeElapsed).toBe(1);
    expect(body.rule.zh).toContain('完成率');
    for (const u of body.units) {
      for (const m of u.metrics) {
        if (!m.link || m.metric !== 'projects_signed') continue;
        const qs = new URLSearchParams({ ...m.link.query, limit: '1' }).toString();
        expect(
          (await t.call(leader, 'GET', `/api/${m.link.path.slice(1)}?${qs}`)).json().total,
          `${u.unitKey}`,
        ).toBe(m.actual);
      }
    }
    const parks = body.units.filter((u) => u.unitType === 'park');
    expect(parks.length).toBeGreaterThan(1);
    const ranks = parks.map((p) => p.rank ?? 99);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('an admin sets a target (audited); others may not', async () => {
    const body = {
      year: 2026,
      unitType: 'chain',
      unitKey: 'c1',
      unitName: '测试链',
      values: { projects_signed: 5 },
    };
    expect((await t.call(leader, 'PUT', '/api/targets', body)).statusCode).toBe(403);
    expect((await t.call(admin, 'PUT', '/api/targets', body)).statusCode).toBe(200);
    const units = (await t.call(leader, 'GET', '/api/targets?year=2026')).json().units as Unit[];
    const c1 = units.find((u) => u.unitKey === 'c1');
    expect(c1?.metrics.find((m) => m.metric === 'projects_signed')?.target).toBe(5);
    expect((await t.call(await t.login('firm'), 'GET', '/api/targets')).statusCode).toBe(403);
  });
});
