import ExcelJS from 'exceljs';
import { type ProjectStage, projectStageLabel } from '../../../../shared/src/project-stage';
import { summaryText } from './dispatch-docx';
import type { DispatchReportData } from './dispatch-report.task';

const wan = (v: number | null) => (v === null ? null : Math.round(v / 100) / 100);

/** 调度报告 as .xlsx: summary, projects, per chain, park and officer, late milestones (amounts in 万元). */
export async function dispatchXlsx(d: DispatchReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianzhao 链招';
  const head = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true, name: '黑体' };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const s = d.summary;
  const sum = wb.addWorksheet('汇总');
  sum.columns = [
    { header: '指标', key: 'k', width: 28 },
    { header: '数值', key: 'v', width: 20 },
  ];
  head(sum);
  sum.addRows([
    // 签发 (report-issue.service.ts): an issued round's workbook names its 文号 like the .docx.
    ...(d.issue
      ? [
          { k: '文号', v: d.issue.docNumber },
          { k: '发文单位', v: d.issue.issuer },
          { k: '抄送', v: d.issue.cc },
          { k: '印发日期', v: d.issue.issuedOn },
        ]
      : []),
    { k: '调度轮次', v: d.round.title },
    { k: '调度期', v: `${d.round.periodStart} 至 ${d.round.periodEnd}` },
    { k: '生成日期', v: d.today },
    { k: '调度项目数', v: s.projects },
    { k: '已开工', v: s.started },
    { k: '已投产', v: s.producing },
    { k: '已报送', v: s.reported },
    { k: '迟报', v: s.lateReports },
    { k: '总投资（万元）', v: wan(s.totalInvestment) },
    { k: '本期完成固定资产投资（万元）', v: wan(s.investmentPeriod) },
    { k: '本期到位资金（万元）', v: wan(s.fundsPeriod) },
    { k: '其中入统固定资产投资（万元）', v: wan(s.investmentInStats) },
    { k: '累计完成投资（万元）', v: wan(s.investmentCumulative) },
    { k: '累计到位资金（万元）', v: wan(s.fundsCumulative) },
    { k: '节点滞后项目', v: s.lateProjects },
    { k: '需协调项目', v: s.blocked },
    { k: '综述', v: summaryText(d) },
  ]);
  const projects = wb.addWorksheet('项目明细');
  projects.columns = [
    { header: '项目编号', key: 'code', width: 16 },
    { header: '项目名称', key: 'name', width: 40 },
    { header: '产业链', key: 'chain', width: 14 },
    { header: '园区', key: 'park', width: 22 },
    { header: '阶段', key: 'stage', width: 10 },
    { header: '总投资（万元）', key: 'total', width: 14 },
    { header: '已报送', key: 'reported', width: 8 },
    { header: '迟报', key: 'late', width: 8 },
    { header: '本期固投（万元）', key: 'inv', width: 14 },
    { header: '本期到位（万元）', key: 'funds', width: 14 },
    { header: '进展情况', key: 'narrative', width: 60 },
    { header: '存在问题', key: 'problems', width: 40 },
    // Added with migration 0010; after the original columns so existing readers keep their positions.
    { header: '本期入统', key: 'inStats', width: 10 },
    { header: '累计完成投资（万元）', key: 'invCum', width: 16 },
    { header: '累计到位（万元）', key: 'fundsCum', width: 16 },
    { header: '本期出口（万元）', key: 'exports', width: 14 },
    { header: '本期产值（万元）', key: 'output', width: 14 },
    { header: '本期税收（万元）', key: 'tax', width: 14 },
    { header: '包联专员', key: 'officer', width: 12 },
  ];
  head(projects);
  for (const r of d.rows) {
    projects.addRow({
      code: r.code,
      name: r.name,
      chain: r.chain,
      park: r.park,
      stage: projectStageLabel(r.stage as ProjectStage).zh,
      total: wan(r.totalInvestment),
      reported: r.reported ? '是' : '否',
      late: r.late ? '是' : '',
      inv: r.reported ? wan(r.investmentPeriod) : null,
      funds: r.reported ? wan(r.fundsPeriod) : null,
      narrative: r.narrative,
      problems: r.problems,
      inStats: r.reported ? (r.investmentInStats ? '是' : '否') : null,
      invCum: wan(r.investmentCumulative),
      fundsCum: wan(r.fundsCumulative),
      exports: r.reported ? wan(r.exportsPeriod) : null,
      output: wan(r.outputPeriod),
      tax: wan(r.taxPeriod),
      officer: r.officer,
    });
  }
  for (const [name, list] of [
    ['按产业链', s.byChain],
    ['按园区', s.byPark],
    ['按专员', s.byOfficer],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: '名称', key: 'key', width: 26 },
      { header: '项目数', key: 'projects', width: 10 },
      { header: '总投资（万元）', key: 'total', width: 16 },
      { header: '本期固投（万元）', key: 'inv', width: 16 },
      { header: '本期到位（万元）', key: 'funds', width: 16 },
      { header: '已报送', key: 'reported', width: 10 },
      { header: '入统固投（万元）', key: 'inStats', width: 16 },
      { header: '累计完成投资（万元）', key: 'invCum', width: 18 },
      { header: '累计到位（万元）', key: 'fundsCum', width: 16 },
      { header: '本期出口（万元）', key: 'exports', width: 16 },
      { header: '本期产值（万元）', key: 'output', width: 16 },
      { header: '本期税收（万元）', key: 'tax', width: 16 },
    ];
    head(ws);
    for (const g of list) {
      ws.addRow({
        key: g.key,
        projects: g.projects,
        total: wan(g.totalInvestment),
        inv: wan(g.investmentPeriod),
        funds: wan(g.fundsPeriod),
        reported: g.reported,
        inStats: wan(g.investmentInStats),
        invCum: wan(g.investmentCumulative),
        fundsCum: wan(g.fundsCumulative),
        exports: wan(g.exportsPeriod),
        output: wan(g.outputPeriod),
        tax: wan(g.taxPeriod),
      });
    }
  }
  const late = wb.addWorksheet('滞后项目');
  late.columns = [
    { header: '项目名称', key: 'name', width: 40 },
    { header: '滞后节点', key: 'm', width: 30 },
    { header: '计划完成', key: 'planned', width: 14 },
    { header: '逾期天数', key: 'days', width: 10 },
  ];
  head(late);
  for (const r of d.rows)
    for (const m of r.lateMilestones)
      late.addRow({ name: r.name, m: m.name, planned: m.planned, days: m.days });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
