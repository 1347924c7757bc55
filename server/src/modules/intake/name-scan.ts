// Chinese has no spaces, so a name's left edge is found by walking back from its suffix (…有限公司,
// …项目, …产业园) until punctuation or a function word/verb that cannot sit inside a name. The walk is
// bounded by `maxLen`, so it is linear in the input.

import { tagWords } from './firm-short-names';

/** Words that end right before a name starts (由X有限公司, 在X项目现场, 来自X开发区). Longest first. */
export const LEFT_STOP_WORDS = [
  '主要包括',
  '近年来',
  '主要有',
  '既有',
  '又有',
  '还有',
  '也有',
  '更有',
  '与此同时',
  '代表项目是',
  '位于',
  '来自',
  '走进',
  '联合',
  '入股',
  '其中',
  '包括',
  '引进',
  '签约',
  '携手',
  '同时',
  '今年',
  '目前',
  '随着',
  '作为',
  '通过',
  '推动',
  '支持',
  '引导',
  '落户',
  '成立',
  '设立',
  '组建',
  '介绍',
  '表示',
  '旗下',
  '这家',
  '一家',
  '建设',
  '打造',
  '推进',
  '实施',
  '投资',
  '新上',
  '开工',
  '竣工',
  '投产',
  '建成',
  '谋划',
  '储备',
  '集中',
  '参观',
  '考察',
  '调研',
  '观摩',
  '启动',
  '完成',
  '确保',
  '力争',
  '计划',
  '正在',
  '加快',
  '加速',
  '积极',
  '成功',
  '这个',
  '一个',
  '一批',
  '一大批',
  '大批',
  '吸引',
  '多个',
  '一些',
  '这是',
  '就是',
  '属于',
  '及其',
  '在',
  '由',
  '与',
  '和',
  '同',
  '是',
  '为',
  '对',
  '向',
  '把',
  '被',
  '将',
  '让',
  '给',
  '从',
  '据',
  '等',
  '了',
  '的',
  '于',
  '以',
  '该',
  '其',
  '即',
  '也',
  '还',
  '已',
  '并',
  '而',
  '但',
  '就',
  '都',
  '拟',
  '共',
  '到',
  '赴',
  '亩',
  '个',
];

const STOP_SET = new Set(LEFT_STOP_WORDS);
/** Words holding a one-character stop word (共, 据) that names hold: 公共服务平台, 共享储能, 城市数据湖. */
const INSIDE_WORDS = new Set(['公共', '共享', '数据']);
/** True for a word of the shared left-stop list. */
export const isStopWord = (word: string): boolean => STOP_SET.has(word);

const BOUNDARY_CHAR = /[\s，,。．.；;：:！!？?、“”"‘’'《》〈〉【】[\]{}|/\\—–\-…·•■□●○★☆※#*@&^%$~`+=<>]/;

export interface ScanOptions {
  maxLen: number;
  /** Minimum stem length: a stop word is ignored (taken into the name) while the stem is shorter. */
  minStem: number;
  /** Extra words to stop at, tried before the shared list. */
  extraStops?: readonly string[];
  /** Words not to stop at for this kind of name (和 inside project names: 金刚石和复合片). */
  keep?: readonly string[];
  /** Use only `extraStops` (organisation names hold verbs such as 投资, 促进). */
  onlyExtraStops?: boolean;
  /** Stop at ASCII digits (firm names rarely hold them; project names do: 年产5万吨). */
  stopAtDigits: boolean;
  /**
   * Read a one-character stop word with the segmenter: when jieba joins it with the character after it
   * into one word (江苏同乐面粉 → 同乐/n, 和美家居 stays 和/c 美/ns), it is part of the name, not a boundary.
   */
  wordAware?: boolean;
}

const stopCache = new WeakMap<ScanOptions, { set: Set<string>; maxWord: number }>();

function stopsFor(opts: ScanOptions): { set: Set<string>; maxWord: number } {
  let cached = stopCache.get(opts);
  if (!cached) {
    const words = [...(opts.extraStops ?? []), ...(opts.onlyExtraStops ? [] : LEFT_STOP_WORDS)].filter(
      (w) => !opts.keep?.includes(w),
    );
    cached = { set: new Set(words), maxWord: Math.max(...words.map((w) => w.length)) };
    stopCache.set(opts, cached);
  }
  return cached;
}

/**
 * Walks back from `end` (exclusive; where the suffix starts) and returns the start of the name stem.
 * Balanced parentheses such as （天津） are taken in whole.
 */
export function scanBack(text: string, end: number, floor: number, opts: ScanOptions): number {
  const { set, maxWord } = stopsFor(opts);
  let i = end;
  while (i > floor && end - i < opts.maxLen) {
    const ch = text[i - 1] ?? '';
    if (ch === '）' || ch === ')') {
      const from = Math.max(floor, i - 10);
      const window = text.slice(from, i - 1);
      const open = Math.max(window.lastIndexOf('（'), window.lastIndexOf('('));
      if (open >= 0 && open < window.length) {
        i = from + open;
        continue;
      }
      break;
    }
    // "年产30万吨/年己内酰胺项目", "4500t/d旋窑水泥生产线": the slash of a per-year or per-day unit is inside
    // the name.
    if (
      ch === '/' &&
      (text[i] === '年' || (/[A-Za-z]/.test(text[i - 2] ?? '') && /[a-z]/.test(text[i] ?? '')))
    ) {
      i--;
      continue;
    }
    // "4×2.5万KVA硅铁项目": a decimal point in a quantity is inside the name (a date like 8.28 is not).
    if (ch === '.' && /\d/.test(text[i - 2] ?? '') && /^\d+[万亿千兆吨米A-Za-z]/.test(text.slice(i, i + 8))) {
      i--;
      continue;
    }
    // "蒙能光储+生态治理项目", "泓冠集成电路先进封装&智能电器制造项目", "中国美业港·产业创新示范园区": a plus,
    // an ampersand or a middle dot between two characters of a name joins its parts.
    if (
      opts.wordAware &&
      /[+&·]/.test(ch) &&
      /[\u4e00-\u9fffA-Za-z0-9]/.test(text[i - 2] ?? '') &&
      /[\u4e00-\u9fffA-Za-z0-9]/.test(text[i] ?? '')
    ) {
      i--;
      continue;
    }
    // "20GW N型超薄单晶硅片项目": one space between two Latin or digit codes is inside the name.
    if (ch === ' ' && /[A-Za-z0-9]/.test(text[i - 2] ?? '') && /[A-Za-z0-9]/.test(text[i] ?? '')) {
      i--;
      continue;
    }
    if (BOUNDARY_CHAR.test(ch) || ch === '（' || ch === '(') break;
    if (opts.stopAtDigits && /\d/.test(ch) && end - i >= opts.minStem) break;
    // "公共服务平台": a one-character stop word (共) that ends an ordinary word is inside the name.
    if (INSIDE_WORDS.has(text.slice(i - 2, i))) {
      i -= 2;
      continue;
    }
    // "智能控制系统及其部件研发制造项目": a kept word (及其) is read whole, so its last character (其, a
    // stop word of its own) does not end the name.
    const kept = opts.keep?.find((w) => w.length > 1 && text.slice(i - w.length, i) === w);
    if (kept) {
      i -= kept.length;
      continue;
    }
    if (end - i >= opts.minStem) {
      let stopped = false;
      for (let len = 1; len <= maxWord && i - len >= floor; len++) {
        if (set.has(text.slice(i - len, i))) {
          // A longer stop word ending here (及其, 一个) still ends the name.
          if (
            len === 1 &&
            opts.wordAware &&
            (opensWordOfStem(text, i, floor, end) || closesName(text, i, floor))
          )
            continue;
          stopped = true;
          break;
        }
      }
      if (stopped) break;
    }
    i--;
  }
  return i;
}

/**
 * Tags of the words a stop character may open inside a name: nouns and names the dictionary knows. Not x:
 * jieba glues a preposition to a brand it does not know (对沐泽/x).
 */
const NAME_WORD_TAG = /^(?:n|ns|nr|nz|nt)$/;

/** True when jieba reads the character before `i` and the one at `i` as one noun or name (同乐/n). */
function opensWordOfStem(text: string, i: number, floor: number, end: number): boolean {
  const from = Math.max(floor, i - 3);
  let at = from;
  for (const w of tagWords(text.slice(from, Math.min(end, i + 4)))) {
    const next = at + w.word.length;
    if (at < i && next > i) return NAME_WORD_TAG.test(w.tag);
    at = next;
  }
  return false;
}

/**
 * True when jieba reads the stop character before `i` as the last character of a name it knows that starts
 * before it (芜湖美的厨热…: 美的/nr), so the character is inside the project's name.
 */
function closesName(text: string, i: number, floor: number): boolean {
  let at = Math.max(floor, i - 4);
  for (const w of tagWords(text.slice(at, i))) {
    const next = at + w.word.length;
    if (next === i) return at < i - 1 && /^(?:nr|nz|nt)$/.test(w.tag);
    at = next;
  }
  return false;
}

/** True if the character is a CJK ideograph. */
export function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Strips punctuation and spaces so names can be compared. */
export function normaliseName(s: string): string {
  return s.replace(/[\s，,。．.；;：:！!？?、“”"‘’'《》（）()【】[\]·•\-—–]/g, '');
}

/** Character-bigram Dice similarity of two names, 0..1. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let hits = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      hits++;
      grams.set(g, n - 1);
    }
  }
  return (2 * hits) / (a.length - 1 + b.length - 1);
}
