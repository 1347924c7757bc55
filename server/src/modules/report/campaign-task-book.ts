import type { Paragraph, Table } from 'docx';
import { TASK_STATUS_LABELS } from '../../../../shared/src/task-status';
import type { ServiceContext } from '../../plugins/context';
import { today } from '../../plugins/context';
import { getCampaign } from '../campaign/campaign.service';
import { listTaskRecords } from '../task/task.service';
import { roadmapsOfTasks } from '../task/task-roadmap.service';
import { body, govDocument, heading, subtitle, table, title } from './gov-docx';

/** More tasks than any campaign has (十二项提升行动: a few dozen); the document says if it is cut. */
const TASK_BOOK_LIMIT = 500;

function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/**
 * 任务书 of a campaign (issue 15): what is to be done, by which unit, by when, and each task's
 * roadmap — in the dispatch report's document style. The task list is the caller's (a department
 * gets the tasks it is on), so the document never shows more than the screen.
 */
export async function campaignTaskBook(ctx: ServiceContext, campaignId: string) {
  const campaign = await getCampaign(ctx, campaignId);
  const tasks = await listTaskRecords(ctx, { campaignId, limit: TASK_BOOK_LIMIT, offset: 0 });
  const roadmaps = await roadmapsOfTasks(
    ctx,
    tasks.items.map((t) => t.id),
  );
  const actionOrder = new Map(campaign.actions.map((a) => [a.id, a.position]));
  const items = [...tasks.items].sort(
    (a, b) =>
      (actionOrder.get(a.campaignActionId ?? '') ?? 999) -
        (actionOrder.get(b.campaignActionId ?? '') ?? 999) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      a.code.localeCompare(b.code),
  );
  const docTitle = `${campaign.name}任务书`;
  const units = new Map<string, { lead: number; cooperating: number }>();
  for (const t of items) {
    const lead = t.leadDepartmentName ?? '—';
    units.set(lead, {
      lead: (units.get(lead)?.lead ?? 0) + 1,
      cooperating: units.get(lead)?.cooperating ?? 0,
    });
    for (const c of t.cooperating) {
      units.set(c.name, {
        lead: units.get(c.name)?.lead ?? 0,
        cooperating: (units.get(c.name)?.cooperating ?? 0) + 1,
      });
    }
  }
  const roadmapRows = items.flatMap((t) =>
    (roadmaps.get(t.id) ?? []).map((m) => [
      t.code,
      m.name,
      m.planned_date,
      m.done_date ?? '—',
      t.leadDepartmentName ?? '—',
    ]),
  );
  const facts = [
    campaign.year ? `${campaign.year}年度` : null,
    campaign.region,
    campaign.theme,
    `生成于${chineseDate(today(ctx))}`,
    campaign.isSample ? '含示例数据' : null,
  ].filter(Boolean);
  const children: Array<Paragraph | Table> = [
    title(docTitle),
    subtitle(`（${facts.join('  ')}）`),
    heading('一、总体要求'),
    body(campaign.description ?? `围绕${campaign.name}，各牵头单位按下列任务、时限和节点抓好落实。`),
    heading('二、任务分解'),
    items.length === 0
      ? body('暂无任务。')
      : table(
          ['序号', '行动', '任务', '牵头单位', '配合单位', '完成时限', '状态'],
          items.map((t, i) => [
            i + 1,
            t.actionName ?? '—',
            `${t.title}（${t.code}）`,
            t.leadDepartmentName ?? '—',
            t.cooperating.map((c) => c.name).join('、') || '—',
            t.deadline ?? '—',
            TASK_STATUS_LABELS[t.status].zh,
          ]),
          [6, 14, 26, 14, 13, 15, 12],
        ),
    heading('三、时间安排与路线图'),
    roadmapRows.length === 0
      ? body('各任务尚未排定节点。')
      : table(['任务编号', '节点', '计划完成', '实际完成', '责任单位'], roadmapRows, [20, 32, 16, 16, 16]),
    heading('四、牵头单位与配合单位'),
    units.size === 0
      ? body('暂无。')
      : table(
          ['单位', '牵头任务数', '配合任务数'],
          [...units.entries()].map(([name, n]) => [name, n.lead, n.cooperating]),
          [50, 25, 25],
        ),
  ];
  if (tasks.total > items.length)
    children.push(body(`（另有${tasks.total - items.length}项任务未列入本文。）`));
  const content = await govDocument(children, { title: docTitle });
  return { content, fileName: `${docTitle}.docx` };
}
