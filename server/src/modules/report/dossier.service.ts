import { ImageRun, Paragraph } from 'docx';
import { formatMoney } from '../../../../shared/src/money';
import { can } from '../../../../shared/src/permissions';
import { projectStageLabel } from '../../../../shared/src/project-stage';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from '../../../../shared/src/request-status';
import { TASK_STATUS_LABELS } from '../../../../shared/src/task-status';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { listMilestones, projectTimeline } from '../project/milestone.service';
import { getProject } from '../project/project.service';
import { listRequestRecords } from '../request/request.service';
import { listReports } from '../round/round.service';
import { listTaskRecords } from '../task/task.service';
import { body, govDocument, heading, subtitle, table, title } from './gov-docx';
import { timelineDetailZh } from './timeline-field-labels';

const money = (v: number | null) => formatMoney(v);

/** "X项目档案", without doubling 项目 when the project's name already ends with it. */
export function dossierTitle(name: string): string {
  return `${name.endsWith('项目') ? name.slice(0, -2) : name}项目档案`;
}

/** Enough for any one project's requests or tasks; the dossier says so when there are more. */
const WORK_LIMIT = 200;

/**
 * The project's 要素保障需求 and 督办任务, scoped as their lists are: a firm sees its own requests and
 * no tasks, a department only what is assigned to it.
 */
export async function projectWork(ctx: ServiceContext, projectId: string) {
  const actor = requireActor(ctx);
  const page = { projectId, limit: WORK_LIMIT, offset: 0 };
  const [requests, tasks] = await Promise.all([
    listRequestRecords(ctx, page),
    can(actor.role, 'task.read') ? listTaskRecords(ctx, page) : Promise.resolve({ items: [], total: 0 }),
  ]);
  return { requests, tasks };
}

const lateText = (overdue: boolean, daysLate: number) => (overdue ? `逾期${daysLate}天` : '—');

/**
 * 一项目一档 the project dossier as .docx: all facts, investors, milestones, the timeline, the
 * dispatch reports and their photos. The caller's project scope applies (an enterprise: its own).
 */
export async function projectDossier(ctx: ServiceContext, id: string) {
  const p = await getProject(ctx, id);
  const [milestones, timeline, reports, work] = await Promise.all([
    listMilestones(ctx, id),
    projectTimeline(ctx, id),
    listReports(ctx, { projectId: id, limit: 50, offset: 0 }),
    projectWork(ctx, id),
  ]);
  const facts: Array<[string, string]> = [
    ['项目编号', p.code],
    ['项目名称', p.name],
    ['投资方', p.investors.map((i) => i.firmName).join('、') || '—'],
    ['所在园区', p.park ?? '—'],
    ['所属环节', p.chainLink ?? '—'],
    ['当前阶段', `${projectStageLabel(p.stage).zh}${p.stageDate ? `（${p.stageDate}）` : ''}`],
    ['阶段说明', p.stageReason ?? '—'],
    ['总投资', money(p.totalInvestment)],
    ['固定资产投资', money(p.fixedAssetInvestment)],
    ['到位资金', money(p.fundsInPlace)],
    ['用地面积', p.landMu === null ? '—' : `${p.landMu}亩`],
    ['设计产能', p.capacityText ?? '—'],
    ['预计年产值', money(p.expectedOutput)],
    ['预计年税收', money(p.expectedTax)],
    ['预计新增就业', p.expectedJobs === null ? '—' : `${p.expectedJobs}人`],
    ['开工日期', p.startDate ?? '—'],
    ['包保领导', p.leaderName ?? '—'],
    ['招商专员', p.officerName ?? '—'],
    ['现场联系人', [p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—'],
  ];
  const photos: Paragraph[] = [];
  for (const r of reports.items) {
    for (const ph of r.photos) {
      const row = await ctx.db.kysely
        .selectFrom('round_photo')
        .select(['content', 'mime'])
        .where('id', '=', ph.id)
        .executeTakeFirst();
      if (!row) continue;
      photos.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: row.mime === 'image/png' ? 'png' : 'jpg',
              data: row.content,
              transformation: { width: 400, height: 300 },
            }),
          ],
        }),
        body(`${r.roundTitle}：${ph.fileName}`),
      );
    }
  }
  const content = await govDocument(
    [
      title(dossierTitle(p.name)),
      subtitle(`（一项目一档  生成于${today(ctx)}${p.isSample ? '  含示例数据' : ''}）`),
      heading('一、项目基本情况'),
      table(['项目', '内容'], facts, [25, 75]),
      heading('二、节点计划'),
      milestones.items.length === 0
        ? body('暂无节点计划。')
        : table(
            ['节点', '计划完成', '实际完成', '状态'],
            milestones.items.map((m) => [
              m.name,
              m.plannedDate ?? '—',
              m.actualDate ?? '—',
              m.late ? `逾期${m.daysLate}天` : m.actualDate ? '已完成' : '未到期',
            ]),
            [40, 20, 20, 20],
          ),
      heading('三、要素保障需求'),
      work.requests.items.length === 0
        ? body('暂无要素保障需求。')
        : table(
            ['编号', '需求', '类型', '状态', '承办单位', '办理期限', '逾期'],
            work.requests.items.map((r) => [
              r.code,
              r.title,
              REQUEST_TYPE_LABELS[r.type].zh,
              REQUEST_STATUS_LABELS[r.status].zh,
              r.departmentName ?? '未交办',
              r.deadline ?? '—',
              lateText(r.overdue, r.daysLate),
            ]),
            [14, 26, 10, 10, 16, 14, 10],
          ),
      heading('四、督办任务'),
      work.tasks.items.length === 0
        ? body('暂无督办任务。')
        : table(
            ['编号', '任务', '状态', '牵头单位', '完成时限', '进度', '逾期'],
            work.tasks.items.map((t) => [
              t.code,
              t.title,
              TASK_STATUS_LABELS[t.status].zh,
              t.leadDepartmentName ?? '—',
              t.deadline ?? '—',
              t.progress === null ? '—' : `${t.progress}%`,
              lateText(t.overdue, t.daysLate),
            ]),
            [14, 28, 10, 16, 14, 8, 10],
          ),
      heading('五、项目时间轴'),
      table(
        ['日期', '事项', '说明'],
        timeline.items.map((t) => [t.date, t.title.zh, timelineDetailZh(t)]),
        [18, 32, 50],
      ),
      heading('六、调度报送'),
      reports.items.length === 0
        ? body('暂无调度报送。')
        : table(
            ['调度轮次', '本期固投', '本期到位', '进展情况', '存在问题'],
            reports.items.map((r) => [
              r.roundTitle,
              money(r.investmentPeriod),
              money(r.fundsPeriod),
              r.narrative,
              r.problems ?? '—',
            ]),
            [22, 12, 12, 34, 20],
          ),
      heading('七、现场照片'),
      ...(photos.length === 0 ? [body('暂无现场照片。')] : photos),
    ],
    { title: dossierTitle(p.name) },
  );
  return { content, fileName: `项目档案-${p.code}.docx` };
}
