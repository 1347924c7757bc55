import { formatMoney, formatWan } from '../../../../shared/src/money';
import { type ProjectStage, projectStageLabel } from '../../../../shared/src/project-stage';
import { rollUp } from '../round/round-rollup';
import type { DispatchReportData } from './dispatch-report.task';
import {
  body,
  type ColumnAlign,
  govDocument,
  heading,
  issueFoot,
  issueHead,
  subtitle,
  table,
  title,
} from './gov-docx';

/**
 * The round's title inside one pair of brackets, whatever outer brackets it already carries. A
 * title with brackets of its own (…调度（示例）) is printed as it is: wrapping it would double the
 * closing bracket, and cutting that bracket off would leave 示例 unbalanced.
 */
export function bracketed(roundTitle: string): string {
  let inner = roundTitle.trim();
  while (/^[（(]/.test(inner) && /[）)]$/.test(inner)) inner = inner.slice(1, -1).trim();
  return /[（()）]/.test(inner) ? inner : `（${inner}）`;
}

const money = (v: number | null) => formatMoney(v);
/** 万元 with two fixed decimals and separators (columns line up); an unknown amount is —, not 0. */
const wan = (v: number | null) => formatWan(v);
const stage = (s: string) => projectStageLabel(s as ProjectStage).zh;

function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** The summary paragraph, generated from the figures (the sentence a clerk used to type). */
export function summaryText(d: DispatchReportData): string {
  const s = d.summary;
  const rate = s.projects === 0 ? 0 : Math.round((s.reported / s.projects) * 100);
  return (
    `本期（${d.round.periodStart}至${d.round.periodEnd}）共调度重点项目${s.projects}个，总投资${money(s.totalInvestment)}；` +
    `其中已开工${s.started}个，已投产${s.producing}个。` +
    `截至${chineseDate(d.today)}，已报送${s.reported}个，报送率${rate}%，其中迟报${s.lateReports}个。` +
    `本期完成固定资产投资${money(s.investmentPeriod)}，到位资金${money(s.fundsPeriod)}。` +
    `节点滞后项目${s.lateProjects}个，反映问题或要素保障超期的项目${s.blocked}个，需协调解决。`
  );
}

/** 调度报告 as .docx: title, date, summary, tables per chain and park, projects, late and blocked. */
export function dispatchDocx(d: DispatchReportData): Promise<Buffer> {
  const s = d.summary;
  const docTitle = `${d.zoneName}重点项目调度报告`;
  const groupRow = (g: (typeof s.byChain)[number]) => [
    g.key,
    g.projects,
    wan(g.totalInvestment),
    wan(g.investmentPeriod),
    wan(g.fundsPeriod),
    `${g.reported}/${g.projects}`,
    wan(g.investmentInStats),
    wan(g.investmentCumulative),
  ];
  // Each table ends with a 合计 row over its groups (every project is in exactly one group).
  const rollupRows = (list: typeof s.byChain) => [
    ...list.map(groupRow),
    // The same roll-up over all rows, so the 合计 is the groups' sum by construction.
    ...rollUp(d.rows, () => '合计').map(groupRow),
  ];
  const rollupHead = [
    '名称',
    '项目数',
    '总投资（万元）',
    '本期固投（万元）',
    '本期到位（万元）',
    '已报/应报',
    '其中入统（万元）',
    '累计完成投资（万元）',
  ];
  // Amount columns are wide enough for 10,000,000.00 in 五号 (LibreOffice breaks a number that
  // does not fit a cell mid-number; the render test reads the 合计 row back from the PDF).
  const rollupWidths = [13, 10, 15, 13, 13, 8, 13, 15];
  const rollupAlign: ColumnAlign[] = [
    'left',
    'center',
    'right',
    'right',
    'right',
    'center',
    'right',
    'right',
  ];
  const late = d.rows.filter((r) => r.lateMilestones.length > 0);
  const blocked = d.rows.filter((r) => r.problems || r.overdueRequests > 0);
  const issue = d.issue;
  return govDocument(
    [
      ...(issue ? issueHead(issue.issuer, issue.docNumber) : []),
      title(docTitle),
      subtitle(bracketed(d.round.title)),
      subtitle(chineseDate(issue?.issuedOn ?? d.today)),
      heading('一、总体情况'),
      body(summaryText(d)),
      heading('二、分产业链情况'),
      table(rollupHead, rollupRows(s.byChain), rollupWidths, rollupAlign),
      heading('三、分园区情况'),
      table(rollupHead, rollupRows(s.byPark), rollupWidths, rollupAlign),
      heading('四、项目推进情况'),
      table(
        [
          '序号',
          '项目名称',
          '阶段',
          '总投资（万元）',
          '本期固投（万元）',
          '进展情况',
          '累计完成投资（万元）',
        ],
        d.rows.map((r, i) => [
          i + 1,
          r.name,
          stage(r.stage),
          wan(r.totalInvestmentStated),
          r.reported ? `${wan(r.investmentPeriod)}${r.investmentInStats ? '' : '（未入统）'}` : '未报',
          r.narrative ?? '—',
          wan(r.investmentCumulative),
        ]),
        [5, 18, 9, 15, 14, 24, 15],
        ['center', 'left', 'center', 'right', 'right', 'left', 'right'],
      ),
      heading('五、滞后项目'),
      late.length === 0
        ? body('本期无节点滞后项目。')
        : table(
            ['项目名称', '滞后节点', '计划完成', '逾期天数'],
            late.flatMap((r) => r.lateMilestones.map((m) => [r.name, m.name, m.planned, m.days])),
            [40, 30, 15, 15],
          ),
      heading('六、存在问题及需协调事项'),
      blocked.length === 0
        ? body('本期无需协调事项。')
        : table(
            ['项目名称', '问题及超期事项', '责任单位', '超期天数'],
            // The project's reported problem, then each overdue request by name, unit and days.
            blocked.flatMap((r) => [
              ...(r.problems ? [[r.name, r.problems, '—', '—']] : []),
              ...r.overdueRequestItems.map((q) => [
                r.name,
                `要素保障“${q.title}”超期`,
                q.unit ?? '未交办',
                q.days,
              ]),
            ]),
            [28, 44, 16, 12],
          ),
      ...(issue ? issueFoot(issue.cc, issue.issuer, chineseDate(issue.issuedOn)) : []),
    ],
    { title: docTitle },
  );
}
