/**
 * Deterministic names of generated firms and projects, as pure functions of the row index: the
 * project generator needs its investors' names for the search text without loading the firm table.
 */
export const CHAINS = [
  {
    chain: '宠物产业链',
    links: ['宠物食品', '宠物用品', '宠物医疗'],
    industry: '1321',
    park: '坤源宠物食品用品产业园',
    unit: '万吨',
    word: '宠物',
  },
  {
    chain: '高端装备',
    links: ['特种装备', '压力容器', '工程机械'],
    industry: '35',
    park: '现代装备智造产业园',
    unit: '台（套）',
    word: '重工',
  },
  {
    chain: '家居',
    links: ['智能家居', '定制家具'],
    industry: '21',
    park: '家居产业园',
    unit: '万套',
    word: '家居',
  },
  {
    chain: '铜及铜精深加工',
    links: ['铜冶炼', '铜材加工'],
    industry: '3211',
    park: '双创产业园',
    unit: '万吨',
    word: '铜业',
  },
  {
    chain: '高端化工',
    links: ['精细化工', '新材料'],
    industry: '26',
    park: '化工产业园',
    unit: '万吨',
    word: '化工',
  },
  {
    chain: '绿色食品',
    links: ['农副食品加工', '方便食品'],
    industry: '14',
    park: '绿色食品产业园',
    unit: '万吨',
    word: '食品',
  },
] as const;

const PLACES = [
  '聊城',
  '东昌',
  '茌平',
  '阳谷',
  '莘县',
  '东阿',
  '冠县',
  '高唐',
  '临清',
  '天津',
  '上海',
  '江苏',
  '浙江',
  '广东',
];
const WORDS = '华鑫泰恒瑞盛宏远德信嘉润博联达丰源通利和兴安康永';

export function chainOfFirm(i: number) {
  return CHAINS[i % CHAINS.length]!;
}

/** Unique for every index: the digits of i spelled in two name characters per base-22 digit pair. */
export function firmShortName(i: number): string {
  let n = Math.floor(i / CHAINS.length);
  let body = '';
  do {
    body += WORDS.charAt(n % WORDS.length);
    n = Math.floor(n / WORDS.length);
  } while (n > 0);
  return `${PLACES[i % PLACES.length]}${body}${chainOfFirm(i).word}`;
}

/**
 * 曾用名: every fourth generated firm was once registered under another name (issue 16 aliases), so
 * the duplicate check and search meet firm_alias rows at scale; [] for the others.
 */
export function firmFormerNames(i: number): string[] {
  return i % 4 === 1 ? [`${firmShortName(i)}科技发展有限公司`] : [];
}

export function firmName(i: number): string {
  return `${firmShortName(i)}有限公司`;
}
