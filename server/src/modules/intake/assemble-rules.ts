// Small rules used by assemble.ts: the tense of a stage, date period keys, projects named by a capacity,
// and the project names of a list (a zone or a batch stage speaks for each listed item).

import { type Sentence, startingIn } from './clean-text';
import type { ArticleDate, DateToken } from './date-parser';
import { tagWords } from './firm-short-names';
import { scanBack } from './name-scan';
import type { ProjectNameMention } from './project-name-mention';
import type { CapacityToken } from './quantity-parser';
import type { StageMention } from './stage-signal';

/** Markers of a stage still to come; 希望/尽快/早日 are what officials wish for a project at its signing. */
const PLANNED_MARK =
  /预计|计划|将|确保|力争|争取|有望|拟|准备|力求|可望|即将|能够|就能|即可|再有|目标|希望|尽快|早日|早(?=[建投开达见竣]|$)/g;
/** Verbs of pushing right before a stage word: the stage is a goal (推进签约, 促成投产). */
const PUSHED_FOR = /(?:推进|推动|促成|力促|促进)$/;
/** Markers of a stage reached. */
const DONE_MARK = /已|目前|现已|正在|完成了|现阶段|现场/g;

const VERB_END = /(?:达到|实现|形成|具备|可|能|将|预计|计划|新增|拥有|满足|项目|该公司|公司)$/;

/** Sortable number for the start (or end) of a date period: 2024-Q4 → 20241001 / 20241231. */
export function periodKey(date: string | null, end: boolean): number | null {
  if (!date) return null;
  const range = date.split('/');
  const part = (end ? range[range.length - 1] : range[0]) ?? '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d)|-H(\d))?$/.exec(part);
  if (!m) return null;
  const y = Number(m[1]);
  let mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (m[4]) mo = (Number(m[4]) - 1) * 3 + (end ? 3 : 1);
  if (m[5]) mo = m[5] === '1' ? (end ? 6 : 1) : end ? 12 : 7;
  const d = m[3] ? Number(m[3]) : end ? 31 : 1;
  return y * 10000 + mo * 100 + d;
}

/** Sortable number for the article date (mid-month when the day is unknown). */
export function articleKey(a: ArticleDate | null): number | null {
  if (!a || a.month === null) return null;
  return a.year * 10000 + a.month * 100 + (a.day ?? 15);
}

/** jieba tags of proper nouns and of words the dictionary does not know (most brands). */
const NAME_TAGS = new Set(['x', 'nz', 'nr', 'nrt', 'nrfg', 'nt', 'ns', 'j']);

/** Projects named by a capacity with no 项目: "来自荆州开发区的恒隆凯迩必年产500万套汽车电动转向系统". */
export function capacityLedNames(
  text: string,
  caps: CapacityToken[],
  names: ProjectNameMention[],
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  for (const c of caps) {
    const near = startingIn(names, c.start - 60, c.end);
    if (!text.startsWith('年产', c.start) || near.some((n) => c.start < n.end && c.end > n.start)) continue;
    if (!/^(?:[，,。；;\n]|$)/.test(text.slice(c.end, c.end + 1))) continue;
    const start = scanBack(text, c.start, 0, { maxLen: 14, minStem: 2, stopAtDigits: true });
    const stem = text.slice(start, c.start);
    if (stem.length < 2 || VERB_END.test(stem) || /^该|开发区$|园区$|区$|县$|市$/.test(stem)) continue;
    // "建成后年产硅片5亿片": the capacity of a project named before; only a firm's name (a proper noun or
    // a word the dictionary does not know: 恒隆凯迩必) in front of it makes it a project of its own.
    if (!tagWords(stem).some((w) => w.word.length >= 2 && NAME_TAGS.has(w.tag))) continue;
    out.push({
      name: text.slice(start, c.end),
      start,
      end: c.end,
      reference: false,
      anaphoric: false,
      aggregate: false,
      companyHint: stem,
    });
  }
  return out;
}

/**
 * What joins the items of a list of projects: 、 , 和 , 及 , 与 , 以及 , ； (with an optional closing quote),
 * and a modifier ending in 的 before the next item ("A项目、总投资116亿元的B项目"); up to two items
 * between 、 that the rules read as no name (A、联创制药、B) leave the list whole.
 */
const LIST_JOIN =
  /^[”"》]?(?:、(?:[^、，,。；;]{1,8}、){0,2}|和|及|与|以及|，|；|;)(?:[^、，,。；;]{0,16}的)?[“"《]?$/;
/** Explicit names in text order, the longest of those starting at one place (华瑞技改项目, not 华瑞技改). */
function explicitByStart(names: readonly ProjectNameMention[]): ProjectNameMention[] {
  const longest = new Map<number, ProjectNameMention>();
  for (const n of names) {
    if (n.reference || n.aggregate) continue;
    const had = longest.get(n.start);
    if (!had || n.end > had.end) longest.set(n.start, n);
  }
  return [...longest.values()].sort((a, b) => a.start - b.start);
}

/**
 * What may stand between a list opener and its first item: up to two characters, or a modifier with 的;
 * after up to two items the rules read as no name (签约润滑油、A、B等项目29个).
 */
const LIST_LEAD = /^(?:[^、，,。；;]{1,8}、){0,3}(?:[^、，,。；;]{0,2}|[^、，,。；;]{0,16}的)$/;

/**
 * The project names of a list that begins within two characters after `at` ("绥安开发区的A项目、B项目和
 * C项目": the names A, B, C after 的): the first explicit name there, and each next one joined to the
 * previous by a list word only. A reference (该项目) or a batch (等5个项目) ends the list.
 */
export function listedNamesAfter(
  text: string,
  names: readonly ProjectNameMention[],
  at: number,
): ProjectNameMention[] {
  const explicit = explicitByStart(names);
  const first = explicit.find((n) => n.start >= at && LIST_LEAD.test(text.slice(at, n.start)));
  if (!first) return [];
  const out = [first];
  for (let i = explicit.indexOf(first) + 1; i < explicit.length; i++) {
    const prev = out[out.length - 1] as ProjectNameMention;
    const next = explicit[i] as ProjectNameMention;
    if (next.start < prev.end) continue;
    if (!LIST_JOIN.test(text.slice(prev.end, next.start))) break;
    out.push(next);
  }
  return out;
}

/** "其中经开区本部6个：", "；临空经济区3个：": a share of a batch, a count and a colon before its list. */
const SHARE_OPENER = /^[；;，,]?(?:其中)?[^，,。；;：:]{0,10}?(?:\d+|[一二两三四五六七八九十]+)个[:：]/;

/**
 * "12个项目集中开工，其中经开区本部6个：A、B；临空经济区3个：C、D": the names of a batch's shares, each
 * listed after its count and a colon, one share after another from `at`.
 */
export function namesOfShares(
  text: string,
  names: readonly ProjectNameMention[],
  at: number,
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  for (let pos = at, m = SHARE_OPENER.exec(text.slice(pos)); m; m = SHARE_OPENER.exec(text.slice(pos))) {
    const listed = listedNamesAfter(text, names, pos + m[0].length);
    const last = listed[listed.length - 1];
    if (!last) break;
    out.push(...listed);
    pos = last.end + (text[last.end] === '等' ? 1 : 0);
  }
  return out;
}

/** The project names of a list that ends within a character before `at` ("A项目、B项目等5个项目": A, B before 等). */
export function listedNamesBefore(
  text: string,
  names: readonly ProjectNameMention[],
  at: number,
): ProjectNameMention[] {
  const explicit = explicitByStart(names);
  const lastIndex = explicit.findLastIndex((n) => n.end <= at && n.end >= at - 1);
  const last = explicit[lastIndex];
  if (!last) return [];
  const out = [last];
  for (let i = lastIndex - 1; i >= 0; i--) {
    const next = out[0] as ProjectNameMention;
    const prev = explicit[i] as ProjectNameMention;
    if (prev.end > next.start) continue;
    if (!LIST_JOIN.test(text.slice(prev.end, next.start))) break;
    out.unshift(prev);
  }
  return out;
}

/**
 * Between a list's last name and its total: 等, a count of projects (with what they do: 3项计划参加集中签约),
 * a comma and the word for the total.
 */
const LIST_TO_TOTAL =
  /^(?:项目)?等?(?:[，,]?[\d一二三四五六七八九十]+[个项](?:项目)?[^，,。；;]{0,16})?[，,](?:其中)?(?:项目)?(?:共计|共|合计|总计|累计)?(?:计划|协议|签约)?(?:总投资额?|投资总?额|总金额|合同总?金额|签约金额|投资金额|投资)[约近超达为逾共计]*$/;

/**
 * "包括A、B、C等，总投资额76.85亿元", "A项目、B项目，总投资25.1亿元": a figure in the clause right after a
 * list of two or more names is the list's total, not the last name's.
 */
export function listTotalBefore(
  text: string,
  names: readonly ProjectNameMention[],
  sentence: { start: number; end: number },
  pos: number,
): ProjectNameMention[] {
  const explicit = explicitByStart(names).filter((n) => n.start >= sentence.start && n.end <= pos);
  const last = explicit[explicit.length - 1];
  if (!last || !LIST_TO_TOTAL.test(text.slice(last.end, pos))) return [];
  const listed = listedNamesBefore(text, names, last.end);
  return listed.length >= 2 ? listed : [];
}

/** "…等151个项目开工建设": 等, a count of projects and nothing else between the list and the stage word. */
const BATCH_BEFORE_STAGE =
  /等(?:[一二三四五六七八九十百千\d]+[个项批])?[^，,。；;、]{0,8}项目[^，,。；;]{0,3}$/;
/** "新开工…项目有22个，如A、B等": the words that open the list of a batch named before it. */
const LIST_OPENER = /(?:如|包括|分别是|分别为|主要有|其中有|涵盖)[:：]?/g;

/**
 * The listed projects a batch's stage word speaks for: the list right before "等N个项目<stage>", or the
 * list a stage's batch opens ("新开工…项目有22个，如A、B等"), in the same clause run of one sentence.
 */
export function namesStagedByBatch(
  text: string,
  names: readonly ProjectNameMention[],
  sentence: { start: number; end: number },
  stage: { start: number; end: number },
): ProjectNameMention[] {
  const opened = namesListedAfterStage(text, names, sentence, stage);
  if (opened.length > 0) return opened;
  const before = text.slice(sentence.start, stage.start);
  const tail = BATCH_BEFORE_STAGE.exec(before);
  if (tail) return listedNamesBefore(text, names, sentence.start + tail.index);
  const closing = listClosedByStage(text, names, stage);
  if (closing.length > 0) return closing;
  const batch = namesOfStagedBatch(text, names, sentence, stage);
  if (batch.length > 0) return batch;
  const after = text.slice(stage.end, Math.min(sentence.end, stage.end + 40));
  const shares = COUNTED_BEFORE.test(text.slice(sentence.start, stage.start))
    ? namesOfShares(text, names, stage.end)
    : [];
  if (shares.length > 0) return shares;
  LIST_OPENER.lastIndex = 0;
  const opener = LIST_OPENER.exec(after);
  if (!opener || /[；;。]/.test(after.slice(0, opener.index))) return [];
  // "新开工…项目有22个，如A、B", "6个重大项目集中开工，总投资5亿元，包括A、B等4个": the stage names the batch,
  // either as a kind of project after it or as what the counted batch before it did.
  const batchStaged =
    /项目/.test(after.slice(0, opener.index)) || COUNTED_BEFORE.test(text.slice(sentence.start, stage.start));
  if (!batchStaged) return [];
  return listedNamesAfter(text, names, stage.end + opener.index + opener[0].length);
}

/** Between a list's last name and the stage word that closes it: no clause break, a few words only. */
const LIST_TO_STAGE = /^[^，,。；;：:]{0,24}$/;

/**
 * "A、B、C等重大项目建设正在扎实推进", "…A项目、B项目相继建成投产", "A、B实现当年签约、当年开工": a stage
 * word that ends a list of two or more names in the same clause is the stage of each of them.
 */
function listClosedByStage(
  text: string,
  names: readonly ProjectNameMention[],
  stage: { start: number; end: number },
): ProjectNameMention[] {
  const explicit = explicitByStart(names).filter((n) => n.end <= stage.start);
  const last = explicit[explicit.length - 1];
  if (!last || !LIST_TO_STAGE.test(text.slice(last.end, stage.start))) return [];
  const listed = listedNamesBefore(text, names, last.end);
  return listed.length >= 2 ? listed : [];
}

/** A batch the sentence is about: 此次集中签约的项目, 本次开工项目, 当天签约的项目. */
const BATCH_OPENER = /(?:此次|本次|这次|这批|当天|当日|今天|集中)[^，,。；;]{0,4}$/;

/**
 * "此次集中签约的项目涵盖…，既有A、B等…项目，又有C…": the batch's stage, stated as what kind of projects
 * the sentence is about, is the stage of every project the sentence then lists.
 */
function namesOfStagedBatch(
  text: string,
  names: readonly ProjectNameMention[],
  sentence: { start: number; end: number },
  stage: { start: number; end: number },
): ProjectNameMention[] {
  if (!ATTRIBUTIVE_STAGE.test(text.slice(stage.end, stage.end + 6))) return [];
  if (!BATCH_OPENER.test(text.slice(Math.max(sentence.start, stage.start - 8), stage.start))) return [];
  const after = explicitByStart(names).filter((n) => n.start > stage.end && n.end <= sentence.end);
  return after.length >= 2 ? after : [];
}

/**
 * "新签约A、B等工业项目8个": a stage verb that opens a list of two or more names closed by 等…项目 is the
 * stage of each listed name. A single name after the verb is left to the ordinary attachment.
 */
function namesListedAfterStage(
  text: string,
  names: readonly ProjectNameMention[],
  sentence: { start: number; end: number },
  stage: { start: number; end: number },
): ProjectNameMention[] {
  // "竣工的有A、B…": the list a stage opens with 的有/的是.
  // "开工项目有A、B等11个": 项目 without 的 opens it as well.
  const opener = /^(?:的项目|的|项目)(?:有|包括|是|为)[:：]?/.exec(text.slice(stage.end, stage.end + 6));
  const at = stage.end + (opener?.[0].length ?? 0);
  const listed = listedNamesAfter(text, names, at);
  const last = listed[listed.length - 1];
  if (listed.length < 2 || !last || (listed[0]?.start ?? 0) > at + 16) return [];
  // The list must end the clause run: 等…项目, or the end of its sentence or semicolon clause.
  return /^(?:等[^，,。；;]{0,10}项目|等(?:\d+|[一二两三四五六七八九十]+)个|等?(?:[；;。]|$))/.test(
    text.slice(last.end, sentence.end),
  )
    ? listed
    : [];
}

/** "3个竣工项目分别是…", "集中开工项目18个", "开工的12个项目中", "竣工的有…": a stage word that qualifies 项目 names a class of projects. */
const ATTRIBUTIVE_STAGE =
  /^(?:的)?(?:\d{1,4}个|[一二两三四五六七八九十]{1,3}个)?(?:重点|重大|产业|工业)?项目|^的(?:有|包括|是|为)/;

/** Tense of a stage: the last planned/done marker or dated phrase before it in its sentence wins. */
export function isPlannedStage(
  text: string,
  dates: readonly DateToken[],
  todayKey: number | null,
  st: StageMention,
  s: Sentence,
): boolean {
  let last: { at: number; planned: boolean } | null = null;
  const before = text.slice(s.start, st.start);
  for (const re of [PLANNED_MARK, DONE_MARK]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null = re.exec(before);
    while (m !== null) {
      if (!last || m.index >= last.at) last = { at: m.index, planned: re === PLANNED_MARK };
      m = re.exec(before);
    }
  }
  for (const d of startingIn(dates, s.start, st.start)) {
    if (d.end > st.start || todayKey === null) continue;
    // "泉州网3月19日讯": a dateline is when the news was filed, not when a step is due.
    if (/^(?:讯|电)/.test(text.slice(d.end, d.end + 1))) continue;
    const from = periodKey(d.date, false);
    const to = periodKey(d.date, true);
    const rel = d.start - s.start;
    if (from !== null && from > todayKey && (!last || rel >= last.at)) last = { at: rel, planned: true };
    if (to !== null && to < todayKey && (!last || rel >= last.at)) last = { at: rel, planned: false };
  }
  // "推进签约", "推动开工": a stage the text pushes for is still to come; "投产在即", "进入投产倒计时": it is
  // imminent.
  if (PUSHED_FOR.test(before) && st.stage !== '在建') return true;
  if (/^(?:在即|在望|倒计时)/.test(text.slice(st.end, st.end + 3))) return true;
  // An attributive stage is a category the text reports, planned only when a marker stands right before it.
  if (ATTRIBUTIVE_STAGE.test(text.slice(st.end, st.end + 6)))
    return last?.planned === true && before.length - last.at <= 4;
  // "产业园建成了电机工厂": a completion with 了 is reported as done, unless a plan is stated right before it;
  // "建成竣工的东群科技…项目": so is one that describes the project named after it.
  if ((text[st.end] === '了' || text[st.end] === '的') && !(last?.planned && before.length - last.at <= 4))
    return false;
  // "A等85个项目竣工", "共有12个项目建成": a completion counted over a batch is a reported result;
  // "集中竣工A、B等项目6个": so is a completion held as a ceremony.
  // "A、B等一批项目相继落户，并建设达产": steps taken one after another are reported, the last one too.
  if (COUNTED_BEFORE.test(before) || /集中$/.test(before) || /(?:相继|先后|陆续)[^。；;]{0,12}$/.test(before))
    return last?.planned ?? false;
  // Completion words without a marker are usually goals ("建成24条生产线"); other stages are reported facts.
  return last?.planned ?? (st.stage === '竣工验收' || st.stage === '达产');
}

/** A count of projects right before a stage word ("等85个项目", "12个重点项目已"): the batch the stage reports on. */
const COUNTED_BEFORE =
  /(?:\d+|[一二两三四五六七八九十百]+)(?:个|项)(?:[\u4e00-\u9fff]{0,4})?项目(?:已|已经|顺利|全面|集中|相继|陆续)?$/;
