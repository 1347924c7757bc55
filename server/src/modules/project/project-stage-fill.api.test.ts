import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface P {
  id: string;
  stage: string;
  version: number;
  landMu: number | null;
  startDate: string | null;
  capacityQuantity: number | null;
  capacityUnit: string | null;
  capacityProduct: string | null;
}

/** 补填 in the stage dialog: the fields a move needs come with it, saved and audited with it, or not at all. */
describe.skipIf(SKIP_DB)('stage moves that fill the missing fields in the same request', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  let made = 0;
  const create = async (stage: string, fields: Record<string, unknown> = {}) => {
    made++;
    const firmId = (
      await t.call(officer, 'POST', '/api/firms', { name: `补填测试企业${made}号有限公司` })
    ).json().id as string;
    const res = await t.call(officer, 'POST', '/api/projects', {
      name: `补填测试项目${made}`,
      investors: [{ firmId, sharePct: 100 }],
      stage,
      stageDate: '2026-01-10',
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as P;
  };
  const move = (p: P, to: string, extra: Record<string, unknown>) =>
    t.call(officer, 'POST', `/api/projects/${p.id}/stage`, {
      to,
      date: '2026-02-01',
      version: p.version,
      ...extra,
    });
  const read = async (p: P) => (await t.call(officer, 'GET', `/api/projects/${p.id}`)).json() as P;

  it('moves 供地 → 审批 with the land area typed in the dialog, one audit row holding both', async () => {
    const p = await create('land');
    expect((await move(p, 'approved', {})).json().error.missingFields).toEqual(['landAreaMu']);
    const res = await move(p, 'approved', { fill: { landMu: 80.5 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'approved', landMu: 80.5, version: p.version + 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity', '=', 'project')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'stage.move')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before_json ?? '{}')).toMatchObject({ stage: 'land', land_mu: null });
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ stage: 'approved', land_mu: 80.5 });
  });

  it('is all-or-nothing: a fill that still leaves the move short saves nothing', async () => {
    const p = await create('commissioning', { landMu: 50 });
    // Quantity and unit but no product: 投产 still lacks the capacity, so neither the move nor the fill happens.
    const res = await move(p, 'producing', { fill: { capacityQuantity: 10, capacityUnit: '万吨' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'STAGE_MOVE_REFUSED', missingFields: ['capacity'] });
    expect(await read(p)).toMatchObject({
      stage: 'commissioning',
      capacityQuantity: null,
      capacityUnit: null,
    });
    const ok = await move(p, 'producing', {
      fill: {
        capacityQuantity: 10,
        capacityUnit: '万吨',
        capacityProduct: '高端宠物食品',
        startDate: '2025-03-01',
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      stage: 'producing',
      capacityQuantity: 10,
      capacityUnit: '万吨',
      capacityProduct: '高端宠物食品',
      startDate: '2025-03-01',
    });
  });

  it('refuses a bad or clearing fill and a stale version, naming the field, changing nothing', async () => {
    const p = await create('land');
    for (const [fill, path] of [
      [{ landMu: -1 }, 'fill.landMu'],
      [{ landMu: null }, 'fill.landMu'],
      [{ startDate: '2026-02-30' }, 'fill.startDate'],
      [{ capacityUnit: '  ' }, 'fill.capacityUnit'],
      [{ somethingElse: 1 }, 'fill'],
    ] as const) {
      const res = await move(p, 'approved', { fill });
      expect(res.statusCode, JSON.stringify(fill)).toBe(400);
      const paths = res.json().error.fields.map((f: { path: string }) => f.path);
      expect(paths.join(' '), JSON.stringify(fill)).toContain(path);
    }
    const stale = await move({ ...p, version: p.version + 5 }, 'approved', { fill: { landMu: 10 } });
    expect(stale.statusCode).toBe(409);
    expect(await read(p)).toMatchObject({ stage: 'land', landMu: null, version: p.version });
  });
});
