// Parks and zones named in a text: 聊城经济技术开发区, 坤源宠物食品用品产业园, and the bare 开发区 of a
// local paper. Which park a project is in is decided in park-rules.ts.

import { tagWords } from './firm-short-names';
import { type ScanOptions, scanBack } from './name-scan';

export interface ParkMention {
  name: string;
  start: number;
  end: number;
}

const PARK_SUFFIX =
  /自由贸易试验区[\u4e00-\u9fff]{2,4}片区|自贸试验区[\u4e00-\u9fff]{2,4}片区|新片区|产业新城|示范园|经济技术开发区|高新技术产业开发区|高新技术产业园区|经济开发区|产业开发区|开发区|高新区|经开区|工业园区|产业园区|科技园区|产业园|工业园|物流园|经济区|文旅区|示范区|自贸区|保税区|临空区|空港区|临港区|产业集聚区|工业集聚区|集聚区|投资区|合作区|试验区|港区|新区|园区/g;
const PARK_SCAN: ScanOptions = {
  maxLen: 16,
  minStem: 0,
  stopAtDigits: true,
  extraStops: [
    '上午',
    '下午',
    '晚上',
    '当日',
    '当天',
    // "全市开发区", "全力打造…园区" — but not 全面 inside a name (粤港澳全面合作示范区).
    '全市',
    '全县',
    '全区',
    '全省',
    '全国',
    '全州',
    '全镇',
    '全力',
    '全体',
    // "连江县专场暨马祖产业合作园区对接会": 暨 joins two names; the zone's starts after it.
    '暨',
    '在建',
    '高标准',
    '立足',
    '依托',
    '围绕',
    '聚焦',
    '入园',
    '进园',
    '规划',
    '希望',
    '要求',
    '优化',
    '使',
    '让',
    // "…项目落地长沙自贸临空区": the verb that places a project is where the zone's name begins.
    '落地',
    '落户',
    '位于',
    '入驻',
    '坐落',
    // "打造百亿产值电力能源产业园": the size of a goal is not part of the zone's name.
    '产值',
  ],
};
const GENERIC_PARK_STEM =
  /首批|一批|各类|省级|国家级|市级|特色专业|该|这个|全国|各|绿色工业|重点|专业|综合性|项目$/;
/** "特色鲜明的现代产业园区": an adjective alone before the suffix describes a park, unless it is the short
 * form of a park the text names in full (落户现代产业园区 after 金寨现代产业园区). */
const DESCRIBED_PARK =
  /^(?:现代|新型|高端|特色|一流)(?:产业园区|工业园区|科技园区|产业园|工业园|园区|示范区|开发区)$/;
/**
 * jieba tags of words that cannot sit inside a park's name (verbs, adverbs, pronouns, numbers, function
 * words): "进一步壮大经开区", "宣布入驻新区" — the name starts after the last of them.
 */
const NOT_IN_PARK_NAME = new Set(['v', 'vd', 'd', 'p', 'c', 'r', 'u', 'uj', 'ul', 'uz', 'k', 'y', 'm']);
/** Single-character words of these tags may belong to a place's name (饶/v of 衢饶). */
const SINGLE_OK = new Set(['v', 'vd', 'd', 'm']);
/** "做大", "做强": a verb and its result, which the segmenter may keep as one unknown word. */
const VERB_AND_RESULT = /^[做搞抓建][大强优实精好]$/;
/** Suffixes a local paper writes bare for the zone it is about. */
const BARE_ZONE = /^(?:开发区|高新区|经开区)$/;

/** Where a park's name starts once words of the sentence before it are dropped. */
function nameStart(stem: string): number {
  if (!/[\u4e00-\u9fff]{2}/.test(stem)) return 0;
  let at = 0;
  let cut = 0;
  let prev: { word: string; tag: string } | undefined;
  for (const w of tagWords(stem)) {
    at += w.word.length;
    // A verb or adjective of two characters (入驻, 壮大) is the sentence's; a single character (新, 饶 of
    // 衢饶) is as often part of a place's name — but not a verb and its result (做大, 做强 工业园区).
    const wordy = w.word.length >= 2;
    const verbAndResult =
      VERB_AND_RESULT.test(w.word) || (w.tag === 'a' && prev?.tag === 'v' && prev.word.length === 1);
    if (
      (NOT_IN_PARK_NAME.has(w.tag) && (wordy || !SINGLE_OK.has(w.tag))) ||
      (w.tag === 'a' && wordy) ||
      verbAndResult
    )
      cut = at;
    prev = w;
  }
  return cut;
}

function isLoneVerbalNoun(stem: string): boolean {
  const words = stem.length >= 2 ? tagWords(stem) : [];
  return words.length === 1 && words[0]?.tag === 'vn';
}

/** Full names of the short forms a paper uses after naming a zone once (扬州经开区 → 扬州经济技术开发区, 循环园区 → 梧州循环经济产业园区). */
const SHORT_FORMS: Array<[RegExp, RegExp]> = [
  // 经开区 abbreviates a 经济开发区 (利津经济开发区 → 利津经开区) as much as a 经济技术开发区.
  [/经开区$/, /经济(?:技术)?开发区$/],
  [/高新区$/, /高新技术产业开发区$|高新区$/],
  [/开发区$/, /开发区$/],
  // "循环园区" after "梧州循环经济产业园区": a park's short form keeps a word of its name and its suffix.
  [/园区$/, /园区$/],
];

/**
 * A zone written short (东盟经开区) or bare (经开区) is the zone the text names in full, when one full
 * name fits: same place word, the long form of the suffix.
 */
function resolveShortForms(out: ParkMention[]): void {
  const names = [...new Set(out.map((p) => p.name))];
  for (const p of out) {
    for (const [short, long] of SHORT_FORMS) {
      if (!short.test(p.name)) continue;
      const core = p.name.replace(short, '');
      const fits = names.filter(
        (n) => n !== p.name && n.length > p.name.length && long.test(n) && (core === '' || n.includes(core)),
      );
      const full = [...new Set(fits)];
      if (full.length === 1 && full[0]) p.name = full[0];
      break;
    }
  }
}

/** A quarter of a zone, written right after its name: 开发区西区, 开封经济开发区东区. */
export const ZONE_QUARTER = /[东西南北中]片?区/;
const QUARTER_AFTER = new RegExp(`^${ZONE_QUARTER.source}`);

/** Parks and zones: 聊城经济技术开发区, 坤源宠物食品用品产业园, and the bare 开发区 of a local paper. */
export function findParks(text: string): ParkMention[] {
  const out: ParkMention[] = [];
  PARK_SUFFIX.lastIndex = 0;
  let m: RegExpExecArray | null = PARK_SUFFIX.exec(text);
  while (m !== null) {
    // "开发区西区", "开封经济开发区东区": a quarter of a zone is where its projects lie. (One written in
    // brackets, 高新区(南区), stays out: a project's name read from the text may begin with the bracket.)
    const quarter = QUARTER_AFTER.exec(text.slice(m.index + m[0].length));
    const end = m.index + m[0].length + (quarter && !/^(?:新区|园区)$/.test(m[0]) ? quarter[0].length : 0);
    const scanned = scanBack(text, m.index, 0, PARK_SCAN);
    let start = scanned + nameStart(text.slice(scanned, m.index));
    // "将进一步助推开发区产业发展": a verbal noun alone before a bare zone's suffix is the sentence's verb,
    // and the zone is the bare 开发区 of the paper (a 循环园区 or 物流园区 keeps its word).
    if (BARE_ZONE.test(m[0]) && isLoneVerbalNoun(text.slice(start, m.index))) start = m.index;
    const stem = text.slice(start, m.index);
    const bareOk = stem === '' && BARE_ZONE.test(m[0]);
    if (
      (stem.length >= 2 || bareOk) &&
      !GENERIC_PARK_STEM.test(stem) &&
      !/^(?:新区|园区)$/.test(text.slice(start, end))
    ) {
      out.push({ name: text.slice(start, end), start, end });
    }
    m = PARK_SUFFIX.exec(text);
  }
  // "进一步优化湛江空港经济区": a park named before is the real name inside a longer stem.
  const distinct = [...new Set(out.map((p) => p.name))].filter((n) => n.length >= 4).slice(0, 200);
  for (const p of out) {
    const inner = distinct.find((n) => n.length < p.name.length && p.name.endsWith(n));
    if (inner) {
      p.start = p.end - inner.length;
      p.name = inner;
    }
  }
  resolveShortForms(out);
  // A full name: the same words after a name of the text's own, not after 的 or a verb (落户现代产业园区).
  const namedInFull = (name: string) =>
    new RegExp(
      `[\\u4e00-\\u9fff](?![的之了在到入户于和与及为是建])[\\u4e00-\\u9fff]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
    ).test(text);
  const described = (p: ParkMention) => DESCRIBED_PARK.test(p.name) && !namedInFull(p.name);
  return out.filter((p) => !described(p)).sort((a, b) => a.start - b.start);
}
