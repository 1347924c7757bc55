import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { createUser } from '../user/user.service';

interface T {
  id: string;
  code: string;
  status: string;
  version: number;
  overdue: boolean;
  escalation: string;
  milestones: Array<{ id: string; version: number; doneDate: string | null; late: boolean }>;
  can: { edit: boolean; report: boolean; propose: boolean; close: boolean };
}

describe.skipIf(SKIP_DB)('supervised tasks, campaigns, problem lists, programmes', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let leader: Session;
  let dept: Session;
  let approvals: Session;
  let firmUser: Session;
  const ids = new Map<string, string>();

  const signIn = async () => {
    officer = await t.login('officer');
    admin = await t.login('admin');
    leader = await t.login('leader');
    dept = await t.login('dept');
    firmUser = await t.login('firm');
    approvals = await t.login('approvals');
  };

  beforeAll(async () => {
    t = await createTestApp();
    const rows = await t.db.kysely.selectFrom('department').select(['id', 'code']).execute();
    for (const r of rows) ids.set(r.code, r.id);
    await createUser(
      { db: t.db, clock: t.clock, ip: null, actor: null },
      {
        username: 'approvals',
        displayName: '行政审批服务部（测试）',
        role: 'department',
        departmentId: ids.get('D03') as string,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      },
    );
    await signIn();
  });
  afterAll(async () => t?.close());

  const createTask = async (lead: string, body: Record<string, unknown> = {}) => {
    const res = await t.call(officer, 'POST', '/api/tasks', {
      type: 'supervision',
      title: '园区10kV开闭所建设',
      source: 'meeting',
      sourceTitle: '管委会第8次主任办公会',
      leadDepartmentId: ids.get(lead),
      cooperatingDepartmentIds: [ids.get('D02')],
      leaderName: '开发区领导（示例）',
      deadline: '2026-03-05',
      milestones: [
        { name: '选址', plannedDate: '2026-03-03' },
        { name: '土建完工', plannedDate: '2026-03-05' },
      ],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as T;
  };
  const detail = async (s: Session, id: string) => (await t.call(s, 'GET', `/api/tasks/${id}`)).json() as T;
  /** What a lead unit does before it may propose closing: every node done, 100%, a file (decision 013). */
  const finish = async (unit: Session, id: string) => {
    const d = await detail(unit, id);
    for (const m of d.milestones.filter((x) => !x.doneDate)) {
      const res = await t.call(unit, 'PATCH', `/api/tasks/${id}/milestones/${m.id}`, {
        version: m.version,
        doneDate: '2026-03-01',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(
      (await t.call(unit, 'POST', `/api/tasks/${id}/reports`, { content: '完成', percent: 100 })).statusCode,
    ).toBe(201);
    const file = await t.call(unit, 'POST', `/api/tasks/${id}/attachments`, {
      fileName: '验收报告.pdf',
      contentBase64: Buffer.from('%PDF-1.4 test').toString('base64'),
    });
    expect(file.statusCode, file.body).toBe(201);
    return detail(unit, id);
  };

  it('runs a task with a roadmap: progress, overdue, escalation, proposal, close with evidence', async () => {
    const created = await createTask('D05');
    expect(created.code).toMatch(/^DB2026-\d{5}$/);
    // A department not on the task does not see it.
    expect((await t.call(approvals, 'GET', `/api/tasks/${created.id}`)).statusCode).toBe(404);
    const mine = (await t.call(dept, 'GET', '/api/tasks?limit=200')).json() as { items: T[] };
    expect(mine.items.map((i) => i.id)).toContain(created.id);

    let d = await detail(dept, created.id);
    expect(d.can).toEqual({ edit: false, report: true, propose: true, close: false });
    const report = await t.call(dept, 'POST', `/api/tasks/${created.id}/reports`, {
      content: '已完成选址踏勘',
      percent: 30,
    });
    expect(report.statusCode, report.body).toBe(201);
    const m0 = d.milestones[0] as { id: string; version: number };
    const done = await t.call(dept, 'PATCH', `/api/tasks/${created.id}/milestones/${m0.id}`, {
      version: m0.version,
      doneDate: '2026-03-02',
    });
    expect(done.statusCode, done.body).toBe(200);
    // A department cannot rewrite the plan, only mark it done.
    const replan = await t.call(dept, 'PATCH', `/api/tasks/${created.id}/milestones/${m0.id}`, {
      version: m0.version + 1,
      plannedDate: '2026-04-01',
    });
    expect(replan.statusCode).toBe(403);

    t.clock.advanceMinutes(6 * 24 * 60); // 2026-03-08: three days late
    await signIn();
    d = await detail(officer, created.id);
    expect(d).toMatchObject({ overdue: true, escalation: 'head' });
    expect(d.milestones.map((m) => m.late)).toEqual([false, true]);
    t.clock.advanceMinutes(24 * 60); // four days late
    await signIn();
    expect((await t.call(admin, 'POST', '/api/notify/sweep')).statusCode).toBe(200);
    d = await detail(leader, created.id);
    expect(d.escalation).toBe('leader');
    expect((d as unknown as { escalations: unknown[] }).escalations).toHaveLength(2);

    // Closing needs a proposal with evidence first; the department cannot close its own task.
    expect(
      (
        await t.call(dept, 'POST', `/api/tasks/${created.id}/close`, {
          decision: 'close',
          version: d.version,
        })
      ).statusCode,
    ).toBe(403);
    const noEvidence = await t.call(dept, 'POST', `/api/tasks/${created.id}/propose`, {
      evidence: ' ',
      version: d.version,
    });
    expect(noEvidence.statusCode).toBe(400);
    d = await finish(dept, created.id);
    const proposed = await t.call(dept, 'POST', `/api/tasks/${created.id}/propose`, {
      evidence: '开闭所已投运，附竣工验收报告',
      version: d.version,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'proposed', escalation: 'none' });
    const leaderInbox = (await t.call(leader, 'GET', '/api/inbox')).json();
    expect(leaderInbox.toConfirm.map((i: { id: string }) => i.id)).toContain(created.id);

    const returned = await t.call(leader, 'POST', `/api/tasks/${created.id}/close`, {
      decision: 'return',
      version: proposed.json().version,
    });
    expect(returned.json().error.refusal).toBe('reason_required');
    const closed = await t.call(leader, 'POST', `/api/tasks/${created.id}/close`, {
      decision: 'close',
      note: '同意销号',
      version: proposed.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      evidence: '开闭所已投运，附竣工验收报告',
      closedByName: '开发区领导（示例）',
    });
  });

  it('lets nobody close a task their own unit leads without a leader', async () => {
    // Led by 商务和投资促进部 (D01): the officer and the admin both belong to it.
    const created = await createTask('D01', {
      title: '以商招商对接会（销号规则测试）',
      deadline: '2026-12-31',
    });
    const task = await finish(officer, created.id);
    const p = await t.call(officer, 'POST', `/api/tasks/${task.id}/propose`, {
      evidence: '已召开',
      version: task.version,
    });
    expect(p.statusCode, p.body).toBe(200);
    const byAdmin = await t.call(admin, 'POST', `/api/tasks/${task.id}/close`, {
      decision: 'close',
      version: p.json().version,
    });
    expect(byAdmin.statusCode).toBe(400);
    expect(byAdmin.json().error.refusal).toBe('not_yours');
    expect(
      (
        await t.call(officer, 'POST', `/api/tasks/${task.id}/close`, {
          decision: 'close',
          version: p.json().version,
        })
      ).statusCode,
    ).toBe(403);
    // An admin may close a task another unit leads; a leader any.
    const other = await finish(
      dept,
      (await createTask('D05', { title: '他部门任务（销号规则测试）', deadline: '2026-12-31' })).id,
    );
    const p2 = await t.call(dept, 'POST', `/api/tasks/${other.id}/propose`, {
      evidence: '完成',
      version: other.version,
    });
    expect(
      (
        await t.call(admin, 'POST', `/api/tasks/${other.id}/close`, {
          decision: 'close',
          version: p2.json().version,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.call(leader, 'POST', `/api/tasks/${task.id}/close`, {
          decision: 'close',
          version: p.json().version,
        })
      ).statusCode,
    ).toBe(200);
    // Enterprises never see tasks.
    expect((await t.call(firmUser, 'GET', '/api/tasks')).statusCode).toBe(403);
  });

  it('shows the campaigns with the page’s figures and progress', async () => {
    const list = (await t.call(dept, 'GET', '/api/campaigns')).json();
    const twelve = list.items.find((c: { name: string }) => c.name === '十二项提升行动');
    expect(twelve).toMatchObject({ theme: '聚力攻坚突破年', actionCount: 12, isSample: false });
    expect(twelve.taskTotal).toBeGreaterThanOrEqual(12);
    const reform = list.items.find((c: { kind: string }) => c.kind === 'reform');
    expect(reform.figures.map((f: { value: number }) => f.value)).toEqual([29, 113]);
    const d = (await t.call(officer, 'GET', `/api/campaigns/${twelve.id}`)).json();
    expect(d.actions).toHaveLength(12);
    expect(d.actions.some((a: { taskOverdue: number }) => a.taskOverdue > 0)).toBe(true);
    const created = await t.call(officer, 'POST', '/api/campaigns', {
      name: '测试行动',
      kind: 'actions',
      actions: [{ name: '第一项' }, { name: '第二项' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().actionCount).toBe(2);
  });

  it('closes a problem list item by item: each unit proposes, a leader verifies', async () => {
    const res = await t.call(officer, 'POST', '/api/problem-lists', {
      title: '安全生产检查问题清单',
      source: 'inspection',
      issuedDate: '2026-03-01',
      items: [
        {
          problem: '配电室消防器材过期',
          measure: '更换灭火器',
          departmentId: ids.get('D05'),
          deadline: '2026-03-20',
        },
        {
          problem: '审批窗口指引不清',
          measure: '更新指引牌',
          departmentId: ids.get('D03'),
          deadline: '2026-03-01',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json();
    expect(list.summary).toMatchObject({ total: 2, closed: 0, proposed: 0 });
    const [powerItem, approvalItem] = list.items;
    const deptView = (await t.call(dept, 'GET', `/api/problem-lists/${list.id}`)).json();
    expect(deptView.items.map((i: { canPropose: boolean }) => i.canPropose)).toEqual([true, false]);
    const wrong = await t.call(
      dept,
      'POST',
      `/api/problem-lists/${list.id}/items/${approvalItem.id}/propose`,
      {
        evidence: 'x',
        version: approvalItem.version,
      },
    );
    expect(wrong.statusCode).toBe(403);
    const attach = (s: Session, itemId: string) =>
      t.call(s, 'POST', `/api/problem-lists/${list.id}/items/${itemId}/attachments`, {
        fileName: '现场照片.pdf',
        contentBase64: Buffer.from('%PDF-1.4 photo').toString('base64'),
      });
    expect((await attach(dept, powerItem.id)).statusCode).toBe(201);
    const first = await t.call(dept, 'POST', `/api/problem-lists/${list.id}/items/${powerItem.id}/propose`, {
      evidence: '已更换12具灭火器',
      version: powerItem.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    // Proposed is not closed: the summary counts it apart until it is verified.
    expect(first.json().summary).toMatchObject({ closed: 0, proposed: 1 });
    const v1 = await t.call(leader, 'POST', `/api/problem-lists/${list.id}/items/${powerItem.id}/decide`, {
      decision: 'verify',
      version: powerItem.version + 1,
    });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json().summary).toMatchObject({ closed: 1, closedOnTime: 1, proposed: 0 });
    expect((await attach(approvals, approvalItem.id)).statusCode).toBe(201);
    const second = await t.call(
      approvals,
      'POST',
      `/api/problem-lists/${list.id}/items/${approvalItem.id}/propose`,
      { evidence: '指引牌已更新', version: approvalItem.version },
    );
    expect(second.statusCode, second.body).toBe(200);
    const v2 = await t.call(leader, 'POST', `/api/problem-lists/${list.id}/items/${approvalItem.id}/decide`, {
      decision: 'verify',
      version: approvalItem.version + 1,
    });
    expect(v2.json().summary).toMatchObject({ total: 2, closed: 2, closedLate: 1 });
    const again = await t.call(
      approvals,
      'POST',
      `/api/problem-lists/${list.id}/items/${approvalItem.id}/propose`,
      { evidence: '再次', version: approvalItem.version + 2 },
    );
    expect(again.statusCode).toBe(400);
  });

  it('holds the paired-assistance figures as real records and lets an officer update them', async () => {
    const list = (await t.call(leader, 'GET', '/api/programmes')).json();
    const aid = list.items.find((p: { title: string }) => p.title.includes('聊城第三中学'));
    expect(aid.isSample).toBe(false);
    const byKey = Object.fromEntries(
      aid.figures.map((f: { key: string; value: number }) => [f.key, f.value]),
    );
    expect(byKey).toMatchObject({
      cohorts: 9,
      students: 358,
      graduates: 39,
      over_undergrad_line: 38,
      start_year: 2015,
    });
    const put = await t.call(officer, 'PUT', `/api/programmes/${aid.id}/figures`, {
      figures: [{ key: 'students_cohort', label: '当届接收学生', value: 40, unit: '名', period: '2024级' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().figures).toHaveLength(6);
    expect((await t.call(dept, 'PUT', `/api/programmes/${aid.id}/figures`, { figures: [] })).statusCode).toBe(
      403,
    );
  });
});
