/**
 * The columns of the import templates (下载模板), one list per kind. The template, the parser (which
 * finds columns by these headers, in any order) and the error file all read them from here.
 */
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/src/excel-limits';
import { FIRM_SIZE_CLASSES } from '../../../../shared/src/pipeline-enums';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { LEAD_SOURCES } from '../lead/lead.presenter';
import { PROJECT_PRIORITIES } from '../project/project.presenter';

export { IMPORT_KINDS, type ImportKind };

export type CellType = 'text' | 'money' | 'number' | 'integer' | 'date' | 'enum' | 'bool' | 'list';

export interface EnumOption {
  value: string;
  zh: string;
  en: string;
}

export interface ImportColumn {
  /** The API field this column fills (or a pseudo-field the importer resolves, e.g. `owner`). */
  key: string;
  zh: string;
  en: string;
  /** The hints row of the template (第3行): what to type, in Chinese. */
  hint: string;
  type: CellType;
  required?: boolean;
  options?: readonly EnumOption[];
  width?: number;
}

export const YES_NO: readonly EnumOption[] = [
  { value: 'true', zh: '是', en: 'yes' },
  { value: 'false', zh: '否', en: 'no' },
];

const SIZE_LABELS: Record<(typeof FIRM_SIZE_CLASSES)[number], [string, string]> = {
  large: ['大型', 'large'],
  medium: ['中型', 'medium'],
  small: ['小型', 'small'],
  micro: ['微型', 'micro'],
};
export const SIZE_OPTIONS: readonly EnumOption[] = FIRM_SIZE_CLASSES.map((k) => ({
  value: k,
  zh: SIZE_LABELS[k][0],
  en: SIZE_LABELS[k][1],
}));

/** The labels the web shows for lead sources (web/src/locales/zh.ts `lead.source.*`). */
const SOURCE_LABELS: Record<(typeof LEAD_SOURCES)[number], [string, string]> = {
  referral: ['以商招商', 'referral'],
  exhibition: ['展会', 'exhibition'],
  resident_office: ['驻外招商', 'resident office'],
  online: ['网络', 'online'],
  intermediary: ['中介机构', 'intermediary'],
  news: ['新闻信息', 'news'],
  other: ['其他', 'other'],
};
export const SOURCE_OPTIONS: readonly EnumOption[] = LEAD_SOURCES.map((k) => ({
  value: k,
  zh: SOURCE_LABELS[k][0],
  en: SOURCE_LABELS[k][1],
}));

const PRIORITY_LABELS: Record<(typeof PROJECT_PRIORITIES)[number], [string, string]> = {
  provincial: ['省重点', 'provincial'],
  municipal: ['市重点', 'municipal'],
  district: ['区重点', 'district'],
};
export const PRIORITY_OPTIONS: readonly EnumOption[] = PROJECT_PRIORITIES.map((k) => ({
  value: k,
  zh: PRIORITY_LABELS[k][0],
  en: PRIORITY_LABELS[k][1],
}));

/** A new project starts on the delivery path (paused and cancelled are moves, not starting points). */
export const STAGE_OPTIONS: readonly EnumOption[] = PROJECT_STAGES.filter((s) => s.order !== null).map(
  (s) => ({ value: s.key, zh: s.zh, en: s.en }),
);

const MONEY_HINT = '如 5.6亿、4000万；纯数字按元计';
const DATE_HINT = 'YYYY-MM-DD，或 Excel 日期';
const FIRM_REF_HINT = '统一社会信用代码或企业全称（须已在企业库中）';
const USER_HINT = '系统用户名（如 officer）或导出文件中的姓名';
/** What import-refs.ts resolveLinkRefs reads onto a link; any other text is kept as free text. */
const CHAIN_LINK_HINT = '链名 › 环节名（也可用 > 或 /，或唯一的环节名）；其他文字按原文保存';

export const FIRM_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'name',
    zh: '企业名称',
    en: 'Firm name',
    hint: '企业全称（必填）',
    type: 'text',
    required: true,
    width: 32,
  },
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'USCC',
    hint: '18位，校验位会被检查；再次导入按此匹配',
    type: 'text',
    width: 22,
  },
  { key: 'shortName', zh: '简称', en: 'Short name', hint: '', type: 'text' },
  { key: 'region', zh: '所在地区', en: 'Region', hint: '如 山东省聊城市', type: 'text' },
  {
    key: 'industryCode',
    zh: '行业代码',
    en: 'Industry code',
    hint: 'GB/T 4754-2017，如 C13 或 1321',
    type: 'text',
  },
  { key: 'registeredCapital', zh: '注册资本', en: 'Registered capital', hint: MONEY_HINT, type: 'money' },
  {
    key: 'sizeClass',
    zh: '企业规模',
    en: 'Size class',
    hint: '下拉选择',
    type: 'enum',
    options: SIZE_OPTIONS,
  },
  {
    key: 'isLocal',
    zh: '区内企业',
    en: 'In the zone',
    hint: '是/否，默认 是',
    type: 'bool',
    options: YES_NO,
  },
  { key: 'listedExchange', zh: '上市交易所', en: 'Listed exchange', hint: '如 深交所创业板', type: 'text' },
  { key: 'listedCode', zh: '股票代码', en: 'Stock code', hint: '', type: 'text' },
  { key: 'parentGroup', zh: '所属集团', en: 'Parent group', hint: '', type: 'text' },
  { key: 'chainLink', zh: '产业链环节', en: 'Chain link', hint: CHAIN_LINK_HINT, type: 'text', width: 28 },
  { key: 'contactName', zh: '联系人', en: 'Contact', hint: '', type: 'text' },
  { key: 'contactTitle', zh: '联系人职务', en: 'Contact title', hint: '', type: 'text' },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', hint: '', type: 'text' },
  { key: 'tags', zh: '标签', en: 'Tags', hint: '多个用逗号或顿号分隔', type: 'list' },
  { key: 'businessScope', zh: '经营范围', en: 'Business scope', hint: '', type: 'text', width: 30 },
  { key: 'note', zh: '备注', en: 'Note', hint: '', type: 'text', width: 30 },
];

export const LEAD_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'code',
    zh: '线索编号',
    en: 'Lead code',
    hint: '留空自动生成；填写已有编号则更新该线索',
    type: 'text',
    width: 16,
  },
  { key: 'title', zh: '线索名称', en: 'Lead title', hint: '必填', type: 'text', required: true, width: 30 },
  {
    key: 'target',
    zh: '目标企业',
    en: 'Target firm',
    hint: '统一社会信用代码或企业全称；未入库的企业直接写名称（必填）',
    type: 'text',
    required: true,
    width: 30,
  },
  {
    key: 'source',
    zh: '来源',
    en: 'Source',
    hint: '下拉选择（必填）',
    type: 'enum',
    required: true,
    options: SOURCE_OPTIONS,
  },
  {
    key: 'referrer',
    zh: '推荐企业',
    en: 'Referrer',
    hint: `以商招商必填；${FIRM_REF_HINT}`,
    type: 'text',
    width: 30,
  },
  { key: 'chainLink', zh: '产业链环节', en: 'Chain link', hint: CHAIN_LINK_HINT, type: 'text', width: 28 },
  { key: 'estimatedInvestment', zh: '预计投资', en: 'Estimated investment', hint: MONEY_HINT, type: 'money' },
  { key: 'owner', zh: '负责人', en: 'Owner', hint: `${USER_HINT}；留空为导入人`, type: 'text' },
  { key: 'nextStep', zh: '下一步', en: 'Next step', hint: '', type: 'text', width: 24 },
  { key: 'nextStepDate', zh: '下一步日期', en: 'Next step date', hint: DATE_HINT, type: 'date', width: 14 },
];

export const PROJECT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'code',
    zh: '项目编号',
    en: 'Project code',
    hint: '留空自动生成；填写已有编号则更新该项目',
    type: 'text',
    width: 16,
  },
  { key: 'name', zh: '项目名称', en: 'Project name', hint: '必填', type: 'text', required: true, width: 32 },
  {
    key: 'investors',
    zh: '投资方',
    en: 'Investors',
    hint: `${FIRM_REF_HINT}；多个用分号分隔，可带持股比例，如 某某有限公司 60%`,
    type: 'text',
    width: 36,
  },
  {
    key: 'stage',
    zh: '阶段',
    en: 'Stage',
    hint: '下拉选择，默认 签约；仅新建时生效',
    type: 'enum',
    options: STAGE_OPTIONS,
  },
  {
    key: 'stageDate',
    zh: '阶段日期',
    en: 'Stage date',
    hint: `${DATE_HINT}；默认今天`,
    type: 'date',
    width: 14,
  },
  { key: 'park', zh: '所在园区', en: 'Park', hint: '', type: 'text', width: 20 },
  { key: 'landMu', zh: '用地面积（亩）', en: 'Land (mu)', hint: '数字', type: 'number' },
  { key: 'totalInvestment', zh: '总投资', en: 'Total investment', hint: MONEY_HINT, type: 'money' },
  {
    key: 'fixedAssetInvestment',
    zh: '固定资产投资',
    en: 'Fixed-asset investment',
    hint: MONEY_HINT,
    type: 'money',
  },
  { key: 'fundsInPlace', zh: '到位资金', en: 'Funds in place', hint: MONEY_HINT, type: 'money' },
  {
    key: 'capacityQuantity',
    zh: '设计产能数量',
    en: 'Capacity quantity',
    hint: '数字，如 10',
    type: 'number',
  },
  { key: 'capacityUnit', zh: '产能单位', en: 'Capacity unit', hint: '如 万吨、万套', type: 'text' },
  { key: 'capacityProduct', zh: '产品', en: 'Product', hint: '如 宠物食品', type: 'text' },
  { key: 'expectedOutput', zh: '预计年产值', en: 'Expected output', hint: MONEY_HINT, type: 'money' },
  { key: 'expectedTax', zh: '预计年税收', en: 'Expected tax', hint: MONEY_HINT, type: 'money' },
  { key: 'expectedJobs', zh: '预计就业（人）', en: 'Expected jobs', hint: '整数', type: 'integer' },
  { key: 'expectedExports', zh: '预计出口额', en: 'Expected exports', hint: MONEY_HINT, type: 'money' },
  {
    key: 'priority',
    zh: '重点级别',
    en: 'Priority',
    hint: '下拉选择',
    type: 'enum',
    options: PRIORITY_OPTIONS,
  },
  { key: 'officer', zh: '招商专员', en: 'Officer', hint: `${USER_HINT}；留空为导入人`, type: 'text' },
  { key: 'leaderName', zh: '包保领导', en: 'Backing leader', hint: '', type: 'text' },
  { key: 'contactName', zh: '项目联系人', en: 'Contact', hint: '', type: 'text' },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', hint: '', type: 'text' },
  { key: 'chainLink', zh: '产业链环节', en: 'Chain link', hint: CHAIN_LINK_HINT, type: 'text', width: 28 },
  { key: 'startDate', zh: '开工日期', en: 'Start date', hint: DATE_HINT, type: 'date', width: 14 },
];

export const COLUMNS_OF: Record<ImportKind, readonly ImportColumn[]> = {
  firm: FIRM_COLUMNS,
  lead: LEAD_COLUMNS,
  project: PROJECT_COLUMNS,
};

/** Sheet and file names people see (the web's `excel.fileName.*`). */
export const KIND_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  firm: { zh: '企业库', en: 'firms' },
  lead: { zh: '招商线索', en: 'leads' },
  project: { zh: '项目库', en: 'projects' },
};
