import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Row {
  id: string;
  code: string;
  projectId: string | null;
  projectName?: string | null;
  departmentId?: string | null;
  firmId?: string;
}

/**
 * The project's factor requests and tasks (issue 15) on its page (the lists filtered by project) and
 * in its dossier, scoped as the records are: the firm sees its own requests and no tasks, a
 * department only what is assigned to it.
 */
describe.skipIf(SKIP_DB)('a project’s requests and tasks: page lists and dossier, in scope', () => {
  let t: TestApp;
  let officer: Session;
  let firm: Session;
  let dept: Session;
  const dep = new Map<string, string>();
  let project: { id: string; code: string };
  const made: Record<'reqMine' | 'reqOther' | 'taskMine' | 'taskOther', Row> = {} as never;

  const dossierText = async (s: Session) => {
    const res = await t.call(s, 'GET', `/api/projects/${project.id}/dossier.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    return (await zip.file('word/document.xml')?.async('string')) ?? '';
  };
  const list = async (s: Session, path: string) => {
    const res = await t.call(s, 'GET', path);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Row[]).map((r) => r.code);
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    firm = await t.login('firm');
    dept = await t.login('dept');
    for (const r of await t.db.kysely.selectFrom('department').select(['id', 'code']).execute()) {
      dep.set(r.code, r.id);
    }
    const own = (await t.call(firm, 'GET', '/api/projects?limit=5')).json().items as Row[];
    project = own.find((p) => p.code === 'XM2024-00003') as { id: string; code: string };
    const raise = async (title: string, department: string) => {
      const created = await t.call(firm, 'POST', '/api/requests', {
        projectId: project.id,
        type: 'power',
        title,
      });
      expect(created.statusCode, created.body).toBe(201);
      const assigned = await t.call(officer, 'POST', `/api/requests/${created.json().id}/assign`, {
        departmentId: dep.get(department),
        deadline: '2026-03-10',
        version: created.json().version,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      return assigned.json() as Row;
    };
    made.reqMine = await raise('项目档案测试：供电扩容', 'D05');
    made.reqOther = await raise('项目档案测试：环评批复', 'D04');
    const task = async (title: string, lead: string) => {
      const res = await t.call(officer, 'POST', '/api/tasks', {
        type: 'supervision',
        title,
        source: 'meeting',
        leadDepartmentId: dep.get(lead),
        deadline: '2026-03-12',
        projectId: project.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Row;
    };
    made.taskMine = await task('项目档案测试：专线接入督办', 'D05');
    made.taskOther = await task('项目档案测试：环评督办', 'D04');
  });
  afterAll(async () => t?.close());

  it('a task names its project; an unknown project is a 400 on projectId', async () => {
    expect(made.taskMine.projectId).toBe(project.id);
    expect(made.taskMine.projectName).toContain('乖宝');
    const bad = await t.call(officer, 'POST', '/api/tasks', {
      type: 'supervision',
      title: '无此项目',
      source: 'meeting',
      leadDepartmentId: dep.get('D05'),
      projectId: 'no-such-project',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('projectId');
  });

  it('the page lists: the officer sees all, the department what is assigned to it, the firm its requests', async () => {
    const reqs = `/api/requests?projectId=${project.id}&limit=200`;
    const tasks = `/api/tasks?projectId=${project.id}&limit=200`;
    const officerReqs = await list(officer, reqs);
    expect(officerReqs).toEqual(expect.arrayContaining([made.reqMine.code, made.reqOther.code]));
    expect(await list(officer, tasks)).toEqual(
      expect.arrayContaining([made.taskMine.code, made.taskOther.code]),
    );
    // Another project's task is not listed on this one.
    expect(
      await list(officer, `/api/tasks?projectId=${project.id}&q=${encodeURIComponent('无此项目')}`),
    ).toEqual([]);

    const deptReqs = await list(dept, reqs);
    expect(deptReqs).toContain(made.reqMine.code);
    expect(deptReqs).not.toContain(made.reqOther.code);
    const deptTasks = await list(dept, tasks);
    expect(deptTasks).toEqual([made.taskMine.code]);

    expect(await list(firm, reqs)).toEqual(expect.arrayContaining([made.reqMine.code, made.reqOther.code]));
    expect((await t.call(firm, 'GET', tasks)).statusCode).toBe(403);
  });

  it('the dossier lists them with unit, deadline and days overdue, in the reader’s scope', async () => {
    // Twenty days on, every deadline has passed (sessions are signed in again after the wait).
    t.clock.advanceMinutes(20 * 24 * 60);
    officer = await t.login('officer');
    firm = await t.login('firm');
    dept = await t.login('dept');
    const full = await dossierText(officer);
    expect(full).toContain('三、要素保障需求');
    expect(full).toContain('四、督办任务');
    for (const r of Object.values(made)) expect(full).toContain(r.code);
    expect(full).toContain('供电服务中心');
    expect(full).toContain('生态环境分局');
    expect(full).toContain('逾期10天');
    expect(full).toContain('逾期12天');

    // A department has no dossier (project.read); its scope is the lists' (above).
    expect((await t.call(dept, 'GET', `/api/projects/${project.id}/dossier.docx`)).statusCode).toBe(403);

    const ofFirm = await dossierText(firm);
    expect(ofFirm).toContain(made.reqMine.code);
    expect(ofFirm).toContain(made.reqOther.code);
    expect(ofFirm).not.toContain(made.taskMine.code);
    expect(ofFirm).toContain('暂无督办任务');
  });
});
