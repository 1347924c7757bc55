import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_NORM_DEFAULTS } from '../../../../shared/src/dispatch';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Norm {
  stage: string;
  label: { zh: string; en: string };
  days: number;
  defaultDays: number;
  custom: boolean;
}

interface WarningItem {
  kind: string;
  reason: { zh: string };
}

describe.skipIf(SKIP_DB)('stage norms: the zone’s days per stage behind the stuck-in-stage warnings', () => {
  let t: TestApp;
  let admin: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  const norms = async () => (await t.call(leader, 'GET', '/api/stage-norms')).json().items as Norm[];
  const stuck = async () =>
    ((await t.call(leader, 'GET', '/api/warnings?limit=2000')).json().items as WarningItem[]).filter(
      (w) => w.kind === 'stage_stuck',
    );

  it('every stage shows its default until the zone sets its own', async () => {
    const list = await norms();
    expect(list.map((n) => n.stage)).toEqual(Object.keys(STAGE_NORM_DEFAULTS));
    for (const n of list) {
      expect(n.days).toBe(STAGE_NORM_DEFAULTS[n.stage]);
      expect(n.defaultDays).toBe(n.days);
      expect(n.custom).toBe(false);
    }
    expect(list.find((n) => n.stage === 'started')?.label.zh).toBe('开工');
  });

  it('an admin sets a norm (audited) and the warnings use it; others may not', async () => {
    const before = await stuck();
    expect((await t.call(leader, 'PUT', '/api/stage-norms', { norms: { started: 1 } })).statusCode).toBe(403);
    const officer = await t.login('officer');
    expect((await t.call(officer, 'PUT', '/api/stage-norms', { norms: { started: 1 } })).statusCode).toBe(
      403,
    );
    const res = await t.call(admin, 'PUT', '/api/stage-norms', { norms: { started: 1, signed: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    const started = (res.json().items as Norm[]).find((n) => n.stage === 'started');
    expect(started).toMatchObject({ days: 1, defaultDays: 365, custom: true });
    const after = await stuck();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.some((w) => w.reason.zh.includes('超过园区标准 1 天'))).toBe(true);

    const audit = (await t.call(admin, 'GET', '/api/audit?entity=stage_norm&limit=10')).json()
      .items as Array<{
      entityId: string;
      action: string;
      after: Record<string, unknown> | null;
    }>;
    expect(audit.find((a) => a.entityId === 'started')).toMatchObject({
      action: 'create',
      after: { max_days: 1 },
    });
  });

  it('null goes back to the default (audited); days outside 1–3650 and unknown stages are refused', async () => {
    const res = await t.call(admin, 'PUT', '/api/stage-norms', { norms: { started: null, signed: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await norms()).every((n) => !n.custom)).toBe(true);
    const audit = (await t.call(admin, 'GET', '/api/audit?entity=stage_norm&action=delete&limit=10')).json()
      .items as unknown[];
    expect(audit).toHaveLength(2);
    for (const bad of [{ started: 0 }, { started: 3651 }, { started: 1.5 }, { paused: 10 }]) {
      const r = await t.call(admin, 'PUT', '/api/stage-norms', { norms: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.fields[0].path).toContain('norms');
    }
    expect((await t.call(await t.login('firm'), 'GET', '/api/stage-norms')).statusCode).toBe(403);
  });
});
