import { ACTUAL_SOURCES, type ActualMeasure, SOURCE_LABELS } from '../../../../shared/src/agreement';
import type { ImportColumn } from '../import/import-columns';
import type { SheetSpec } from '../import/import-workbook';

/**
 * The actual-figures template (实际数据导入): one row per firm (or project) and year, as the
 * statistics and tax bureaus send their tables; each filled figure cell becomes one figure with the
 * row's source. Same layout, guards and error file as the other import templates.
 */
const MONEY_HINT = '如 1.2亿、4000万；纯数字按元计';

export const MEASURE_COLUMNS: ReadonlyArray<ImportColumn & { key: ActualMeasure }> = [
  { key: 'totalInvestment', zh: '完成投资', en: 'Investment', hint: MONEY_HINT, type: 'money' },
  {
    key: 'fixedAssetInvestment',
    zh: '固定资产投资',
    en: 'Fixed-asset investment',
    hint: MONEY_HINT,
    type: 'money',
  },
  { key: 'output', zh: '产值', en: 'Output', hint: MONEY_HINT, type: 'money' },
  { key: 'sales', zh: '销售收入', en: 'Sales', hint: MONEY_HINT, type: 'money' },
  { key: 'tax', zh: '税收', en: 'Tax', hint: MONEY_HINT, type: 'money' },
  { key: 'jobs', zh: '用工人数', en: 'Jobs', hint: '人', type: 'integer' },
  { key: 'energy', zh: '能耗（吨标煤）', en: 'Energy (tce)', hint: '吨标准煤', type: 'number' },
  { key: 'landMu', zh: '用地（亩）', en: 'Land (mu)', hint: '亩', type: 'number' },
  { key: 'rdExpense', zh: '研发费用', en: 'R&D expense', hint: MONEY_HINT, type: 'money' },
];

export const ACTUAL_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'firm',
    zh: '企业',
    en: 'Firm',
    hint: '统一社会信用代码或企业全称（须已在企业库中）',
    type: 'text',
    required: true,
    width: 32,
  },
  {
    key: 'projectCode',
    zh: '项目编号',
    en: 'Project code',
    hint: '可空；填写时数据记到该项目',
    type: 'text',
  },
  { key: 'year', zh: '年度', en: 'Year', hint: '如 2025', type: 'integer', required: true },
  { key: 'month', zh: '月份', en: 'Month', hint: '1–12；空为全年', type: 'integer' },
  {
    key: 'source',
    zh: '来源',
    en: 'Source',
    hint: '数据出处',
    type: 'enum',
    required: true,
    options: ACTUAL_SOURCES.map((s) => ({ value: s, ...SOURCE_LABELS[s] })),
  },
  { key: 'confirmedBy', zh: '确认人', en: 'Confirmed by', hint: '核实该数据的人', type: 'text' },
  ...MEASURE_COLUMNS,
];

export const ACTUAL_SHEET: SheetSpec = {
  label: { zh: '实际数据', en: 'actual figures' },
  columns: ACTUAL_COLUMNS,
  rematch:
    '每次导入都记为新的数据（同一来源的新数据视为更正，旧数据保留为历史）；不同来源的数据并存，差异会被标出。',
};
