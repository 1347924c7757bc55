import type { MuEvaluation } from '../../../../shared/src/contract/agreement';

const wan = (v: number | null) => (v === null ? null : Math.round(v / 100) / 100);

/** The ranking as an xlsx (排名导出): one row per firm, figures in 万元 and 万元/亩. */
export async function muRankingXlsx(ev: MuEvaluation): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Lianzhao 链招';
  const ws = wb.addWorksheet(`${ev.year}亩均效益评价`);
  const title = `${ev.year}年度亩均效益综合评价${ev.isSample ? '（示例）' : ''}`;
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([
    '排名',
    '企业',
    '类别',
    '综合得分',
    '上年类别',
    '用地（亩）',
    '税收（万元）',
    '产值（万元）',
    '亩均税收（万元/亩）',
    '亩均产值（万元/亩）',
    '单位能耗产值（万元/吨标煤）',
    '研发投入占比（%）',
    '说明',
  ]).font = { bold: true };
  for (const i of ev.items) {
    ws.addRow([
      i.rank,
      i.firmName,
      i.class ?? '不参评',
      i.score,
      i.previousClass,
      i.landMu,
      wan(i.tax),
      wan(i.output),
      wan(i.values.taxPerMu),
      wan(i.values.outputPerMu),
      wan(i.values.outputPerEnergy),
      i.values.rdShare === null ? null : Math.round(i.values.rdShare * 100) / 100,
      i.reason?.zh ?? null,
    ]);
  }
  ws.columns.forEach((c, n) => {
    c.width = n === 1 ? 32 : n === 12 ? 30 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
