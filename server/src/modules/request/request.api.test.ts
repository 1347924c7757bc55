import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { createUser } from '../user/user.service';

interface R {
  id: string;
  code: string;
  status: string;
  version: number;
  deadline: string | null;
  overdue: boolean;
  escalation: string;
  departmentName: string | null;
  firmId: string;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

describe.skipIf(SKIP_DB)(
  'factor requests: raise → assign → accept → resolve → confirm, scope, escalation',
  () => {
    let t: TestApp;
    let officer: Session;
    let admin: Session;
    let leader: Session;
    let dept: Session;
    let otherDept: Session;
    let firmUser: Session;
    let projectId: string;
    let d05: string;
    let d02: string;

    /** Sessions time out while the test clock moves by days: sign everyone in again. */
    const signIn = async () => {
      officer = await t.login('officer');
      admin = await t.login('admin');
      leader = await t.login('leader');
      dept = await t.login('dept');
      firmUser = await t.login('firm');
      if (d02) otherDept = await t.login('land');
    };

    beforeAll(async () => {
      t = await createTestApp();
      await signIn();
      const departments = (await t.call(officer, 'GET', '/api/departments')).json().items as Array<{
        id: string;
        code: string;
      }>;
      d05 = departments.find((d) => d.code === 'D05')?.id as string;
      d02 = departments.find((d) => d.code === 'D02')?.id as string;
      const ctx = { db: t.db, clock: t.clock, ip: null, actor: null };
      await createUser(ctx, {
        username: 'land',
        displayName: '自然资源和规划部（测试）',
        role: 'department',
        departmentId: d02,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      otherDept = await t.login('land');
      const projects = (await t.call(firmUser, 'GET', '/api/projects?q=10%E4%B8%87%E5%90%A8')).json()
        .items as Array<{
        id: string;
        code: string;
      }>;
      projectId = projects.find((p) => p.code === 'XM2024-00003')?.id as string;
      expect(projectId).toBeTruthy();
    });
    afterAll(async () => t?.close());

    const raise = async (session: Session, body: Record<string, unknown> = {}) => {
      const res = await t.call(session, 'POST', '/api/requests', {
        projectId,
        type: 'power',
        title: '新车间临时用电增容',
        neededBy: '2026-03-20',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as R;
    };
    const move = (s: Session, r: { id: string; version: number }, to: string, reason?: string) =>
      t.call(s, 'POST', `/api/requests/${r.id}/status`, {
        to,
        version: r.version,
        ...(reason ? { reason } : {}),
      });

    it('runs the whole flow and tells each side in its inbox', async () => {
      const r = await raise(firmUser);
      expect(r).toMatchObject({ status: 'submitted', deadline: null, escalation: 'none' });
      expect(r.code).toMatch(/^YS2026-\d{5}$/);
      // Not yet the department's: a 404, not a 403.
      expect((await t.call(dept, 'GET', `/api/requests/${r.id}`)).statusCode).toBe(404);

      const assigned = await t.call(officer, 'POST', `/api/requests/${r.id}/assign`, {
        departmentId: d05,
        version: r.version,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const a = assigned.json() as R;
      // The power type's default: 14 days from today (2026-03-02 in Shanghai).
      expect(a).toMatchObject({ status: 'assigned', deadline: '2026-03-16', departmentName: '供电服务中心' });

      const queue = (await t.call(dept, 'GET', '/api/requests/queue')).json() as { items: R[] };
      expect(queue.items.map((i) => i.id)).toContain(r.id);
      const inbox = (await t.call(dept, 'GET', '/api/inbox')).json();
      expect(inbox.assigned.map((i: { id: string }) => i.id)).toContain(r.id);
      expect(inbox.notifications.some((n: { title: string }) => n.title.includes('交办'))).toBe(true);

      const refused = await move(firmUser, a, 'accepted');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'REQUEST_MOVE_REFUSED', refusal: 'not_yours' });

      const accepted = (await move(dept, a, 'accepted')).json() as R;
      expect(accepted.status).toBe('accepted');
      const noted = await t.call(dept, 'POST', `/api/requests/${r.id}/notes`, {
        note: '已现场勘察，正在编制接入方案',
      });
      expect(noted.statusCode).toBe(201);
      expect(noted.json()).toMatchObject({ status: 'in_progress' });
      const working = noted.json() as R;

      expect((await move(dept, working, 'resolved')).json().error.refusal).toBe('reason_required');
      const resolved = (await move(dept, working, 'resolved', '接入方案已批复，3月10日送电')).json() as R;
      expect(resolved.status).toBe('resolved');

      const firmInbox = (await t.call(firmUser, 'GET', '/api/inbox')).json();
      expect(firmInbox.toConfirm.map((i: { id: string }) => i.id)).toContain(r.id);
      expect(firmInbox.badge).toBeGreaterThan(0);

      const confirmed = await move(firmUser, resolved, 'confirmed');
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json().status).toBe('confirmed');
      expect((await move(officer, confirmed.json(), 'reopened', '再看看')).json().error.refusal).toBe(
        'final',
      );

      const detail = (await t.call(officer, 'GET', `/api/requests/${r.id}`)).json();
      expect(
        detail.events.map((e: { toStatus: string | null; kind: string }) => e.toStatus ?? e.kind),
      ).toEqual(['submitted', 'assigned', 'accepted', 'note', 'in_progress', 'resolved', 'confirmed']);
      const audit = (await t.call(admin, 'GET', `/api/audit?entity=factor_request&entityId=${r.id}`)).json();
      expect(audit.total).toBeGreaterThanOrEqual(6);
    });

    it('keeps an enterprise to its own firm and a department to its own queue', async () => {
      const firm = (await t.call(officer, 'POST', '/api/firms', { name: '要素测试其他企业有限公司' })).json();
      const other = await raise(officer, {
        projectId: null,
        firmId: firm.id,
        type: 'water',
        title: '其他企业用水',
      });
      expect((await t.call(firmUser, 'GET', `/api/requests/${other.id}`)).statusCode).toBe(404);
      const mine = (await t.call(firmUser, 'GET', '/api/requests?limit=200')).json() as { items: R[] };
      expect(mine.items.every((i) => i.firmId === mine.items[0]?.firmId)).toBe(true);
      expect(mine.items.map((i) => i.id)).not.toContain(other.id);
      // An enterprise cannot raise for someone else's firm or project.
      const foreign = await t.call(firmUser, 'POST', '/api/requests', {
        firmId: firm.id,
        type: 'water',
        title: 'x',
      });
      expect(foreign.statusCode).toBe(400);

      await t.call(officer, 'POST', `/api/requests/${other.id}/assign`, {
        departmentId: d05,
        version: other.version,
      });
      expect((await t.call(otherDept, 'GET', `/api/requests/${other.id}`)).statusCode).toBe(404);
      const landQueue = (await t.call(otherDept, 'GET', '/api/requests/queue')).json() as { items: R[] };
      expect(landQueue.items.map((i) => i.id)).not.toContain(other.id);
      // A department cannot widen its queue by naming another department.
      const widened = (await t.call(otherDept, 'GET', `/api/requests?departmentId=${d05}`)).json() as {
        items: R[];
      };
      expect(widened.items).toEqual([]);
      // Stale versions are refused.
      expect((await move(dept, other, 'accepted')).statusCode).toBe(409);
    });

    it('escalates from the data as time passes, records each step once, and the sweep is idempotent', async () => {
      const r = await raise(firmUser, { title: '变压器增容（升级测试）' });
      const a = (
        await t.call(officer, 'POST', `/api/requests/${r.id}/assign`, {
          departmentId: d05,
          deadline: '2026-03-03',
          version: r.version,
        })
      ).json() as R;
      expect(a.escalation).toBe('none');
      t.clock.advanceMinutes(2 * 24 * 60); // 2026-03-04: one day late
      await signIn();
      let d = (await t.call(officer, 'GET', `/api/requests/${r.id}`)).json();
      expect(d).toMatchObject({
        overdue: true,
        daysLate: 1,
        escalation: 'head',
        escalationNextOn: '2026-03-07',
      });
      expect(d.events.filter((e: { kind: string }) => e.kind === 'escalation')).toHaveLength(1);
      t.clock.advanceMinutes(3 * 24 * 60); // 2026-03-07: four days late
      await signIn();
      const first = (await t.call(admin, 'POST', '/api/notify/sweep')).json();
      expect(first.escalations).toBeGreaterThanOrEqual(1);
      expect((await t.call(admin, 'POST', '/api/notify/sweep')).json().escalations).toBe(0);
      d = (await t.call(officer, 'GET', `/api/requests/${r.id}`)).json();
      expect(d.escalation).toBe('leader');
      const steps = d.events.filter((e: { kind: string }) => e.kind === 'escalation');
      expect(steps.map((e: { level: string }) => e.level)).toEqual(['head', 'leader']);
      expect(steps[0].note).toContain('供电服务中心负责人');
      const leaderInbox = (await t.call(leader, 'GET', '/api/inbox')).json();
      expect(leaderInbox.overdue.map((i: { id: string }) => i.id)).toContain(r.id);
      expect(leaderInbox.notifications.some((n: { title: string }) => n.title.includes('超期升级'))).toBe(
        true,
      );
      // Overdue first in the department's queue.
      const queue = (await t.call(dept, 'GET', '/api/requests/queue')).json() as { items: R[] };
      const firstNotOverdue = queue.items.findIndex((i) => !i.overdue);
      expect(
        queue.items
          .slice(firstNotOverdue === -1 ? queue.items.length : firstNotOverdue)
          .some((i) => i.overdue),
      ).toBe(false);
    });

    it('gives the leader the overview by department and type', async () => {
      const res = await t.call(leader, 'GET', '/api/requests/overview');
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json();
      const power = o.byDepartment.find(
        (d: { departmentName: string }) => d.departmentName === '供电服务中心',
      );
      expect(power.overdue).toBeGreaterThanOrEqual(1);
      expect(o.byType.map((x: { type: string }) => x.type)).toContain('power');
      expect(o.totals.avgResolutionDays).not.toBeNull();
      expect((await t.call(dept, 'GET', '/api/requests/overview')).statusCode).toBe(403);
    });

    it('stores attachments with type and size checks, in the request’s scope', async () => {
      const r = await raise(firmUser, { title: '附件测试' });
      const ok = await t.call(firmUser, 'POST', `/api/requests/${r.id}/attachments`, {
        fileName: '现场照片.jpeg',
        contentBase64: PNG,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ fileName: '现场照片.png', mime: 'image/png', size: 12 });
      const bad = await t.call(firmUser, 'POST', `/api/requests/${r.id}/attachments`, {
        fileName: 'tool.pdf',
        contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
      });
      expect(bad.statusCode).toBe(400);
      const file = await t.call(firmUser, 'GET', `/api/attachments/${ok.json().id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.rawPayload.length).toBe(12);
      expect((await t.call(otherDept, 'GET', `/api/attachments/${ok.json().id}`)).statusCode).toBe(404);
    });
  },
);
