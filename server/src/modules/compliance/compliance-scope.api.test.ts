import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import { createTestApp, DEMO_PASSWORD, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { createUser } from '../user/user.service';

interface Item {
  projectId: string;
  commitmentId: string;
  status: string;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  summary: { met: number; behind: number; notDue: number; noData: number };
}

/**
 * Issue 14: a department sees the agreements, figures and compliance of the projects it is assigned
 * to (a supervised task it works on, a factor request in its queue) and nothing else; compliance and
 * the 亩均 ranking answer in pages.
 */
describe.skipIf(SKIP_DB)('compliance: a department’s scope, and pages', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let unit: Session;
  let unitId = '';
  let byProject = new Map<string, number>();
  let tasked = '';
  let requested = '';
  let untouched = '';

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
    // A unit of its own, so no demo task or request assigns it anything.
    unitId = newId();
    await t.db.kysely
      .insertInto('department')
      .values({
        id: unitId,
        code: 'T14',
        name: '履约测试科（测试）',
        name_en: 'Compliance test unit',
        head_name: null,
        is_sample: 0,
        created_at: '2026-01-05T00:00:00.000Z',
      })
      .execute();
    await createUser(
      { db: t.db, clock: t.clock, ip: null, actor: null },
      {
        username: 'unit14',
        displayName: '履约测试科（测试）',
        role: 'department',
        departmentId: unitId,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      },
    );
    unit = await t.login('unit14');
    const zone = (await t.call(leader, 'GET', '/api/compliance?year=2025&pageSize=200')).json() as Page;
    byProject = new Map();
    for (const i of zone.items) byProject.set(i.projectId, (byProject.get(i.projectId) ?? 0) + 1);
    [tasked = '', requested = '', untouched = ''] = [...byProject.keys()];
  });
  afterAll(async () => t?.close());

  it('sees nothing while unassigned: no compliance, agreements or figures, no 亩均 ranking', async () => {
    expect(untouched).not.toBe('');
    const zone = (await t.call(unit, 'GET', '/api/compliance?year=2025')).json() as Page;
    expect(zone.items).toEqual([]);
    expect(zone.total).toBe(0);
    expect(zone.summary).toMatchObject({ met: 0, behind: 0, notDue: 0, noData: 0 });
    for (const url of [
      `/api/projects/${tasked}/agreements`,
      `/api/projects/${tasked}/actuals`,
      `/api/compliance?projectId=${tasked}`,
      `/api/projects/${tasked}/compliance-notice.docx?year=2025`,
    ]) {
      expect((await t.call(unit, 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await t.call(unit, 'GET', '/api/mu-evaluations/2025')).statusCode).toBe(403);
  });

  it('sees the projects its task and its factor request are about, and only those', async () => {
    const d01 = await t.db.kysely
      .selectFrom('department')
      .select('id')
      .where('code', '=', 'D01')
      .executeTakeFirstOrThrow();
    const task = await t.call(officer, 'POST', '/api/tasks', {
      type: 'supervision',
      title: '履约落后项目督办',
      source: 'meeting',
      leadDepartmentId: d01.id,
      cooperatingDepartmentIds: [unitId],
      deadline: '2026-03-05',
      projectId: tasked,
    });
    expect(task.statusCode, task.body).toBe(201);
    const request = await t.call(officer, 'POST', '/api/requests', {
      projectId: requested,
      type: 'power',
      title: '投产用电增容',
      neededBy: '2026-03-20',
    });
    expect(request.statusCode, request.body).toBe(201);
    const { id, version } = request.json() as { id: string; version: number };
    const assign = await t.call(officer, 'POST', `/api/requests/${id}/assign`, {
      departmentId: unitId,
      version,
    });
    expect(assign.statusCode, assign.body).toBe(200);

    const mine = (await t.call(unit, 'GET', '/api/compliance?year=2025&pageSize=200')).json() as Page;
    expect(new Set(mine.items.map((i) => i.projectId))).toEqual(new Set([tasked, requested]));
    expect(mine.total).toBe((byProject.get(tasked) ?? 0) + (byProject.get(requested) ?? 0));
    for (const p of [tasked, requested]) {
      const agreements = await t.call(unit, 'GET', `/api/projects/${p}/agreements`);
      expect(agreements.statusCode).toBe(200);
      expect(agreements.json().items.length).toBeGreaterThan(0);
      expect((await t.call(unit, 'GET', `/api/projects/${p}/actuals`)).statusCode).toBe(200);
    }
    const notice = await t.call(unit, 'GET', `/api/projects/${tasked}/compliance-notice.docx?year=2025`);
    expect(notice.statusCode).toBe(200);
    for (const url of [
      `/api/projects/${untouched}/agreements`,
      `/api/projects/${untouched}/actuals`,
      `/api/compliance?projectId=${untouched}`,
    ]) {
      expect((await t.call(unit, 'GET', url)).statusCode, url).toBe(404);
    }
    // Reading is all: the agreement and its figures stay the officer's to change.
    expect(
      (
        await t.call(unit, 'POST', `/api/projects/${tasked}/actuals`, {
          year: 2025,
          measure: 'jobs',
          value: 1,
          source: 'officer',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('answers compliance a page at a time, behind first, the summary over every page', async () => {
    const all = (await t.call(leader, 'GET', '/api/compliance?year=2025&pageSize=200')).json() as Page;
    const s = all.summary;
    expect(all.total).toBe(s.met + s.behind + s.notDue + s.noData);
    const first = (await t.call(leader, 'GET', '/api/compliance?year=2025&pageSize=3')).json() as Page;
    const second = (
      await t.call(leader, 'GET', '/api/compliance?year=2025&pageSize=3&page=2')
    ).json() as Page;
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 3, summary: all.summary });
    expect(first.items.map((i) => i.commitmentId)).toEqual(all.items.slice(0, 3).map((i) => i.commitmentId));
    expect(second.items.map((i) => i.commitmentId)).toEqual(all.items.slice(3, 6).map((i) => i.commitmentId));
    const order = ['behind', 'no_data', 'met', 'not_due'];
    const ranks = all.items.map((i) => order.indexOf(i.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const behind = (await t.call(leader, 'GET', '/api/compliance?year=2025&status=behind')).json() as Page;
    expect(behind.total).toBe(s.behind);
    expect(behind.items.every((i) => i.status === 'behind')).toBe(true);
    const tooBig = await t.call(leader, 'GET', '/api/compliance?pageSize=201');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('pageSize');
  });

  it('answers the 亩均 ranking a page at a time, one class if asked, the counts over every page', async () => {
    expect((await t.call(admin, 'POST', '/api/mu-evaluations', { year: 2025 })).statusCode).toBe(201);
    type Ev = {
      items: Array<{ firmId: string; class: string | null }>;
      total: number;
      counts: Record<'A' | 'B' | 'C' | 'D' | 'unrated', number>;
    };
    const all = (await t.call(leader, 'GET', '/api/mu-evaluations/2025?pageSize=200')).json() as Ev;
    const c = all.counts;
    expect(all.total).toBe(c.A + c.B + c.C + c.D + c.unrated);
    expect(all.items).toHaveLength(all.total);
    const second = (await t.call(leader, 'GET', '/api/mu-evaluations/2025?pageSize=2&page=2')).json() as Ev;
    expect(second.items.map((i) => i.firmId)).toEqual(all.items.slice(2, 4).map((i) => i.firmId));
    expect(second.counts).toEqual(all.counts);
    const unrated = (await t.call(leader, 'GET', '/api/mu-evaluations/2025?class=unrated')).json() as Ev;
    expect(unrated.total).toBe(c.unrated);
    expect(unrated.items.every((i) => i.class === null)).toBe(true);
    expect((await t.call(leader, 'GET', '/api/mu-evaluations/2025?class=E')).statusCode).toBe(400);
  });
});
