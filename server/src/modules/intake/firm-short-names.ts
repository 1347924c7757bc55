// A firm's short name at the head of a project name (宝星企业总部项目 → 宝星, 太阳纸业年产…项目 → 太阳纸业),
// read with the jieba word segmenter: a brand is a run of characters the dictionary does not know as one
// common word (single characters, names), ended by the first ordinary industry or product word.

import { createRequire } from 'node:module';
import type { Jieba, TaggedWord } from '@node-rs/jieba';

const requireLazily = createRequire(import.meta.url);
let segmenter: Jieba | null = null;
/**
 * Loading the dictionary takes most of a second, so it happens once, on first use; the package itself
 * is required then too, so a process that never reads a news paste does not load it (issue 19).
 */
function jieba(): Jieba {
  if (!segmenter) {
    const { Jieba: Segmenter } = requireLazily('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = requireLazily('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    segmenter = Segmenter.withDict(dict);
  }
  return segmenter;
}

/** Words-tagged POS of a short Chinese text (jieba's tag set: n noun, ns place, nr person, nz other name…). */
export function tagWords(text: string): TaggedWord[] {
  return jieba().tag(text, true);
}

/** Industry words that stay part of a firm's short name (太阳纸业, 海晶化工). */
const FIRM_TRADE =
  /^(?:纸业|化工|钢铁|集团|科技|股份|实业|控股|电气|药业|建材|材料|能源|电子|机械|重工|食品|农牧|生物)$/;
/**
 * Industry and product words the dictionary does not know as common nouns (光伏/j, 冷链/x, 文旅/x): what a
 * project makes or serves, never a firm's brand ("光伏组件项目", "华晨冷链物流中心" → 华晨).
 */
const INDUSTRY_WORDS = new Set([
  '光伏',
  '光电',
  '光储',
  '锂电',
  '冷链',
  '数控',
  '智造',
  '环保',
  '康养',
  '医养',
  '文旅',
  '文创',
  '电竞',
  '算力',
  '固废',
  '危废',
]);
/** Tags of a three- or four-character proper noun that heads a project's name as its firm's brand. */
const LONG_BRAND_TAGS = new Set(['nr', 'nz', 'nt']);
/** Trade words only a firm's name ends in (not 科技, 材料, 能源: 智能科技, 新型材料 are kinds). */
const FIRM_ONLY_TRADE = /^(?:纸业|化工|化学|钢铁|集团|股份|实业|控股|电气|药业|建材|重工|农牧)$/;
/** Leading administrative places (任城区, 广元市) are where, not who. */
const ADMIN_PLACE = /[省市县区镇乡]$/;
/** Two-character tokens that may start a brand: other proper names, abbreviations, time-free names. */
const BRAND_START_TAGS = new Set(['nz', 'nrt', 'nr', 'j', 'ns']);
/** Tokens that are never part of a brand: numbers, Latin runs, function words. */
const NEVER = new Set(['m', 'eng', 'uj', 'c', 'p', 'f', 't', 'q', 'r']);
const HAN = /^[\u4e00-\u9fff]+$/;
/** Names that begin with a generic word are about a kind of project, not a firm's. */
const GENERIC_HEAD =
  /^(?:年产|新建|建设|重点|重大|招商|产业|项目|一期|二期|三期|该|本|全市|全县|其中|部分|诸多|一批)/;

/**
 * Public works (railways, wharves, resettlement housing, schools, parks): a place name heads them, and the
 * government builds them, so their first word is not a firm's brand (兴泉铁路, 慈湖码头, 长福片区…).
 */
const PUBLIC_WORKS =
  /铁路|公路|高速|码头|机场|大桥|隧道|水库|管网|片区|地块|景观|安置房|棚改|学校|学园|中学|小学|幼儿园|医院|公园|广场|矿坑|河道|治理/;
/** A brand ending in a landform (凤栖湖, 金山, 慈湖) is the name of a place. */
const LANDFORM_END = /[湖山江河岛湾港岭峰洲溪滩]$/;

/**
 * The short firm name a project name starts with, or null. Rejects places, numbers and generic words;
 * accepts 2–5 characters, plus a trade word that belongs to the name (纸业, 化工).
 */
export function leadingBrand(projectName: string): string | null {
  if (!/^[\u4e00-\u9fff]/.test(projectName) || GENERIC_HEAD.test(projectName)) return null;
  if (PUBLIC_WORKS.test(projectName)) return null;
  const words = tagWords(projectName);
  let i = 0;
  while (i < words.length - 1 && ADMIN_PLACE.test(words[i]?.word ?? '') && (words[i]?.word.length ?? 0) >= 2)
    i++;
  let brand = '';
  for (; i < words.length; i++) {
    const w = words[i];
    if (!w || NEVER.has(w.tag) || !HAN.test(w.word) || INDUSTRY_WORDS.has(w.word)) break;
    // Single characters and words the dictionary does not know (tag x) are what brands are made of.
    if (w.word.length === 1 || w.tag === 'x') {
      brand += w.word;
      continue;
    }
    // "比亚迪新能源…", "康师傅饮品…", "兴业银行金融科技产业园": a name of three or four characters the
    // dictionary knows as a proper noun (nr, nz, nt) heading a project's name is a firm's, not a place's.
    if (brand === '' && w.word.length >= 3 && w.word.length <= 4 && LONG_BRAND_TAGS.has(w.tag)) {
      brand = w.word;
      i++;
      break;
    }
    // "诚意药业…", "坚强重工…": any two-character word before a trade only a firm has is its brand.
    if (brand === '' && w.word.length === 2 && FIRM_ONLY_TRADE.test(words[i + 1]?.word ?? '')) {
      brand = w.word;
      i++;
      break;
    }
    if (brand === '' && w.word.length === 2 && BRAND_START_TAGS.has(w.tag)) {
      const next = words[i + 1];
      // "南山文化生态园", "平潭大练…": a place followed by an ordinary word is where the project is.
      if (w.tag === 'ns' && next && next.word.length > 1 && next.tag !== 'x' && !FIRM_TRADE.test(next.word))
        return null;
      brand = w.word;
      continue;
    }
    if (brand !== '' && w.tag === 'nrt' && brand.length < 3) {
      brand += w.word;
      continue;
    }
    break;
  }
  if (brand.length < 2 || brand.length > 5 || LANDFORM_END.test(brand)) return null;
  // "日产5000吨…", "年产…": a rate of production is no brand; "含硅废渣…": nor is a one-character verb
  // that opens the name (坚强重工 is a two-character word).
  if (
    /^(?:日产|年产|月产|日处理|年处理)$/.test(brand) ||
    (words[0]?.tag === 'v' && words[0].word.length === 1)
  )
    return null;
  // "河湟文化产业园": a brand run together from place names (河/ns 湟/ns) is a region, not a firm.
  if (i >= 2 && words.slice(0, i).every((w) => w.tag === 'ns')) return null;
  const trade = words[i]?.word ?? '';
  return FIRM_TRADE.test(trade) && brand.length + trade.length <= 6 ? brand + trade : brand;
}

/** A firm named with its legal or organisational form: such a name is a company wherever it stands. */
const ORGANISATIONAL = /(?:公司|集团|厂|股份|有限|控股|实业)$/;
/** "…、总投资130亿元的奇瑞…项目": a modifier with 的 between a list mark and the item. */
const ITEM_MODIFIER = /(?:[^、，,。；;]{0,16}的)$/;

/**
 * Whether the project name at [start, end) is an item of an enumeration: a list mark (、) before it
 * (past a modifier ending in 的), or a list mark or 等 right after it.
 */
export function isEnumerated(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const kindless = before.replace(ITEM_NUMBER, '').replace(KIND_BEFORE_ITEM, '');
  const bare = kindless.replace(ITEM_MODIFIER, '');
  if (/、$/.test(before) || /、$/.test(bare)) return true;
  const after = text.slice(end, end + 4);
  // Items that are whole clauses with nothing said of them (包括A；B；C, 一是A，二是B): a project
  // reported in its own clause goes on after its name (A，总投资…；).
  const clauseItem =
    (/[；;]$|[一二三四五六七八九十]是$/.test(bare) || CLAUSE_LIST_OPENER.test(kindless)) &&
    /^(?:项目)?(?:[；;。]|$)/.test(after);
  const numberedItem = /[一二三四五六七八九十]是$/.test(bare) && /^(?:项目)?[，,]/.test(after);
  return clauseItem || numberedItem || /^(?:项目)?[、等]/.test(after);
}

/** The number of a list item ("1.", "（2）", "③"), on a line of its own too, before its name. */
const ITEM_NUMBER = /\s*(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])$/;
/** An opener of a list, with the first item's modifier (包括投资25亿元的…). */
const CLAUSE_LIST_OPENER = /(?:包括|分别是|分别为|主要有)[:：]?(?:[^、，,。；;]{0,16}的)?$/;
/** A kind of project written before an item ("省重点工程"), between its modifier and its name. */
const KIND_BEFORE_ITEM = /(?:国家|省|市|县|区)?级?(?:重点|重大)(?:工程|项目|产业项目)$/;

/**
 * The eval convention on brands (eval/README.md): a bare brand heading an enumerated item is part of its
 * name, not its company, unless the text names it again outside the item's own mentions.
 */
export function isListItemBrand(
  text: string,
  company: string,
  mentions: ReadonlyArray<{ start: number; end: number }>,
): boolean {
  if (ORGANISATIONAL.test(company)) return false;
  if (!mentions.every((m) => isEnumerated(text, m.start, m.end))) return false;
  const inMentions = mentions.filter((m) => text.slice(m.start, m.end).includes(company)).length;
  return text.split(company).length - 1 <= inMentions;
}
