import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface P {
  id: string;
  name: string;
  stage: string;
  version: number;
  totalInvestment: number | null;
  lateMilestones: number;
  maxDaysLate: number;
  investors: Array<{ firmName: string }>;
}

describe.skipIf(SKIP_DB)('projects: CRUD, stage machine, milestones, timeline, scope', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let leader: Session;
  let firmUser: Session;
  let firmId: string;
  const q = encodeURIComponent;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    admin = await t.login('admin');
    leader = await t.login('leader');
    firmUser = await t.login('firm');
    firmId = (await t.call(officer, 'POST', '/api/firms', { name: '项目测试投资有限公司' })).json().id;
  });
  afterAll(async () => t?.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await t.call(officer, 'POST', '/api/projects', {
      name: '测试年产1万吨项目',
      investors: [{ firmId, sharePct: 100 }],
      totalInvestment: 300_000_000,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as P;
  };
  const move = (p: { id: string; version: number }, to: string, extra: Record<string, unknown> = {}) =>
    t.call(officer, 'POST', `/api/projects/${p.id}/stage`, {
      to,
      date: '2026-02-01',
      version: p.version,
      ...extra,
    });

  it('creates a project at 签约 owned by the officer, and edits it with versions', async () => {
    const p = await create({ landMu: 100, expectedTax: 5_000_000 });
    expect(p).toMatchObject({
      stage: 'signed',
      version: 1,
      investors: [{ firmName: '项目测试投资有限公司', sharePct: 100 }],
    });
    expect((p as unknown as { figures: unknown }).figures).toEqual({
      // No dispatch report and no ledger figure yet: unknown, not 0 (shared/src/figures.ts).
      fundsInPlaceCumulative: null,
      completedInvestmentCumulative: null,
      asOf: null,
      investmentPerMu: 3_000_000,
      expectedTaxPerMu: 50_000,
      expectedOutputPerMu: null,
    });
    expect((p as unknown as { code: string }).code).toMatch(/^XM2026-\d{5}$/);
    const edit = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: 1,
      park: '坤源宠物食品用品产业园',
      capacityQuantity: 1,
      capacityUnit: '万吨',
      capacityProduct: '宠物食品',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, capacityText: '年产1万吨宠物食品' });
    const stale = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, { version: 1, park: 'x' });
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await t.call(leader, 'PATCH', `/api/projects/${p.id}`, { version: 2 })).statusCode).toBe(403);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('project')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    for (const [body, path] of [
      [{ name: 'x', totalInvestment: -5 }, 'totalInvestment'],
      [{ name: 'x', startDate: '2024-02-30' }, 'startDate'],
      [{ name: 'x', stageDate: 'yesterday' }, 'stageDate'],
      [{ name: 'x', unknownField: 1 }, 'unknownField'],
      [{ name: 'x', investors: [{ firmId: 'nope' }] }, 'investors.0.firmId'],
    ] as const) {
      const res = await t.call(officer, 'POST', '/api/projects', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .join(' '),
      ).toContain(path);
    }
    const after = await t.db.kysely
      .selectFrom('project')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('moves stages through the machine: missing fields named, skips recorded, backwards needs a reason', async () => {
    let p = await create();
    // 供地 → 审批 needs the land area.
    let res = await move(p, 'land');
    expect(res.statusCode).toBe(200);
    p = res.json();
    res = await move(p, 'approved');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'STAGE_MOVE_REFUSED', missingFields: ['landAreaMu'] });
    expect(res.json().error.fields[0].path).toBe('landMu');
    p = (await t.call(officer, 'PATCH', `/api/projects/${p.id}`, { version: p.version, landMu: 80 })).json();
    res = await move(p, 'structure_done');
    expect(res.statusCode, res.body).toBe(200);
    p = res.json();
    expect(p.stage).toBe('structure_done');
    expect((p as unknown as { startDate: string }).startDate).toBe('2026-02-01');
    const event = await t.db.kysely
      .selectFrom('project_stage_event')
      .selectAll()
      .where('project_id', '=', p.id)
      .where('to_stage', '=', 'structure_done')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.skipped_json)).toEqual(['approved', 'started']);
    res = await move(p, 'producing');
    expect(res.json().error.missingFields).toEqual(['capacity']);
    res = await move(p, 'started');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('reason');
    res = await move(p, 'started', { reason: '主体验收未通过' });
    expect(res.statusCode).toBe(200);
    p = res.json();
    res = await move({ ...p, version: p.version - 1 }, 'paused', { reason: 'x' });
    expect(res.json().error.code).toBe('STALE_VERSION');
    res = await move(p, 'paused', { reason: '企业资金调整' });
    p = res.json();
    expect(p).toMatchObject({ stage: 'paused', pausedFromStage: 'started' });
    expect((await move(p, 'completed')).statusCode).toBe(400);
    p = (await move(p, 'started')).json();
    expect(p.stage).toBe('started');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'project')
      .where('entity_id', '=', p.id)
      .execute();
    expect(audit.filter((a) => a.action === 'stage.move')).toHaveLength(5);
    const events = await t.db.kysely
      .selectFrom('project_stage_event')
      .select('id')
      .where('project_id', '=', p.id)
      .execute();
    expect(events).toHaveLength(6);
  });

  it('flags late milestones against today in Shanghai and shows them on the list and timeline', async () => {
    const p = await create({ name: '里程碑测试项目' });
    const add = await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
      name: '竣工验收',
      plannedDate: '2026-02-20',
      ownerName: '张工',
    });
    expect(add.statusCode).toBe(201);
    await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
      name: '投产',
      plannedDate: '2026-12-31',
    });
    const ms = (await t.call(leader, 'GET', `/api/projects/${p.id}/milestones`)).json().items;
    // The test clock is 2026-03-02 09:00 in Shanghai.
    expect(ms.find((m: { name: string }) => m.name === '竣工验收')).toMatchObject({
      late: true,
      daysLate: 10,
    });
    expect(ms.find((m: { name: string }) => m.name === '投产')).toMatchObject({ late: false, daysLate: 0 });
    const got = (await t.call(leader, 'GET', `/api/projects/${p.id}`)).json();
    expect(got).toMatchObject({ lateMilestones: 1, maxDaysLate: 10 });
    const late = (await t.call(leader, 'GET', `/api/projects?late=true&q=${q('里程碑测试')}`)).json();
    expect(late.items.map((x: P) => x.id)).toEqual([p.id]);
    const done = await t.call(officer, 'PATCH', `/api/projects/${p.id}/milestones/${add.json().id}`, {
      version: 1,
      actualDate: '2026-02-25',
    });
    expect(done.json()).toMatchObject({ late: false, version: 2 });
    const future = await t.call(officer, 'PATCH', `/api/projects/${p.id}/milestones/${add.json().id}`, {
      version: 2,
      actualDate: '2026-04-01',
    });
    expect(future.statusCode).toBe(400);
    expect((await t.call(leader, 'GET', `/api/projects?late=true&q=${q('里程碑测试')}`)).json().total).toBe(
      0,
    );
    const timeline = (await t.call(leader, 'GET', `/api/projects/${p.id}/timeline`)).json().items;
    const kinds = new Set(timeline.map((i: { kind: string }) => i.kind));
    expect(kinds).toEqual(new Set(['stage', 'milestone', 'edit']));
    const dates = timeline.map((i: { date: string }) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'milestone')
      .where('entity_id', '=', add.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('shows the page facts: 乖宝 and 宠物 find projects; 瀚洋 at 主体完工 with its investors', async () => {
    const gb = (await t.call(leader, 'GET', `/api/projects?q=${q('乖宝')}`)).json();
    expect(gb.items.map((p: P) => p.name)).toEqual(
      expect.arrayContaining(['乖宝宠物年产10万吨高端宠物食品项目', '乖宝宠物智能工厂扩建项目']),
    );
    // A list row has the list's columns; the page facts are the whole project's (GET /:id).
    const row = gb.items.find((p: P) => p.name.includes('10万吨'));
    const big = (await t.call(leader, 'GET', `/api/projects/${row.id}`)).json();
    expect(big).toMatchObject({
      totalInvestment: 560_000_000,
      expectedTax: 40_000_000,
      expectedJobs: 1000,
      contactName: '姜子振',
      capacityText: '年产10万吨高端宠物食品',
    });
    const pet = (await t.call(leader, 'GET', `/api/projects?q=${q('宠物')}&limit=200`)).json();
    expect(pet.total).toBeGreaterThan(2);
    const hyRow = (await t.call(leader, 'GET', `/api/projects?q=${q('瀚洋重工')}`)).json().items[0];
    const hy = (await t.call(leader, 'GET', `/api/projects/${hyRow.id}`)).json();
    expect(hy).toMatchObject({ stage: 'structure_done', stageDate: '2024-08-15', contactName: '赵夏' });
    expect(hy.investors.map((i: { firmName: string }) => i.firmName)).toEqual([
      '瀚洋重工装备制造（天津）有限公司',
      '聊城市宏通地质工程机械设备有限公司',
    ]);
    expect(hy.leadId).toBeTruthy();
    const both = (await t.call(leader, 'GET', `/api/projects?q=${q('宠物 乖宝')}`)).json();
    expect(both.total).toBe(2);
  });

  it('filters and sorts the list, and the kanban adds up', async () => {
    const all = (await t.call(leader, 'GET', '/api/projects?limit=200')).json();
    const inv = all.items.map((p: P) => p.totalInvestment ?? -1);
    expect(inv).toEqual([...inv].sort((a: number, b: number) => b - a));
    const staged = (
      await t.call(leader, 'GET', '/api/projects?stage=started,structure_done&limit=200')
    ).json();
    expect(staged.items.every((p: P) => ['started', 'structure_done'].includes(p.stage))).toBe(true);
    const range = (
      await t.call(leader, 'GET', '/api/projects?minInvestment=100000000&maxInvestment=1000000000&limit=200')
    ).json();
    expect(
      range.items.every((p: P) => (p.totalInvestment ?? 0) >= 1e8 && (p.totalInvestment ?? 0) <= 1e9),
    ).toBe(true);
    const pet = (
      await t.call(leader, 'GET', `/api/projects?chainLink=${q('宠物产业链·宠物食品')}&sort=name`)
    ).json();
    const names = pet.items.map((p: P) => p.name);
    expect(names).toEqual([...names].sort());
    const byStage = (await t.call(leader, 'GET', '/api/projects?sort=stage&limit=200'))
      .json()
      .items.map((p: P) => p.stage);
    expect(byStage[0]).toBe('signed');
    const kanban = (await t.call(leader, 'GET', '/api/projects/kanban')).json();
    const total = kanban.columns.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(total).toBe(all.total);
    // Each column's cards are the list's first page of that stage, same order and same figures, so
    // the column's next page (offset 30 on the list) continues it; a card carries only what it shows.
    type Card = Pick<P, 'id' | 'name' | 'totalInvestment'> & { lateMilestones: number; maxDaysLate: number };
    let compared = 0;
    for (const column of kanban.columns as Array<{ stage: string; count: number; items: Card[] }>) {
      const page = (
        await t.call(leader, 'GET', `/api/projects?stage=${column.stage}&sort=-totalInvestment&limit=30`)
      ).json();
      const pick = ({ id, name, totalInvestment, lateMilestones, maxDaysLate }: Card) => ({
        id,
        name,
        totalInvestment,
        lateMilestones,
        maxDaysLate,
      });
      expect(column.items.map(pick), column.stage).toEqual(page.items.map(pick));
      expect(column.count, column.stage).toBe(page.total);
      for (const card of column.items) expect(Object.keys(card)).not.toContain('investors');
      compared += column.items.length;
    }
    expect(compared).toBeGreaterThan(5);
    expect((await t.call(leader, 'GET', '/api/projects?stage=nonsense')).statusCode).toBe(400);
    expect((await t.call(leader, 'GET', '/api/projects?sort=-password')).statusCode).toBe(400);
  });

  it('shows an enterprise user only its firm’s projects; any other id is 404, even guessed', async () => {
    const mine = (await t.call(firmUser, 'GET', '/api/projects')).json();
    expect(mine.items.map((p: P) => p.name).sort()).toEqual(
      ['乖宝宠物年产10万吨高端宠物食品项目', '乖宝宠物智能工厂扩建项目'].sort(),
    );
    const other = (await t.call(leader, 'GET', `/api/projects?q=${q('瀚洋重工')}`)).json().items[0];
    for (const path of ['', '/milestones', '/timeline']) {
      const res = await t.call(firmUser, 'GET', `/api/projects/${other.id}${path}`);
      expect(res.statusCode, path).toBe(404);
    }
    expect(
      (await t.call(firmUser, 'GET', '/api/projects/01a00000-0000-7000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await t.call(firmUser, 'GET', `/api/projects/${mine.items[0].id}/timeline`)).statusCode).toBe(
      200,
    );
    const kanban = (await t.call(firmUser, 'GET', '/api/projects/kanban')).json();
    expect(kanban.columns.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(2);
    expect(
      (await t.call(firmUser, 'PATCH', `/api/projects/${mine.items[0].id}`, { version: 1 })).statusCode,
    ).toBe(403);
  });

  it('lets an officer edit only the projects they own; an admin edits any', async () => {
    const p = await create({ name: '归属测试项目' });
    const theirs = (await t.call(admin, 'POST', '/api/projects', { name: '管理员建的项目' })).json();
    expect(theirs.officerId).toBeNull();
    expect(
      (await t.call(officer, 'PATCH', `/api/projects/${theirs.id}`, { version: 1, park: 'x' })).statusCode,
    ).toBe(403);
    expect((await move(theirs, 'registered')).statusCode).toBe(403);
    expect(
      (await t.call(admin, 'PATCH', `/api/projects/${p.id}`, { version: 1, park: '双创产业园' })).statusCode,
    ).toBe(200);
  });

  // Record codes (XM2026-00012, XS…) are numbered by reading the highest: on PostgreSQL the second
  // of two creates at the same instant used to fail with "project code exists" (sql-helpers nextCode).
  it('numbers eight projects and eight leads created at once, each with a code of its own', async () => {
    const n = Array.from({ length: 8 }, (_, i) => i);
    const [projects, leads] = await Promise.all([
      Promise.all(n.map((i) => t.call(officer, 'POST', '/api/projects', { name: `同时新建项目${i}` }))),
      Promise.all(
        n.map((i) =>
          t.call(officer, 'POST', '/api/leads', {
            title: `同时新建线索${i}`,
            source: 'exhibition',
            targetFirmName: `同时新建目标企业${i}`,
            nextStep: '上门拜访',
            nextStepDate: '2026-03-10',
          }),
        ),
      ),
    ]);
    for (const res of [...projects, ...leads]) expect(res.statusCode, res.body).toBe(201);
    const codes = (list: typeof projects) => new Set(list.map((r) => (r.json() as { code: string }).code));
    expect(codes(projects).size).toBe(8);
    expect(codes(leads).size).toBe(8);
    expect([...codes(projects)].every((c) => /^XM2026-\d{5}$/.test(c))).toBe(true);
  });
});
