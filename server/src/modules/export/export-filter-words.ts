import { isLeadStatus, leadStatusLabel } from '../../../../shared/src/lead-status';
import { formatMoney } from '../../../../shared/src/money';
import {
  PROJECT_STAGE_KEYS,
  type ProjectStage,
  projectStageLabel,
} from '../../../../shared/src/project-stage';

/**
 * An export's filter line in words (筛选条件), so whoever opens the file months later reads
 * “关键词：宠物；阶段：签约、开工；按总投资降序” instead of the URL's `q=宠物; stage=signed,started`.
 * Record ids (firm, officer, chain, link) are shown by name when the caller resolved them.
 */

/** The Chinese name of each filter the firm, lead and project lists take. */
const FILTER_NAMES: Record<string, string> = {
  q: '关键词',
  stage: '阶段',
  status: '状态',
  source: '来源',
  chainLink: '产业链环节',
  park: '园区',
  priority: '重点级别',
  officerId: '责任人',
  ownerId: '负责人',
  mine: '仅我的线索',
  overdue: '仅逾期',
  late: '仅滞后',
  firmId: '企业',
  chainId: '产业链',
  linkId: '产业链环节',
  minInvestment: '投资额不低于',
  maxInvestment: '投资额不高于',
  isSample: '示例数据',
  signedFrom: '签约日期自',
  signedTo: '签约日期至',
  isLocal: '本地企业',
  industryCode: '行业代码',
  tag: '标签',
  sizeClass: '企业规模',
  listed: '上市企业',
};

const SORT_NAMES: Record<string, string> = {
  totalInvestment: '总投资',
  estimatedInvestment: '预计投资',
  name: '名称',
  title: '线索名称',
  code: '编号',
  stage: '阶段',
  stageDate: '阶段日期',
  status: '状态',
  park: '园区',
  priority: '重点级别',
  landMu: '用地面积',
  expectedOutput: '预计产值',
  expectedTax: '预计税收',
  expectedJobs: '预计就业',
  fundsInPlace: '到位资金',
  nextStepDate: '下一步日期',
  registeredCapital: '注册资本',
  region: '地区',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};

const VALUE_NAMES: Record<string, Record<string, string>> = {
  source: {
    referral: '以商招商',
    exhibition: '展会',
    resident_office: '驻外招商',
    online: '网络',
    intermediary: '中介机构',
    news: '新闻信息',
    other: '其他',
  },
  priority: { provincial: '省重点', municipal: '市重点', district: '区重点' },
  sizeClass: { large: '大型', medium: '中型', small: '小型', micro: '微型' },
};

const ID_FILTERS = new Set(['officerId', 'ownerId', 'firmId', 'chainId', 'linkId']);
const MONEY_FILTERS = new Set(['minInvestment', 'maxInvestment']);

function isStage(value: string): value is ProjectStage {
  return (PROJECT_STAGE_KEYS as readonly string[]).includes(value);
}

function valueInWords(key: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => valueInWords(key, v, names)).join('、');
  const text = String(value);
  if (key === 'stage' && isStage(text)) return projectStageLabel(text).zh;
  if (key === 'status' && isLeadStatus(text)) return leadStatusLabel(text).zh;
  if (MONEY_FILTERS.has(key) && typeof value === 'number') return formatMoney(value);
  if (ID_FILTERS.has(key)) return names.get(text) ?? `编号 ${text}`;
  return VALUE_NAMES[key]?.[text] ?? text;
}

function sortInWords(sort: string): string {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  return `按${SORT_NAMES[key] ?? key}${descending ? '降序' : '升序'}`;
}

/** The list's query as people read it; paging is not part of an export and says nothing. */
export function describeQuery(
  query: Record<string, unknown>,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const parts: string[] = [];
  let sort: string | undefined;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || key === 'limit' || key === 'offset') continue;
    if (key === 'sort') {
      sort = String(value);
      continue;
    }
    const name = FILTER_NAMES[key] ?? key;
    parts.push(value === true && !ID_FILTERS.has(key) ? name : `${name}：${valueInWords(key, value, names)}`);
  }
  if (sort) parts.push(sortInWords(sort));
  return parts.join('；');
}
