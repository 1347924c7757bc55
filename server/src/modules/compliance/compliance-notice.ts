import { MEASURE_LABELS, MEASURE_UNIT } from '../../../../shared/src/agreement';
import type { ComplianceItem } from '../../../../shared/src/contract/agreement';
import { formatMoney } from '../../../../shared/src/money';
import { body, govDocument, heading, subtitle, table, title } from '../report/gov-docx';

/** How a committed or actual figure reads in the notice (money in 万元/亿元, land in 亩). */
export function figureText(measure: ComplianceItem['measure'], v: number | null): string {
  if (v === null) return '—';
  switch (MEASURE_UNIT[measure]) {
    case 'yuan':
      return formatMoney(Math.round(v));
    case 'yuanPerMu':
      return `${(v / 10_000).toFixed(2)}万元/亩`;
    case 'mu':
      return `${v.toFixed(2)}亩`;
    case 'people':
      return `${Math.round(v)}人`;
    default:
      return String(v);
  }
}

function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

const STATUS_ZH = { met: '已达到', behind: '未达到', not_due: '未到期', no_data: '缺数据' } as const;

/**
 * 履约提醒函: the printable notice to a firm behind on its agreement, in the same government layout as
 * the dispatch report (report/gov-docx.ts): who, which agreement, each commitment against the figure
 * counted, and what the zone asks.
 */
export function complianceNoticeDocx(d: {
  zoneName: string;
  today: string;
  year: number;
  signingCompany: string;
  items: readonly ComplianceItem[];
}): Promise<Buffer> {
  const first = d.items[0];
  const behind = d.items.filter((i) => i.status === 'behind');
  const docTitle = '关于投资协议履约情况的提醒函';
  const lines = behind.map((i) => {
    const label = MEASURE_LABELS[i.measure].zh;
    if (i.dueDate)
      return `${label}：约定${chineseDate(i.dueDate)}前完成，${i.actualDate ? `实际于${chineseDate(i.actualDate)}完成` : '至今尚未完成'}。`;
    return `${label}：承诺${figureText(i.measure, i.committed)}，${d.year}年实际${figureText(i.measure, i.actual)}，差${figureText(i.measure, i.gap)}。`;
  });
  return govDocument(
    [
      title(docTitle),
      subtitle(chineseDate(d.today)),
      body(`${d.signingCompany}：`),
      body(
        `贵公司与${d.zoneName}签订的投资协议（编号${first?.agreementNumber ?? '—'}，项目：${first?.projectName ?? '—'}）约定了投资、产出、税收等履约指标。` +
          `经对照${d.year}年度统计、税务及企业报送数据，现将履约情况告知如下：`,
      ),
      heading('一、未达到承诺的指标'),
      ...(lines.length > 0 ? lines.map((l) => body(l)) : [body('无。')]),
      heading('二、履约情况明细'),
      table(
        ['指标', '承诺', '到期年度', '实际', '状态'],
        d.items.map((i) => [
          MEASURE_LABELS[i.measure].zh,
          i.dueDate ? chineseDate(i.dueDate) : figureText(i.measure, i.committed),
          i.dueYear,
          i.dueDate ? (i.actualDate ? chineseDate(i.actualDate) : '—') : figureText(i.measure, i.actual),
          STATUS_ZH[i.status],
        ]),
        [24, 22, 12, 22, 12],
      ),
      heading('三、有关要求'),
      body(
        '请贵公司对照协议约定，于收到本函之日起三十日内书面说明未达承诺的原因及整改措施；确因客观原因需调整的，请按协议约定提出申请。' +
          '逾期未说明或未整改的，将按协议约定及有关政策处理。',
      ),
      subtitle(d.zoneName),
    ],
    { title: docTitle },
  );
}
