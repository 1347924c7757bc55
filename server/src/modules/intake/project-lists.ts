// Lists of projects that no 项目 closes: "集中竣工项目30个，包括A、B、C等，投资额49.7亿元", "以A、B为代表的
// 一批项目", "既有A、B等一批…项目" (the tail after 等 says what kind, whatever words it uses). Items keep
// no head noun (元觉幼儿园, 教育新城); each must still prove it names one thing (isConcreteStem), since
// inventing a project is the worst failure on unfamiliar text.

import type { FirmMention } from './entity-extractor';
import { type ScanOptions, scanBack } from './name-scan';
import { isConcreteStem, isFirmShortName } from './project-concreteness';
import type { ProjectNameMention } from './project-name-mention';

/**
 * "等151个", "等5大", "等10余个", "等一批…": 等, an optional count of projects with its counter, then the
 * words before 项目. (A bare numeral is not a count here: in "等一批" 一 belongs to 一批.)
 */
export const LIST_TAIL =
  /等(?:(?:\d+|[一二三四五六七八九十百两]+)(?:余|多)?[个项大家只])?([^，,。；;：:\n等]{0,20})$/;

/** Words of an actor in a list's tail: "由A、B等企业投资建设的X项目" lists investors, not projects. */
const ACTOR_TAIL = /企业|公司|集团|单位|承建|牵头/;
/** Verbs of a clause, not of a kind: "潘早云、张德军等四套班子领导出席项目开工仪式" lists people. */
const CLAUSE_TAIL =
  /领导|出席|参加|观摩|调研|视察|考察|见证|主持|宣布|督导|检查|投资|建设|合作|联合|共同|引进|出资/;

/**
 * Whether the words between 等 and 项目 say what kind of projects a list of names is
 * ("一批汽车零部件下游强链壮链", "业态融合", "再投资的“二期”"), rather than naming one project.
 */
export function isDescribedBatch(
  tail: string,
  listBefore: string,
  isCategory: (t: string) => boolean,
): boolean {
  // One item is enough ("龙湾文旅综合体等业态融合项目"): 等 after a name already says the name is an example.
  if ((listBefore.split(/[，,。；;：:\n]/).pop() ?? '').trim() === '') return false;
  const plain = tail.replace(/[“”"‘’]/g, '');
  const t = plain.replace(/^(?:一批|一系列|多个|数个|若干|一些)/, '');
  if (t === '' || isCategory(t) || /^新?(?:开工|签约|竣工|投产|建成|落地|引进|开竣工)$/.test(t)) return true;
  const of = t.lastIndexOf('的');
  if (of >= 0)
    return (
      of <= 16 && !ACTOR_TAIL.test(t.slice(0, of)) && (of === t.length - 1 || isCategory(t.slice(of + 1)))
    );
  // "业态融合", "一批汽车零部件下游强链壮链": a described kind; "重特大" alone is an adjective of size.
  return (t !== plain || t.length >= 4) && t.length <= 12 && !ACTOR_TAIL.test(t) && !CLAUSE_TAIL.test(t);
}

/**
 * "A、京津冀汽车零部件交易物流中心及欧洲之窗奢侈品交易物流中心等4个项目": the last item of a 、 list may
 * join two names with 及/以及/和. Split where both halves name something on their own (and the right one
 * does not start with a quantity, as in 年产150万吨碳化硅及230万吨甲醇, which is one project's product);
 * the offset of the right half in `item` is returned with it.
 */
export function splitJoinedItem(item: string): Array<{ name: string; at: number }> {
  for (const m of item.matchAll(/以及|及|和/g)) {
    const left = item.slice(0, m.index);
    const at = m.index + m[0].length;
    const right = item.slice(at);
    if (left.length < 4 || right.length < 4 || /^[\d一二两三四五六七八九十百千万]/.test(right)) continue;
    if (isConcreteStem(left) && isConcreteStem(right))
      return [
        { name: left, at: 0 },
        { name: right, at },
      ];
  }
  return [{ name: item, at: 0 }];
}

/** Openers of a list of projects, after a clause that spoke of projects (…项目30个，包括…; 12个项目中，有…). */
const OPENER =
  /(?:主要包括|包括|分别是|分别为|具体为|具体是|具体有|主要有|其中有|既有|又有|还有|更有|如|(?<=项目)中[，,]有|(?<=项目)有|(?<=[\d一二两三四五六七八九十]个)[:：])[:：]?/g;
/** "竣工投产的项目有：…": a class of projects named by their stage, as good as a counted batch. */
const STAGED_CLASS = /(?:开工|签约|竣工|投产|开竣工|落地|落户|续建|新建)的?(?:重点|重大)?项目$/;
/** What follows 等 when the list was of places, firms or kinds, not projects. */
const NOT_PROJECTS_AFTER =
  /^[^，,。；;]{0,6}?(?:地|地区|城市|省|国家|企业|家|单位|部门|领域|行业|方面|产业|类|种|人|设施|内容|功能|环节)/;
/** A batch of projects in the clause before a list: "集中竣工项目30个", "一批", "签约了…等". */
const BATCH = /\d+[个项]|[一二两三四五六七八九十百]+[个项]|一批|多个|集中/;
/** Items that are organisations, not projects. */
const ORGANISATION = /(?:公司|集团|大学|学院|研究所|研究院|银行|协会|政府|管委会|委员会)$/;
/** What a list of roads and schools is called (shared eval convention: not investment projects). */
const NON_INVESTMENT = /基础设施|民生|社会事业|公共服务|市政|交通|水利/;
/** "总投资15亿元的华晟…": an amount and 的 before an item are its figure, not its name. */
const ITEM_LEAD =
  /^(?:[^、]{0,12}?(?:承担|实施|推进|引进|签约|开工|落户)的)?(?:[^、]{0,24}?(?:投资|投入)[约近超达]?[\d.]+[万亿]*元(?:以上)?的)?/;

function item(start: number, raw: string, firms: readonly FirmMention[]): ProjectNameMention | null {
  const lead = ITEM_LEAD.exec(raw)?.[0].length ?? 0;
  const name = raw.slice(lead);
  const at = start + lead;
  // "9栋工业厂房", "4500平方米的仓库": a size first is what a project builds, not a project.
  if (name.length < 4 || name.length > 30 || /项目|[“”"]/.test(name) || /^\d/.test(name)) return null;
  if (ORGANISATION.test(name) || !(isConcreteStem(name) || isFirmShortName(name))) return null;
  const investor = firms.find((f) => f.start >= start && f.end <= at && f.source !== 'enumeration');
  return {
    name: `${name}项目`,
    start: at,
    end: at + name.length,
    reference: false,
    anaphoric: false,
    aggregate: false,
    companyHint: investor?.name ?? null,
  };
}

/**
 * The names of a 、 list, or none when an item does not read as a name (one odd item among many is
 * more likely a kind than a name). Items ending in 项目 are the 项目 scan's and are skipped here.
 */
function itemsOf(from: number, segment: string, firms: readonly FirmMention[]): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  let pos = from;
  const raws = segment.split('、');
  for (const [i, raw] of raws.entries()) {
    const byScan = /项目$/.test(raw);
    // "…、A产业园和B加工中心": the last item may join two names (splitJoinedItem).
    const parts = byScan || i < raws.length - 1 ? [{ name: raw, at: 0 }] : splitJoinedItem(raw);
    const ms = byScan ? [] : parts.map((p) => item(pos + p.at, p.name, firms));
    // "…、唐通物流园、水北湾、…": in a list of four or more names, a short name of three characters that
    // cannot prove itself is passed over rather than taken as a sign the list is of kinds.
    const shortOne = raws.length >= 4 && parts.length === 1 && /^[\u4e00-\u9fff]{3}$/.test(raw);
    if (!byScan && !shortOne && ms.some((m) => m === null)) return [];
    for (const m of ms) if (m) out.push(m);
    pos += raw.length + 1;
  }
  return out;
}

/** The sentence (up to 300 characters) before `at`. */
function sentenceHead(text: string, at: number): string {
  const from = Math.max(0, at - 300);
  const before = text.slice(from, at);
  const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n'));
  return before.slice(cut + 1);
}

/** Names listed after an opener or framed by 以…为代表, that no 项目 ends. */
export function findOpenedLists(text: string, firms: readonly FirmMention[]): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m !== null; m = OPENER.exec(text)) {
    const head = sentenceHead(text, m.index);
    if (m[0].startsWith('如') && !/[，,：:]$/.test(head)) continue;
    // The list must be of projects: the sentence spoke of 项目 before it, and not of roads and schools.
    // "12个项目集中开工，其中经开区本部6个：A、B": a count before a colon opens its share of the batch
    // the sentence spoke of.
    const counted = /^[:：]/.test(m[0]);
    const clause0 = counted
      ? head
      : (head
          .replace(/[，,]$/, '')
          .split(/[，,；;]/)
          .pop() ?? '');
    // "产业项目中，有A、B等": among a class of projects a sentence before counted, as good as a batch.
    const among = /^中[，,]有/.test(m[0]);
    if (
      !/项目/.test(clause0) ||
      !(among || BATCH.test(clause0) || STAGED_CLASS.test(clause0)) ||
      NON_INVESTMENT.test(head)
    )
      continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 240);
    const clauseEnd = rest.search(/[，,。；;：:\n]/);
    const clause = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd);
    const etc = clause.lastIndexOf('等');
    // A list closed by …等…项目 is read by the 项目 scan; one that goes on to places or firms is no list of projects.
    if (etc >= 0 && (/项目/.test(clause.slice(etc)) || NOT_PROJECTS_AFTER.test(clause.slice(etc + 1))))
      continue;
    const segment = etc >= 0 ? clause.slice(0, etc) : clause;
    if (etc < 0 && !segment.includes('、')) continue;
    // "包括宁德博发、江苏嘉盛…，均为动力电池配套企业": the list was of firms.
    if (
      /^[，,]?[^，,。；;]{0,10}(?:企业|公司)/.test(
        text.slice(from + clause.length, from + clause.length + 14),
      )
    )
      continue;
    out.push(...itemsOf(from, segment, firms));
  }
  const framed = /以([^，,。；;：:\n以]{4,160}?)为代表的?([^，,。；;]{0,12})/g;
  for (let m = framed.exec(text); m !== null; m = framed.exec(text)) {
    if (/企业|公司|集团|行业|产业$|人物|人才/.test(m[2] ?? '')) continue;
    const segment = m[1] ?? '';
    out.push(...itemsOf(m.index + 1, segment, firms));
  }
  return out;
}

const WORKS_SCAN: ScanOptions = { maxLen: 30, minStem: 0, stopAtDigits: false, keep: ['和', '与'] };
/** 工程 as a word of another noun: engineers, machinery, vehicles, bureaus, a programme of policy. */
const WORKS_COMPOUND = /^(?:师|机械|车|队|技术|学|院|局|处|公司|集团|建设领域|质量|款|造价)/;
/** What a named works does next in its sentence: a stage or a figure makes it a project reported on. */
const WORKS_REPORTED = /^[^。；;\n]{0,12}?(?:开工|动工|竣工|投产|建成|完工|推进|施工|建设|总投资|投资)/;

/** What makes works one project: a phase, or work done to a named thing (改扩建, 治理). */
const WORKS_KIND = /[一二三四五六七八九十\d]期|改扩建|改造|扩建|治理|迁建|新建|整治|修复/;
/** Parts of a project (主体工程, 配套公辅工程, 外网工程): not a project of their own. */
const COMPONENT = /(?:主体|配套|公辅|外网|管网|附属|土建|安装)$/;
const ZONE_PREFIX = /^.{0,12}?(?:产业集聚区|经济技术开发区|开发区|高新区|经开区|工业园区|园区)/;

/**
 * Works named with 工程 and no 项目 ("淮河入海水道二期工程正在加速推进", "浩洋服饰二期工程开工建设"): a
 * concrete stem before 工程, and the sentence goes on to report a stage or a figure of it.
 */
export function findWorks(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  const re = /工程/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + 2;
    if (WORKS_COMPOUND.test(text.slice(end, end + 4)) || !WORKS_REPORTED.test(text.slice(end, end + 16)))
      continue;
    let start = scanBack(text, m.index, 0, WORKS_SCAN);
    // "国家重点水利项目淮河入海水道二期工程": the words before a 项目 are the kind the works is.
    const kindEnd = text.lastIndexOf('项目', m.index);
    if (kindEnd >= start) start = kindEnd + 2;
    const whole = text.slice(start, m.index);
    // "卢氏县产业集聚区浩洋服饰二期工程": the zone before the name is where it is.
    const zone = ZONE_PREFIX.exec(whole)?.[0] ?? '';
    const stem = whole.length - zone.length >= 3 ? whole.slice(zone.length) : whole;
    start += whole.length - stem.length;
    if (stem.length < 3 || COMPONENT.test(stem) || !WORKS_KIND.test(stem) || !isConcreteStem(stem)) continue;
    out.push({
      name: `${stem}工程`,
      start,
      end,
      reference: false,
      anaphoric: false,
      aggregate: false,
      companyHint: null,
    });
  }
  return out;
}
