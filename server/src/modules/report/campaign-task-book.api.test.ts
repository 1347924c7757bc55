import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/** The campaign's 任务书 (issue 15): its tasks, lead and cooperating units, timetable and roadmap. */
describe.skipIf(SKIP_DB)('a campaign’s 任务书 (.docx)', () => {
  let t: TestApp;
  let officer: Session;
  let dept: Session;
  const dep = new Map<string, string>();
  let campaign: { id: string; actions: Array<{ id: string; name: string }> };

  const docText = async (s: Session) => {
    const res = await t.call(s, 'GET', `/api/campaigns/${campaign.id}/task-book.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
    const zip = await JSZip.loadAsync(res.rawPayload);
    return (await zip.file('word/document.xml')?.async('string')) ?? '';
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    dept = await t.login('dept');
    for (const r of await t.db.kysely.selectFrom('department').select(['id', 'code', 'name']).execute()) {
      dep.set(r.code, r.id);
    }
    const created = await t.call(officer, 'POST', '/api/campaigns', {
      name: '营商环境提升行动（测试）',
      kind: 'actions',
      year: 2026,
      actions: [
        { name: '审批提速行动', leadDepartmentId: dep.get('D04') },
        { name: '供电保障行动', leadDepartmentId: dep.get('D05') },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json();
    const task = async (title: string, lead: string, action: number, body: Record<string, unknown>) => {
      const res = await t.call(officer, 'POST', '/api/tasks', {
        type: 'supervision',
        title,
        source: 'campaign',
        campaignId: campaign.id,
        campaignActionId: campaign.actions[action]?.id,
        leadDepartmentId: dep.get(lead),
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await task('环评审批时限压缩一半', 'D04', 0, {
      deadline: '2026-09-30',
      cooperatingDepartmentIds: [dep.get('D08')],
      milestones: [
        { name: '梳理审批事项清单', plannedDate: '2026-04-30' },
        { name: '并联审批上线运行', plannedDate: '2026-08-31' },
      ],
    });
    await task('重点项目双回路供电', 'D05', 1, {
      deadline: '2026-10-31',
      milestones: [{ name: '变电站扩容投运', plannedDate: '2026-10-15' }],
    });
  });
  afterAll(async () => t?.close());

  it('holds the tasks, their actions, lead and cooperating units, deadlines and roadmap nodes', async () => {
    const doc = await docText(officer);
    expect(doc).toContain('营商环境提升行动（测试）任务书');
    expect(doc).toContain('仿宋_GB2312');
    for (const text of [
      '审批提速行动',
      '供电保障行动',
      '环评审批时限压缩一半',
      '重点项目双回路供电',
      '生态环境分局',
      '供电服务中心',
      '建设管理部',
      '2026-09-30',
      '2026-10-31',
      '梳理审批事项清单',
      '并联审批上线运行',
      '变电站扩容投运',
      '2026-04-30',
      '三、时间安排与路线图',
      '四、牵头单位与配合单位',
    ]) {
      expect(doc).toContain(text);
    }
    // Action order: the first action's task comes before the second's.
    expect(doc.indexOf('环评审批时限压缩一半')).toBeLessThan(doc.indexOf('重点项目双回路供电'));
  });

  it('a department’s copy holds only the tasks it is on; an unknown campaign is a 404', async () => {
    const doc = await docText(dept);
    expect(doc).toContain('重点项目双回路供电');
    expect(doc).not.toContain('环评审批时限压缩一半');
    const missing = await t.call(officer, 'GET', '/api/campaigns/no-such-campaign/task-book.docx');
    expect(missing.statusCode).toBe(404);
    expect(
      (await t.call(await t.login('firm'), 'GET', `/api/campaigns/${campaign.id}/task-book.docx`)).statusCode,
    ).toBe(403);
  });
});
