import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { createUser } from '../user/user.service';

interface Dept {
  id: string;
  code: string;
  name: string;
  headName: string | null;
  headUserId: string | null;
  headUserName: string | null;
  headActive: boolean;
  version: number;
}
interface TimelineEvent {
  kind: string;
  level: string | null;
  note: string | null;
  actorName: string | null;
}
interface Note {
  title: string;
  link: string | null;
}

describe.skipIf(SKIP_DB)(
  'department heads (负责人) as users: picked by an admin, reached by escalation',
  () => {
    let t: TestApp;
    let admin: Session;
    let officer: Session;
    let leader: Session;
    let projectId: string;
    let headId: string;
    const headName = '自然资源和规划部负责人（测试）';

    const departments = async () => (await t.call(admin, 'GET', '/api/departments')).json().items as Dept[];
    const byCode = async (code: string) => (await departments()).find((d) => d.code === code) as Dept;
    const setHead = (session: Session, d: Dept, headUserId: string | null, version = d.version) =>
      t.call(session, 'PUT', `/api/departments/${d.id}/head`, { headUserId, version });
    /** Sessions expire while the test clock moves by days. */
    const signIn = async () => {
      admin = await t.login('admin');
      officer = await t.login('officer');
      leader = await t.login('leader');
    };

    beforeAll(async () => {
      t = await createTestApp();
      await signIn();
      const d02 = await byCode('D02');
      // Made as the operator would (no first-login change), so the test can sign in as the head.
      const created = await createUser(
        { db: t.db, clock: t.clock, ip: null, actor: null },
        {
          username: 'd02head',
          displayName: headName,
          role: 'department',
          departmentId: d02.id,
          password: DEMO_PASSWORD,
          mustChangePassword: false,
        },
      );
      headId = created.id;
      const projects = (await t.call(officer, 'GET', '/api/projects?limit=1')).json().items as {
        id: string;
      }[];
      projectId = projects[0]?.id as string;
      expect(projectId).toBeTruthy();
    });
    afterAll(async () => t?.close());

    it('the demo links the power centre to its department user and keeps 史明鉴 as imported text', async () => {
      const d05 = await byCode('D05');
      expect(d05.headUserName).toBe('供电服务中心（示例）');
      const d01 = await byCode('D01');
      expect(d01).toMatchObject({ headName: '史明鉴', headUserId: null, headUserName: null });
    });

    it('offers the unit’s department users and the leaders, and refuses anyone else by field', async () => {
      const d02 = await byCode('D02');
      const res = await t.call(admin, 'GET', `/api/departments/${d02.id}/head-candidates`);
      expect(res.statusCode, res.body).toBe(200);
      const names = (res.json().items as { displayName: string; role: string }[]).map((c) => c.displayName);
      expect(names).toContain(headName);
      expect(names).toContain('开发区领导（示例）');
      expect(names).not.toContain('供电服务中心（示例）');
      expect(names).not.toContain('招商专员（示例）');

      // The power centre's user heads another unit: refused, naming the field, nothing changed.
      const d05User = (await byCode('D05')).headUserId as string;
      const wrong = await setHead(admin, d02, d05User);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields[0].path).toBe('headUserId');
      expect(wrong.json().error.fields[0].message.zh).toContain('负责人');
      const noVersion = await t.call(admin, 'PUT', `/api/departments/${d02.id}/head`, { headUserId: headId });
      expect(noVersion.statusCode).toBe(400);
      expect(JSON.stringify(noVersion.json().error.fields)).toContain('version');
      expect((await byCode('D02')).headUserId).toBeNull();
    });

    it('only an admin sets a head (403 for a leader); the change is audited, the old text kept', async () => {
      const d02 = await byCode('D02');
      expect((await setHead(leader, d02, headId)).statusCode).toBe(403);
      expect((await t.call(leader, 'GET', `/api/departments/${d02.id}/head-candidates`)).statusCode).toBe(
        403,
      );

      const d01 = await byCode('D01');
      const leaderId = (
        (await t.call(admin, 'GET', `/api/departments/${d01.id}/head-candidates`)).json().items as {
          id: string;
          role: string;
        }[]
      ).find((c) => c.role === 'leader')?.id as string;
      const linked = await setHead(admin, d01, leaderId);
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json()).toMatchObject({ headName: '史明鉴', headUserName: '开发区领导（示例）' });
      // A stale version is refused; unlinking brings back the imported text alone.
      expect((await setHead(admin, d01, null)).statusCode).toBe(409);
      const unlinked = await setHead(admin, d01, null, linked.json().version);
      expect(unlinked.json()).toMatchObject({ headName: '史明鉴', headUserId: null });

      const set = await setHead(admin, d02, headId);
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().headUserName).toBe(headName);
      const audit = (await t.call(admin, 'GET', `/api/audit?entity=department&entityId=${d02.id}`)).json();
      expect(audit.items[0]).toMatchObject({ action: 'department.head', actorName: 'admin' });
      expect(audit.items[0].after).toMatchObject({ head_user_id: headId, head_user_name: headName });
    });

    /** Raises a request, assigns it to department `id` due tomorrow, and lets it run two days late. */
    async function overdueRequestOf(departmentId: string, title: string): Promise<string> {
      const raised = await t.call(officer, 'POST', '/api/requests', {
        projectId,
        type: 'land',
        title,
        neededBy: '2026-06-30',
      });
      expect(raised.statusCode, raised.body).toBe(201);
      const r = raised.json() as { id: string; version: number };
      const deadline = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
      const assigned = await t.call(officer, 'POST', `/api/requests/${r.id}/assign`, {
        departmentId,
        deadline,
        version: r.version,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      return r.id;
    }
    const escalationSteps = async (id: string) =>
      ((await t.call(officer, 'GET', `/api/requests/${id}`)).json().events as TimelineEvent[]).filter(
        (e) => e.kind === 'escalation',
      );
    const notesOf = async (session: Session) =>
      (await t.call(session, 'GET', '/api/inbox')).json().notifications as Note[];

    it('an overdue request reaches the head user; a unit without one falls back to admin and says so', async () => {
      const d02 = await byCode('D02');
      const d03 = await byCode('D03');
      const withHead = await overdueRequestOf(d02.id, '工业用地预审（负责人升级测试）');
      const withoutHead = await overdueRequestOf(d03.id, '施工许可并联审批（无负责人升级测试）');
      t.clock.advanceMinutes(3 * 24 * 60); // two days past the deadline: the head step, not yet the leader
      await signIn();
      const sweep = await t.call(admin, 'POST', '/api/notify/sweep');
      expect(sweep.statusCode, sweep.body).toBe(200);

      const headSteps = await escalationSteps(withHead);
      expect(headSteps.map((e) => e.level)).toEqual(['head']);
      expect(headSteps[0]?.note).toBe(`自然资源和规划部负责人 ${headName}`);
      expect(headSteps[0]?.actorName).toBe('系统自动升级');
      const head = await t.login('d02head');
      const headNotes = await notesOf(head);
      expect(headNotes.some((n) => n.title.includes('工业用地预审') && n.link?.includes(withHead))).toBe(
        true,
      );
      // The admin is no longer told in the head's place.
      const adminNotes = await notesOf(admin);
      expect(adminNotes.some((n) => n.title.includes('工业用地预审'))).toBe(false);

      const fallback = await escalationSteps(withoutHead);
      expect(fallback[0]?.note).toContain('行政审批服务部负责人');
      expect(fallback[0]?.note).toContain('无可用的负责人账号');
      expect(adminNotes.some((n) => n.title.includes('施工许可并联审批'))).toBe(true);
      expect(headNotes.some((n) => n.title.includes('施工许可并联审批'))).toBe(false);
    });

    it('a head whose account is disabled no longer heads the unit: escalation falls back again', async () => {
      const user = (await t.call(admin, 'GET', '/api/users?q=d02head')).json().items[0] as {
        version: number;
      };
      const off = await t.call(admin, 'PATCH', `/api/users/${headId}`, {
        version: user.version,
        disabled: true,
      });
      expect(off.statusCode, off.body).toBe(200);
      const d02 = await byCode('D02');
      // The link and the name stay on record; the unit shows it is not in use.
      expect(d02).toMatchObject({ headUserId: headId, headUserName: headName, headActive: false });
      const id = await overdueRequestOf(d02.id, '规划条件核实（停用负责人升级测试）');
      t.clock.advanceMinutes(3 * 24 * 60);
      await signIn();
      await t.call(admin, 'POST', '/api/notify/sweep');
      const steps = await escalationSteps(id);
      expect(steps[0]?.note).toContain('无可用的负责人账号');
      expect((await notesOf(admin)).some((n) => n.title.includes('规划条件核实'))).toBe(true);
    });
  },
);
