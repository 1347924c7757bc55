import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Milestone {
  id: string;
  version: number;
  doneDate: string | null;
}
interface TaskDetail {
  id: string;
  status: string;
  version: number;
  milestones: Milestone[];
  closingGaps: string[];
  can: { propose: boolean; close: boolean };
}
interface Item {
  id: string;
  version: number;
  closeStatus: string;
  returnReason: string | null;
  closingGaps: string[];
  canPropose: boolean;
  canVerify: boolean;
  evidenceLink: { entity: string; label: string } | null;
}

const PDF = Buffer.from('%PDF-1.4 evidence').toString('base64');

/** Closings a supervision office can trust (issue 15, decision 013), on both databases. */
describe.skipIf(SKIP_DB)('closing (销号) rules: conditions, who closes, verify / return', () => {
  let t: TestApp;
  let officer: Session;
  let dept: Session;
  let supervisor: Session;
  const unit = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.kysely.selectFrom('department').select(['id', 'code']).execute()) {
      unit.set(r.code, r.id);
    }
    officer = await t.login('officer');
    dept = await t.login('dept');
    supervisor = await t.login('duchashi');
  });
  afterAll(async () => t?.close());

  const detail = async (s: Session, id: string) =>
    (await t.call(s, 'GET', `/api/tasks/${id}`)).json() as TaskDetail;
  const auditActions = async (entityId: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'actor_name'])
        .where('entity_id', '=', entityId)
        .orderBy('at')
        .execute()
    ).map((r) => `${r.action}:${r.actor_name}`);

  const newTask = async () => {
    const res = await t.call(officer, 'POST', '/api/tasks', {
      type: 'supervision',
      title: '开闭所建设（销号条件测试）',
      source: 'meeting',
      leadDepartmentId: unit.get('D05'),
      deadline: '2026-12-31',
      milestones: [
        { name: '选址', plannedDate: '2026-03-03' },
        { name: '送电', plannedDate: '2026-03-10' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    return detail(dept, res.json().id);
  };
  const markDone = async (task: TaskDetail, index: number) => {
    const m = task.milestones[index] as Milestone;
    const res = await t.call(dept, 'PATCH', `/api/tasks/${task.id}/milestones/${m.id}`, {
      version: m.version,
      doneDate: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const propose = (task: TaskDetail, body: Record<string, unknown> = {}) =>
    t.call(dept, 'POST', `/api/tasks/${task.id}/propose`, {
      evidence: '开闭所已投运',
      version: task.version,
      ...body,
    });
  const expectUnmet = (res: { statusCode: number; json: () => unknown }, missing: string[]) => {
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as {
      error: { code: string; missing: string[]; message: { zh: string; en: string } };
    };
    expect(error.code).toBe('CLOSING_CONDITIONS_UNMET');
    expect(error.missing).toEqual(missing);
    expect(error.message.zh).toMatch(/^不能销号：/);
    expect(error.message.en).toMatch(/^Cannot close: /);
  };

  it('refuses a closing without each condition, naming what is missing', async () => {
    let task = await newTask();
    expect(task.closingGaps).toEqual(['milestones_open', 'progress_incomplete', 'evidence_missing']);
    expectUnmet(await propose(task), ['milestones_open', 'progress_incomplete', 'evidence_missing']);

    await markDone(task, 0);
    await t.call(dept, 'POST', `/api/tasks/${task.id}/reports`, { content: '推进', percent: 60 });
    task = await detail(dept, task.id);
    expectUnmet(await propose(task), ['milestones_open', 'progress_incomplete', 'evidence_missing']);

    await markDone(task, 1);
    task = await detail(dept, task.id);
    expectUnmet(await propose(task), ['progress_incomplete', 'evidence_missing']);

    await t.call(dept, 'POST', `/api/tasks/${task.id}/reports`, { content: '完成', percent: 100 });
    task = await detail(dept, task.id);
    expectUnmet(await propose(task), ['evidence_missing']);

    // A link to a record that does not exist is a field error, and nothing is written.
    const badLink = await propose(task, { evidenceLink: { entity: 'request', id: 'nope' } });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.fields[0].path).toBe('evidenceLink.id');
    expect((await detail(dept, task.id)).status).toBe('in_progress');

    // A linked record stands as evidence as well as a file does.
    const project = await t.db.kysely.selectFrom('project').select('id').executeTakeFirstOrThrow();
    const ok = await propose(task, { evidenceLink: { entity: 'project', id: project.id } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'proposed',
      closingGaps: [],
      evidenceLink: { entity: 'project' },
    });

    // The roadmap grew after the proposal: closing checks again.
    const added = await t.call(officer, 'POST', `/api/tasks/${task.id}/milestones`, {
      name: '补充验收',
      plannedDate: '2026-03-20',
    });
    expect(added.statusCode, added.body).toBe(201);
    expectUnmet(
      await t.call(supervisor, 'POST', `/api/tasks/${task.id}/close`, {
        decision: 'close',
        version: ok.json().version,
      }),
      ['milestones_open'],
    );
  });

  it('lets the 督查室, not the lead unit, close or send back — and audits each step', async () => {
    let task = await newTask();
    await markDone(task, 0);
    await markDone(task, 1);
    await t.call(dept, 'POST', `/api/tasks/${task.id}/reports`, { content: '完成', percent: 100 });
    const file = await t.call(dept, 'POST', `/api/tasks/${task.id}/attachments`, {
      fileName: '验收报告.pdf',
      contentBase64: PDF,
    });
    expect(file.statusCode, file.body).toBe(201);
    task = await detail(dept, task.id);
    const p1 = await propose(task);
    expect(p1.statusCode, p1.body).toBe(200);

    // The lead unit cannot close its own task (no permission at all: 403).
    const byUnit = await t.call(dept, 'POST', `/api/tasks/${task.id}/close`, {
      decision: 'close',
      version: p1.json().version,
    });
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().error.message.zh).toBeTruthy();

    // The 督查室 sees the proposal in its queue and sends it back with a reason.
    const queue = (await t.call(supervisor, 'GET', '/api/inbox')).json();
    expect(queue.toConfirm.map((i: { id: string }) => i.id)).toContain(task.id);
    expect((await detail(supervisor, task.id)).can).toMatchObject({ propose: false, close: true });
    const noReason = await t.call(supervisor, 'POST', `/api/tasks/${task.id}/close`, {
      decision: 'return',
      version: p1.json().version,
    });
    expect(noReason.json().error.refusal).toBe('reason_required');
    const back = await t.call(supervisor, 'POST', `/api/tasks/${task.id}/close`, {
      decision: 'return',
      note: '验收报告缺少签章页',
      version: p1.json().version,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'in_progress', returnReason: '验收报告缺少签章页' });

    const p2 = await propose(back.json() as TaskDetail, { evidence: '已补签章页' });
    expect(p2.statusCode, p2.body).toBe(200);
    const closed = await t.call(supervisor, 'POST', `/api/tasks/${task.id}/close`, {
      decision: 'close',
      note: '核验无误',
      version: p2.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedByName: '督查室（示例）' });
    expect(await auditActions(task.id)).toEqual(
      expect.arrayContaining(['propose:dept', 'return:duchashi', 'close:duchashi']),
    );
  });

  it('has the unit propose an item, the 督查室 return one and verify another', async () => {
    const res = await t.call(officer, 'POST', '/api/problem-lists', {
      title: '营商环境督查问题清单（核验测试）',
      source: 'inspection',
      issuedDate: '2026-03-01',
      items: [
        {
          problem: '报装流程材料多',
          measure: '精简材料',
          departmentId: unit.get('D05'),
          deadline: '2026-03-30',
        },
        { problem: '抢修响应慢', measure: '设网格员', departmentId: unit.get('D05'), deadline: '2026-03-30' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const listId = res.json().id as string;
    const [a, b] = res.json().items as Item[];
    const path = (item: Item, verb: string) => `/api/problem-lists/${listId}/items/${item.id}/${verb}`;
    const items = async (s: Session) =>
      ((await t.call(s, 'GET', `/api/problem-lists/${listId}`)).json() as { items: Item[] }).items;

    // No file and no linked record: refused, naming the missing evidence.
    expectUnmet(await t.call(dept, 'POST', path(a as Item, 'propose'), { evidence: '已精简', version: 1 }), [
      'evidence_missing',
    ]);
    expect(
      (await t.call(dept, 'POST', path(a as Item, 'attachments'), { fileName: 'a.pdf', contentBase64: PDF }))
        .statusCode,
    ).toBe(201);
    const request = await t.db.kysely.selectFrom('factor_request').select('id').executeTakeFirstOrThrow();
    expect(
      (await t.call(dept, 'POST', path(a as Item, 'propose'), { evidence: '已精简为3项', version: 1 }))
        .statusCode,
    ).toBe(200);
    const pb = await t.call(dept, 'POST', path(b as Item, 'propose'), {
      evidence: '网格员已上岗',
      evidenceLink: { entity: 'request', id: request.id },
      version: 1,
    });
    expect(pb.statusCode, pb.body).toBe(200);
    expect(pb.json().summary).toMatchObject({ proposed: 2, closed: 0 });

    // The unit cannot verify its own claim; the 督查室 cannot propose for the unit.
    expect(
      (await t.call(dept, 'POST', path(a as Item, 'decide'), { decision: 'verify', version: 2 })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(supervisor, 'POST', path(a as Item, 'propose'), { evidence: 'x', version: 2 }))
        .statusCode,
    ).toBe(403);

    const queue = (await t.call(supervisor, 'GET', '/api/inbox')).json();
    expect(queue.toConfirm.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([a?.id, b?.id]));
    expect((await items(supervisor)).map((i) => i.canVerify)).toEqual([true, true]);

    const noReason = await t.call(supervisor, 'POST', path(a as Item, 'decide'), {
      decision: 'return',
      version: 2,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const returned = await t.call(supervisor, 'POST', path(a as Item, 'decide'), {
      decision: 'return',
      reason: '缺少办事指南更新的佐证',
      version: 2,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const verified = await t.call(supervisor, 'POST', path(b as Item, 'decide'), {
      decision: 'verify',
      version: 2,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().summary).toMatchObject({ proposed: 0, returned: 1, closed: 1 });
    const [ra, rb] = await items(dept);
    expect(ra).toMatchObject({
      closeStatus: 'returned',
      returnReason: '缺少办事指南更新的佐证',
      canPropose: true,
    });
    expect(rb).toMatchObject({
      closeStatus: 'verified',
      canPropose: false,
      evidenceLink: { entity: 'request' },
    });

    // A verified item is final; a returned one may be proposed again.
    expect(
      (
        await t.call(supervisor, 'POST', path(b as Item, 'decide'), {
          decision: 'return',
          reason: 'x',
          version: 3,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await t.call(dept, 'POST', path(a as Item, 'propose'), { evidence: '已补充', version: 3 })).statusCode,
    ).toBe(200);
    expect(await auditActions(a?.id as string)).toEqual(['propose:dept', 'return:duchashi', 'propose:dept']);
    expect(await auditActions(b?.id as string)).toEqual(['propose:dept', 'verify:duchashi']);
  });
});
