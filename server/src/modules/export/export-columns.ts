import type ExcelJS from 'exceljs';
import { SHANGHAI_OFFSET_MINUTES } from '../../../../shared/src/dates';
import { LEAD_STATUSES } from '../../../../shared/src/lead-status';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { FirmDto } from '../firm/firm.presenter';
import { PRIORITY_OPTIONS, SOURCE_OPTIONS } from '../import/import-columns';
import type { LeadDto } from '../lead/lead.presenter';
import type { ProjectDto } from '../project/project.presenter';
import type { RecordLink } from '../record-link/record-link';

/**
 * The columns of each list as the web shows them (web/src/features/<area>: firms-page, leads-table,
 * projects-table), for the xlsx export: Chinese headers, money as 万元 numbers with the unit in the
 * header, stage / status / source / priority as their Chinese labels, dates as Excel dates.
 */
export interface ExportColumn<T> {
  header: string;
  width: number;
  value: (item: T) => ExcelJS.CellValue;
  numFmt?: string;
  /** Left out of an enterprise user's export (decision 011: the zone's own view of a firm). */
  staffOnly?: boolean;
}

const WAN = '#,##0.00';
const DATE = 'yyyy-mm-dd';
const DATETIME = 'yyyy-mm-dd hh:mm';

/** Yuan → 万元, two decimals (the list's 万 figures); null stays empty. */
export function wan(yuan: number | null): number | null {
  return yuan === null ? null : Math.round(yuan / 100) / 100;
}

/** 'YYYY-MM-DD' → an Excel date (Excel dates have no zone: midnight UTC shows as that day). */
export function excelDate(d: string | null): Date | null {
  return d ? new Date(`${d}T00:00:00Z`) : null;
}

/** An ISO timestamp → Shanghai wall-clock time as an Excel date-time. */
export function excelDateTime(iso: string | null): Date | null {
  return iso ? new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MINUTES * 60_000) : null;
}

const label = <T extends { value: string; zh: string }>(options: readonly T[], v: string | null) =>
  v === null ? null : (options.find((o) => o.value === v)?.zh ?? v);
const stageLabel = (s: string) => PROJECT_STAGES.find((x) => x.key === s)?.zh ?? s;
const statusLabel = (s: string) => LEAD_STATUSES.find((x) => x.key === s)?.zh ?? s;
const sample = (isSample: boolean) => (isSample ? '示例' : null);
/**
 * 产业链环节: the record's link as "链名 › 环节名" — the form the import reads back onto the link —
 * else the free text imported from other sheets.
 */
export const chainLinkCell = (r: { link: RecordLink | null; chainLink: string | null }) =>
  r.link ? `${r.link.chainName} › ${r.link.name}` : r.chainLink;

export const FIRM_EXPORT: ExportColumn<FirmDto>[] = [
  { header: '企业名称', width: 34, value: (f) => f.name },
  { header: '统一社会信用代码', width: 22, value: (f) => f.uscc },
  { header: '所在地区', width: 16, value: (f) => f.region },
  {
    header: '行业（GB/T 4754）',
    width: 26,
    value: (f) => (f.industryCode ? `${f.industryCode} ${f.industryName ?? ''}`.trim() : null),
  },
  { header: '注册资本（万元）', width: 16, value: (f) => wan(f.registeredCapital), numFmt: WAN },
  { header: '区内/区外', width: 10, value: (f) => (f.isLocal ? '区内企业' : '区外企业') },
  {
    header: '上市',
    width: 16,
    value: (f) => (f.listedCode ? `${f.listedExchange ?? ''} ${f.listedCode}`.trim() : null),
  },
  { header: '产业链环节', width: 22, value: chainLinkCell },
  { header: '标签', width: 24, value: (f) => f.tags?.join('、') || null, staffOnly: true },
  { header: '项目', width: 8, value: (f) => f.projectCount },
  { header: '线索', width: 8, value: (f) => f.leadCount ?? null, staffOnly: true },
  { header: '更新时间', width: 18, value: (f) => excelDateTime(f.updatedAt), numFmt: DATETIME },
  { header: '示例数据', width: 10, value: (f) => sample(f.isSample) },
];

export const LEAD_EXPORT: ExportColumn<LeadDto>[] = [
  { header: '线索名称', width: 32, value: (l) => l.title },
  { header: '线索编号', width: 16, value: (l) => l.code },
  { header: '状态', width: 10, value: (l) => statusLabel(l.status) },
  { header: '下一步', width: 24, value: (l) => l.nextStep },
  { header: '下一步日期', width: 12, value: (l) => excelDate(l.nextStepDate), numFmt: DATE },
  { header: '逾期', width: 8, value: (l) => (l.overdue ? '逾期' : null) },
  { header: '预计投资（万元）', width: 16, value: (l) => wan(l.estimatedInvestment), numFmt: WAN },
  { header: '目标企业', width: 30, value: (l) => l.targetFirmName },
  { header: '来源', width: 12, value: (l) => label(SOURCE_OPTIONS, l.source) },
  { header: '推荐企业', width: 30, value: (l) => l.referrerFirmName },
  { header: '产业链环节', width: 22, value: chainLinkCell },
  { header: '负责人', width: 14, value: (l) => l.ownerName },
  { header: '示例数据', width: 10, value: (l) => sample(l.isSample) },
];

export const PROJECT_EXPORT: ExportColumn<ProjectDto>[] = [
  { header: '项目名称', width: 36, value: (p) => p.name },
  { header: '项目编号', width: 16, value: (p) => p.code },
  { header: '阶段', width: 10, value: (p) => stageLabel(p.stage) },
  { header: '阶段日期', width: 12, value: (p) => excelDate(p.stageDate), numFmt: DATE },
  { header: '重点级别', width: 10, value: (p) => label(PRIORITY_OPTIONS, p.priority) },
  { header: '总投资（万元）', width: 16, value: (p) => wan(p.totalInvestment), numFmt: WAN },
  { header: '到位资金（万元）', width: 16, value: (p) => wan(p.fundsInPlace), numFmt: WAN },
  { header: '预计年产值（万元）', width: 18, value: (p) => wan(p.expectedOutput), numFmt: WAN },
  { header: '预计年税收（万元）', width: 18, value: (p) => wan(p.expectedTax), numFmt: WAN },
  { header: '预计出口额（万元）', width: 18, value: (p) => wan(p.expectedExports), numFmt: WAN },
  { header: '预计就业（人）', width: 12, value: (p) => p.expectedJobs },
  { header: '产能', width: 24, value: (p) => p.capacityText },
  { header: '开工日期', width: 12, value: (p) => excelDate(p.startDate), numFmt: DATE },
  { header: '用地（亩）', width: 10, value: (p) => p.landMu },
  { header: '所在园区', width: 20, value: (p) => p.park },
  { header: '产业链环节', width: 22, value: chainLinkCell },
  { header: '投资方', width: 36, value: (p) => p.investors.map((i) => i.firmName).join('、') || null },
  { header: '招商专员', width: 14, value: (p) => p.officerName },
  {
    header: '节点滞后',
    width: 16,
    value: (p) => (p.lateMilestones > 0 ? `${p.lateMilestones}项，最长${p.maxDaysLate}天` : null),
  },
  { header: '示例数据', width: 10, value: (p) => sample(p.isSample) },
];
