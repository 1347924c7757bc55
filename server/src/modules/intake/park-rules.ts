// Which park a project is in. A zone (开发区, 高新区, 工业园区, 投资区, 集聚区 …) is a place; a 产业园 or
// 基地 that a project is named after is the project itself, not the park of the projects listed next to
// it. A zone that a report's title or lead is about ("甘眉工业园区此次开工项目共两个", "走进铜陵国家农业
// 科技园区各重点项目建设现场") is the park of every project the report names without one of its own.

import { lastBreakBefore, type Sentence } from './clean-text';
import type { FirmMention, ParkMention } from './entity-extractor';
import { semicolonClause } from './firm-attachment';
import { isEnumerated } from './firm-short-names';
import { normaliseName } from './name-scan';
import { ZONE_QUARTER } from './park-mentions';
import type { ProjectNameMention } from './project-name-mention';

/** Administrative zones: places where projects are, as opposed to a project's own 产业园. */
const ZONE =
  /(?:片区|产业新城|开发区|高新区|经开区|工业园区|工业园|产业园区|科技园区|投资区|集聚区|港区|工业区|经济区|示范区|自贸区|保税区|临空区|空港区|临港区|新区|园区|Zone|Development Area)$/;

/** A name that ends in a quarter of a zone (park-mentions.ts reads it with the zone). */
const ENDS_IN_QUARTER = new RegExp(`${ZONE_QUARTER.source}$`);

/** A zone's name without the quarter written after it. */
const withoutQuarter = (name: string): string => {
  const core = name.replace(ENDS_IN_QUARTER, '');
  return core !== name && ZONE.test(core) ? core : name;
};

export const isZone = (name: string): boolean => ZONE.test(withoutQuarter(name));

/** "在高新区举行全市项目集中开工": the zone is where the event was held, not where the projects are. */
const VENUE_BEFORE = /(?:在|于|到|赴)$/;
const VENUE_AFTER = /^(?:(?:隆重|盛大|正式)?(?:举行|召开|举办)|分会场|会场)/;
/**
 * "仪式在A工业园区和B项目区举行", "在A开发区北方药谷产业园举行": the zone opens the place an event was held,
 * with no step of a project between them.
 */
const VENUE_LATER =
  /^(?:(?!开工|动工|签约|落户|落地|投产|竣工|入驻)[^，,。；;！？\n]){1,30}?(?:隆重|盛大|正式)?(?:举行|召开|举办)/;

/** "在高新区举行…": the zone is named as the venue of an event. */
export function isVenue(text: string, p: ParkMention): boolean {
  // "玉林市分会场设在玉林经济技术开发区": where a meeting's hall was set is a venue, whatever follows.
  if (/(?:会场|仪式|活动|会议)(?:设|安排|放)在$/.test(text.slice(Math.max(0, p.start - 6), p.start)))
    return true;
  if (!VENUE_BEFORE.test(text.slice(Math.max(0, p.start - 1), p.start))) return false;
  const after = text.slice(p.end, p.end + 40);
  return VENUE_AFTER.test(after) || VENUE_LATER.test(after);
}

/** An event the zone's name is part of, or 等…行业/领域 closing a list of kinds of business. */
const EVENT_OR_KIND_AFTER =
  /^(?:专场)?(?:对接会|推介会|招商会|洽谈会|座谈会|说明会|签约会|论坛|峰会|博览会|交易会)|^等[^，,。；;]{0,4}(?:行业|领域|业态)/;

/** "开发区党工委书记赵某", "高新区管委会主任": the zone names an official's office. */
const OFFICE_AFTER = /^(?:党工委|党委|工委|管委会|管理委员会)?(?:常务)?副?(?:书记|主任)/;

/**
 * "打造深海核电产业园", "投资建设…产业园", "打造百亿产值电力能源产业园": a 产业园 or 基地 a firm builds (or a
 * county means to) is a project or a goal, not a place yet.
 */
const BUILT_BEFORE = /(?:打造|兴建|新建|建设|建成|筹建)(?:[百千万亿\d]+元?(?:产值|级))?$/;

/**
 * A park that says nothing of where the project of its sentence is: the zone of an official's title
 * (开发区党工委书记赵某一行调研了…项目) is his office, and a 产业园 written as what a firm builds (伊莱特
 * 打造深海核电产业园) is that firm's project, not the park of a project named beside it.
 */
export function placesNoProject(text: string, p: ParkMention): boolean {
  if (OFFICE_AFTER.test(text.slice(p.end, p.end + 8))) return true;
  // "位于白牙市镇工业园旁边": next to a zone is outside it.
  if (/^(?:旁边|旁|附近|周边|对面|外围|以外)/.test(text.slice(p.end, p.end + 3))) return true;
  // "马祖产业合作园区对接会": the zone names an event; "涉及工业、智慧型综合园区等行业领域": a kind of business.
  if (EVENT_OR_KIND_AFTER.test(text.slice(p.end, p.end + 8))) return true;
  // "主要建设艾草…仓储物流为一体的智慧型综合园区": what a project builds, described, is no place it is in.
  const clause =
    text
      .slice(Math.max(0, p.start - 80), p.start)
      .split(/[，,。；;！？\n]/)
      .pop() ?? '';
  // ("作为全市重点规划建设的董家口工业集聚区" describes the zone itself: still a place.)
  if (clause.endsWith('的') && /(?:建设|打造|建成|形成|构建)/.test(clause) && !/作为|规划/.test(clause))
    return true;
  if (isZone(p.name)) return false;
  return BUILT_BEFORE.test(text.slice(Math.max(0, p.start - 10), p.start)) || namesItsOwnProject(text, p);
}

/**
 * "出席了“中国(重庆)眼镜产业园—眼镜之都”项目开工仪式", "产业园二期项目", "产业园建设情况": a 产业园
 * followed in the same phrase by 项目 (or by its own 建设情况) is that project's own name — even where the name was not taken as a project — unless
 * what comes between names another project it hosts (苏银产业园莱卡氨纶纤维项目).
 */
function namesItsOwnProject(text: string, p: ParkMention): boolean {
  const after = text.slice(p.end, p.end + 16);
  // "汇报了绿色建材产业园建设情况": the park's own building is what is reported.
  if (/^(?:[一二三]期)?建设(?:情况|进度|进展|工作)/.test(after)) return true;
  const rest = /^([^，,。；;、]{0,12}?)[”"」』]?项目/.exec(after)?.[1];
  return rest !== undefined && !hostsNamedProject(`${rest}项目`);
}

/**
 * True when the park's name is (part of) a project's own name: 有零有食冻干食品产业园(项目) — or heads an
 * item of a list (…、盐南高新区德利迅达云计算产业基地等): then it is that item's park, not the report's.
 */
export function isProjectsOwnName(
  park: ParkMention,
  names: readonly ProjectNameMention[],
  text: string,
): boolean {
  const p = normaliseName(park.name);
  if (p.length < 3) return false;
  return names.some((n) => {
    if (n.reference || n.aggregate) return false;
    if (headsNamedProject(park, n, text)) return isEnumerated(text, n.start, n.end);
    if (park.start >= n.start && park.end <= n.end) return true;
    return !isZone(park.name) && normaliseName(text.slice(n.start, n.end)).includes(p);
  });
}

/**
 * The zone the report is about: the most specific zone named in its first two sentences (title, lead)
 * that is not only the venue of an event; "高新区板仓工业园区" → 板仓工业园区.
 */
/** "中国多地重大项目抓紧开工建设": a round-up of many places has no one zone, whatever zone it names first. */
export function isRoundUp(text: string, sentences: readonly Sentence[]): boolean {
  return /多地|各地|多省|多个省|全国各/.test(text.slice(0, leadEnd(sentences)));
}

/** Where an article's lead ends: its title and first sentence. */
function leadEnd(sentences: readonly Sentence[]): number {
  return sentences[Math.min(1, sentences.length - 1)]?.end ?? 0;
}

export function articleZone(
  text: string,
  parks: readonly ParkMention[],
  sentences: readonly Sentence[],
  names: readonly ProjectNameMention[],
): ParkMention | undefined {
  const end = leadEnd(sentences);
  const lead = parks.filter(
    (p) =>
      p.end <= end &&
      (isZone(p.name) || writtenAsPlace(text, p.name)) &&
      // A bare 经开区 or 高新区 is the article's zone only when the article comes back to it.
      // A quarter of a bare one (开发区西区) names a place of its own.
      (p.name.length >= 4 || (/^(?:经开区|高新区)$/.test(p.name) && text.split(p.name).length - 1 >= 2)) &&
      !isProjectsOwnName(p, names, text) &&
      !isVenue(text, p) &&
      !coordinatedAnywhere(text, parks, p) &&
      !headsOneProject(text, p, names) &&
      !insideListItem(text, p) &&
      !placesNoProject(text, p) &&
      !locatesNamedProject(text, p, names) &&
      // "和盛食品是…加工厂，位于福州经济技术开发区亭江镇": where one firm or plant is, not the report's zone.
      !/位于$/.test(text.slice(Math.max(0, p.start - 2), p.start)),
  );
  const first = lead[0];
  if (!first) return undefined;
  // A zone written right after another (高新区板仓工业园区) is the narrower one.
  const next = lead[1];
  return next && next.start - first.end <= 1 ? next : first;
}

/**
 * "全市12个地区和太平湾合作创新区新开工项目共24个", "A经开区、B高新区": a zone joined to other places by
 * 和/及/与/、 is one of several owners of the batch, not the park of each of its projects.
 */
export function coordinatedWithPlaces(text: string, p: ParkMention): boolean {
  const before = text.slice(Math.max(0, p.start - 12), p.start);
  const after = text.slice(p.end, p.end + 12);
  // The other side is a place (…地区, …县, …区), not a firm that signs with the zone (A区与B公司签约).
  return (
    /(?:[区县市镇]|地区)[和及与、]$/.test(before) ||
    /^[和及与、][\u4e00-\u9fff]{1,9}?(?:[区县市镇])/.test(after)
  );
}

/**
 * "其中A项目，总投资5.2亿元，位于B工业园": a zone the lead gives as where a project named before it in the
 * same sentence lies is that project's place, not the report's.
 */
function locatesNamedProject(text: string, p: ParkMention, names: readonly ProjectNameMention[]): boolean {
  if (!/(?:位于|坐落于|落户|落地|选址)$/.test(text.slice(Math.max(0, p.start - 3), p.start))) return false;
  const sentenceStart = lastBreakBefore(text, p.start, '。！？\n') + 1;
  return names.some((n) => !n.aggregate && !n.reference && n.start >= sentenceStart && n.end <= p.start);
}

/**
 * "德令哈工业园A、B等4个项目已开复工": the name a zone heads (inside it or right after it) when that name
 * opens a 、 list — the zone is then where each listed project is; undefined otherwise.
 */
export function listOpenedByPark(
  text: string,
  park: ParkMention,
  names: readonly ProjectNameMention[],
): ProjectNameMention | undefined {
  const inside = names.find((n) => !n.reference && !n.aggregate && headsNamedProject(park, n, text));
  const first = inside ?? nameHeadedByPark(text, park, names);
  if (!first || text.slice(park.end, first.start).includes('的')) return undefined;
  // The zone opens the list: an item in the middle of one (…、A园区及B产业园、…) is a name of its own.
  const opening = Math.min(park.start, first.start);
  if (/[、和及与]$/.test(text.slice(Math.max(0, opening - 1), opening))) return undefined;
  return /^(?:项目)?、/.test(text.slice(first.end, first.end + 3)) ? first : undefined;
}

/** Between a list's last name (its 项目 included) and the zone its projects are in: "等4个项目同时在", "落户". */
const LIST_TO_PLACE =
  /等?(?:[\d一二三四五六七八九十]+个(?:项目)?)?(?:同时|均|都|已|将|分别|相继|先后|集中|正式)*(?:在|落户于?|落地于?|入驻|进驻)$/;
/** After the zone: the step the listed projects took there, not an event held in it. */
const STEP_IN_PLACE =
  /^(?:内|里)?(?:同时|集中|正式|顺利|相继)?(?:开工|动工|开建|签约|落户|落地|建设|投产|竣工|建成|开业)/;

/**
 * "A、B和C4个项目同时在宁夏生态纺织产业示范园开工": the zone a list of names is placed in right after
 * its last name is each listed project's park. Returns where the connecting words begin, or -1.
 */
export function listPlacedInPark(text: string, park: ParkMention): number {
  const before = text.slice(Math.max(0, park.start - 24), park.start);
  const m = LIST_TO_PLACE.exec(before);
  if (!m) return -1;
  // "A等7个项目落户香坊园区": settling in the zone is the step itself; after 在 the step follows the zone.
  const settled = /(?:落户于?|落地于?|入驻|进驻)$/.test(m[0]);
  if (!settled && !STEP_IN_PLACE.test(text.slice(park.end, park.end + 8))) return -1;
  return park.start - m[0].length;
}

/**
 * "在新华区高新技术产业园区A公司B项目一期车间内": a zone heading one project's name is that project's,
 * not the report's. One that heads a list (A区B产业园等重大项目, A区的B、C等5个项目) is the batch's.
 */
function headsOneProject(text: string, p: ParkMention, names: readonly ProjectNameMention[]): boolean {
  const headed = nameHeadedByPark(text, p, names);
  if (!headed || text.slice(p.end, headed.start).includes('的')) return false;
  return !/^(?:项目)?[、等和及与]/.test(text.slice(headed.end, headed.end + 3));
}

/**
 * "出席长沙经开区长沙县一批重大项目…活动", then "长沙经开区、长沙县…": a title may run together the places
 * the text joins by 、; a zone joined to other places at any of its mentions shares the batch with them.
 */
function coordinatedAnywhere(text: string, parks: readonly ParkMention[], p: ParkMention): boolean {
  return parks.some((q) => q.name === p.name && coordinatedWithPlaces(text, q));
}

/** What may follow a park's name inside the name of a project built there (not 建设, 一期 of itself). */
const NOT_ANOTHER_PROJECT = /^(?:建设|一期|二期|三期|基础设施|配套|扩建|提升|项目)/;

/**
 * The rest of a name after a park that heads it names a project of its own (莱卡氨纶纤维项目). After a
 * zone (盐南高新区德利迅达云计算产业基地) it does without 项目: a zone is never a project's own name.
 */
function hostsNamedProject(rest: string, zone = false): boolean {
  return /^[\u4e00-\u9fff]{2,}/.test(rest) && !NOT_ANOTHER_PROJECT.test(rest) && (zone || /项目$/.test(rest));
}

/**
 * A 产业园 the article treats as a place: it heads another project's name (苏银产业园莱卡…项目), or the
 * text speaks of its officials or of what is inside it (苏银产业园相关负责人, 青凤高科产业园各重点在建项目).
 */
function writtenAsPlace(text: string, park: string): boolean {
  for (let i = text.indexOf(park); i >= 0; i = text.indexOf(park, i + 1)) {
    const after = text.slice(i + park.length, i + park.length + 24);
    if (/^(?:内|里|相关负责人|负责人|管委会|各|共有|已有|现有)/.test(after)) return true;
    const name = /^[^，,。；;、\s]{2,20}?项目/.exec(after)?.[0];
    if (name && hostsNamedProject(name)) return true;
  }
  return false;
}

/**
 * "苏银产业园莱卡氨纶纤维项目", "华容县石伏工业园区10万锭纺织标准化厂房建设项目": a park heading a longer
 * name (after its county at most) is where that project is, not the project's own name.
 */
export function headsNamedProject(
  park: { name: string; start: number; end: number },
  name: { start: number; end: number },
  text: string,
): boolean {
  if (park.start < name.start || park.end > name.end) return false;
  const before = text.slice(name.start, park.start);
  if (before !== '' && !/^[\u4e00-\u9fff]{1,5}[省市县区]$/.test(before)) return false;
  return hostsNamedProject(text.slice(park.end, name.end), isZone(park.name));
}

/** What may follow a park's name inside the name of the firm that runs it: its trade and legal form. */
const FIRM_OF_PARK =
  /^(?:投资|开发|建设|发展|管理|运营|实业|置业|服务|科技)*(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团|公司)$/;

/**
 * "TCL科技产业园有限公司", "开发区投资开发有限公司": a park whose name ends where a firm's trade and legal
 * form begin is that firm's name (the firm that owns or runs it), not a place a project is in. A park
 * heading a firm with a name of its own (九江经开区润通包装有限公司) stays the place it is.
 */
export function isFirmsName(text: string, park: ParkMention, firms: readonly FirmMention[]): boolean {
  return firms.some(
    (f) => f.start <= park.start && park.end < f.end && FIRM_OF_PARK.test(text.slice(park.end, f.end)),
  );
}

/** A count of projects: 12个项目, 5个重点项目, 三批项目, 开工建设项目117项. */
const BATCH_COUNT =
  /(?:\d+|[一二两三四五六七八九十]+)(?:个|项|批)[^，,。；;]{0,12}?项目|项目(?:共|达)?(?:\d+|[一二两三四五六七八九十]+)项/;

/** The ；-clauses of a sentence: each can place its own batch ("…117项,…;黄羊工业园区开工建设项目65项"). */
function clausesOf(text: string, sent: Sentence): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let pos = sent.start; pos < sent.end; ) {
    const clause = semicolonClause(text, sent, pos);
    out.push(clause);
    pos = clause.end + 1;
  }
  return out;
}

/**
 * "；黄羊工业园区开工建设项目65项，总投资11.43亿元": a zone that a counted batch follows in its clause, with no
 * project named between, is that batch's place — not the park of the project named before it.
 */
export function zoneOfCountedBatch(
  text: string,
  park: ParkMention,
  names: readonly ProjectNameMention[],
): boolean {
  const clauseEnd = park.end + (/[，,。；;]/.exec(text.slice(park.end, park.end + 30))?.index ?? 30);
  const count = BATCH_COUNT.exec(text.slice(park.end, clauseEnd));
  // "X项目是沁源经开区的一项新型产业类项目": one project is no batch.
  if (!count || /^一[个项]/.test(count[0]) || !isZone(park.name)) return false;
  const at = park.end + count.index;
  return !names.some((n) => !n.aggregate && !n.reference && n.end > park.end && n.start < at);
}

/**
 * "在青山经济开发区，12个重点项目集中开工，总投资36亿元。其中，华锐…项目…": a sentence that places a batch of
 * projects in a zone is the park of the projects named after it without one of their own, up to the next
 * such sentence. Returns, for a position, the zone of the last batch sentence before it.
 */
/** "…新校区二期、淞江产业集聚区生态水系、缔旺…": a park inside an item of a 、-list is that item's alone. */
function insideListItem(text: string, p: ParkMention): boolean {
  return text[p.start - 1] === '、';
}

export function batchZones(
  text: string,
  parks: readonly ParkMention[],
  sentences: readonly Sentence[],
  names: readonly ProjectNameMention[],
): (pos: number) => ParkMention | undefined {
  const batches: Array<{ start: number; zone: ParkMention }> = [];
  for (const sent of sentences.flatMap((s) => clausesOf(text, s))) {
    const count = BATCH_COUNT.exec(text.slice(sent.start, sent.end));
    if (!count) continue;
    // The zone opens the batch (在A区，12个项目…); "6个项目中…分别是A区的X、Y" is the zone of some items.
    const zone = parks.find(
      (p) =>
        p.start >= sent.start &&
        p.end <= sent.start + count.index &&
        text[p.end] !== '的' &&
        isZone(p.name) &&
        p.name.length >= 4 &&
        !isVenue(text, p) &&
        !insideListItem(text, p) &&
        !placesNoProject(text, p) &&
        !coordinatedAnywhere(text, parks, p) &&
        !isProjectsOwnName(p, names, text),
    );
    if (zone) batches.push({ start: sent.start, zone });
  }
  return (pos) => batches.filter((b) => b.start <= pos).at(-1)?.zone;
}

/**
 * "集中签约仪式上，临汾经济开发区精密智造项目，侯马经济开发区高频变压器、电感元器件项目": a park written
 * right before a project's name, in the same clause and with no other name between, heads that name:
 * it is where that project is, not the park of the project named before it.
 */
export function nameHeadedByPark(
  text: string,
  park: ParkMention,
  names: readonly ProjectNameMention[],
): ProjectNameMention | undefined {
  const next = names.filter((n) => n.start >= park.end).sort((a, b) => a.start - b.start)[0];
  if (!next || next.reference || next.aggregate) return undefined;
  const gap = text.slice(park.end, next.start);
  // "…、南安市海西零碳智慧园区、泉州开发区金旭…项目": a park followed by 、 is an item of its own, and
  // so is a park that opens an item of a 、-list with words of its own (…、青山产业集聚区生态水系、远山…).
  const itemOfList = insideListItem(text, park) && gap.includes('、');
  if (gap.length > 12 || itemOfList || /^[、和及与]/.test(gap) || /[，,。；;：:！!？?\n（(]/.test(gap))
    return undefined;
  return next;
}
