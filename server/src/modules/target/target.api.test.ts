import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Unit {
  unitType: string;
  unitKey: string;
  unitName: string;
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

interface UnitOption {
  unitType: string;
  unitKey: string;
  unitName: string;
}

describe.skipIf(SKIP_DB)('targets: actuals from the records, rates, ranking', () => {
  let t: TestApp;
  let leader: Session;
  let admin: Session;
  let officer: Session;
  let options: UnitOption[];
  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
    admin = await t.login('admin');
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  const units = async (year: number) =>
    (await t.call(leader, 'GET', `/api/targets?year=${year}`)).json().units as Unit[];
  const metric = (u: Unit | undefined, m: string) => u?.metrics.find((x) => x.metric === m);

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

  it('the editor lists the units: the zone, parks, officers and chains; only admins get it', async () => {
    expect((await t.call(leader, 'GET', '/api/targets/units')).statusCode).toBe(403);
    const res = await t.call(admin, 'GET', '/api/targets/units');
    expect(res.statusCode, res.body).toBe(200);
    options = res.json().items as UnitOption[];
    for (const type of ['zone', 'park', 'team', 'chain']) {
      expect(
        options.some((o) => o.unitType === type),
        type,
      ).toBe(true);
    }
    expect(options.filter((o) => o.unitType === 'zone')).toHaveLength(1);
  });

  it('an admin sets, changes and clears a target (each audited); others may not', async () => {
    const chain = options.find((o) => o.unitType === 'chain') as UnitOption;
    const body = {
      year: 2026,
      unitType: 'chain',
      unitKey: chain.unitKey,
      values: { projects_signed: 5, investment_signed: 560_000_000 },
    };
    expect((await t.call(leader, 'PUT', '/api/targets', body)).statusCode).toBe(403);
    expect((await t.call(officer, 'PUT', '/api/targets', body)).statusCode).toBe(403);
    const set = await t.call(admin, 'PUT', '/api/targets', body);
    expect(set.statusCode, set.body).toBe(200);
    let u = (await units(2026)).find((x) => x.unitKey === chain.unitKey);
    // The unit is named by its record, whatever the client says.
    expect(u?.unitName).toBe(chain.unitName);
    expect(metric(u, 'projects_signed')?.target).toBe(5);
    expect(metric(u, 'investment_signed')?.target).toBe(560_000_000);
    expect(metric(u, 'projects_signed')?.rate).toBe((metric(u, 'projects_signed')?.actual ?? 0) / 5);

    const change = await t.call(admin, 'PUT', '/api/targets', {
      ...body,
      values: { projects_signed: 8, investment_signed: null },
    });
    expect(change.statusCode, change.body).toBe(200);
    u = (await units(2026)).find((x) => x.unitKey === chain.unitKey);
    expect(metric(u, 'projects_signed')?.target).toBe(8);
    expect(metric(u, 'investment_signed')?.target).toBeNull();

    const audit = (await t.call(admin, 'GET', '/api/audit?entity=target&limit=50')).json().items as Array<{
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }>;
    expect(audit.filter((a) => a.action === 'create').length).toBeGreaterThanOrEqual(2);
    expect(audit.some((a) => a.action === 'update' && a.before?.value === 5 && a.after?.value === 8)).toBe(
      true,
    );
    expect(audit.some((a) => a.action === 'delete' && a.before?.metric === 'investment_signed')).toBe(true);
  });

  it('a unit that does not exist is refused with the field named; bad values are 400', async () => {
    const bad = await t.call(admin, 'PUT', '/api/targets', {
      year: 2026,
      unitType: 'chain',
      unitKey: 'no-such-chain',
      values: { projects_signed: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('unitKey');
    const negative = await t.call(admin, 'PUT', '/api/targets', {
      year: 2026,
      unitType: 'park',
      unitKey: '新园区',
      values: { exports: -1 },
    });
    expect(negative.statusCode).toBe(400);
    // A park is a free name: a target can be set before the park has projects.
    const park = await t.call(admin, 'PUT', '/api/targets', {
      year: 2026,
      unitType: 'park',
      unitKey: '新园区',
      values: { exports: 100_000_000 },
    });
    expect(park.statusCode, park.body).toBe(200);
    expect((await units(2026)).some((u) => u.unitKey === '新园区')).toBe(true);
  });

  it('an admin deletes a unit’s targets for the year (audited); leaders may not; a second delete is 404', async () => {
    const q = `year=2026&unitType=park&unitKey=${encodeURIComponent('新园区')}`;
    expect((await t.call(leader, 'DELETE', `/api/targets?${q}`)).statusCode).toBe(403);
    const res = await t.call(admin, 'DELETE', `/api/targets?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deleted).toBe(1);
    expect((await units(2026)).some((u) => u.unitKey === '新园区')).toBe(false);
    expect((await t.call(admin, 'DELETE', `/api/targets?${q}`)).statusCode).toBe(404);
    const audit = (await t.call(admin, 'GET', '/api/audit?entity=target&action=delete&limit=50')).json()
      .items as Array<{ before: Record<string, unknown> | null }>;
    expect(audit.some((a) => a.before?.unit_key === '新园区')).toBe(true);
    expect((await t.call(await t.login('firm'), 'GET', '/api/targets')).statusCode).toBe(403);
  });

  it('fixed-asset investment counts only what a report says is 入统', async () => {
    const zone = options.find((o) => o.unitType === 'zone') as UnitOption;
    await t.call(admin, 'PUT', '/api/targets', {
      year: 2026,
      unitType: 'zone',
      unitKey: zone.unitKey,
      values: { fixed_asset_investment: 1_000_000_000 },
    });
    const fai = async () =>
      metric(
        (await units(2026)).find((u) => u.unitType === 'zone'),
        'fixed_asset_investment',
      )?.actual ?? 0;
    const before = await fai();
    const round = (await t.call(admin, 'POST', '/api/rounds', { kind: 'month' })).json() as { id: string };
    const detail = (await t.call(admin, 'GET', `/api/rounds/${round.id}`)).json() as {
      projects: Array<{ projectId: string }>;
    };
    const projectId = detail.projects[0]?.projectId as string;
    const report = {
      projectId,
      investmentPeriod: 30_000_000,
      investmentInStats: false,
      fundsPeriod: 0,
      narrative: '未入统的投资',
    };
    expect((await t.call(officer, 'POST', `/api/rounds/${round.id}/reports`, report)).statusCode).toBe(201);
    expect(await fai()).toBe(before);
    const corrected = { ...report, investmentInStats: true, version: 1 };
    expect((await t.call(officer, 'POST', `/api/rounds/${round.id}/reports`, corrected)).statusCode).toBe(
      201,
    );
    expect(await fai()).toBe(before + 30_000_000);
  });
});
