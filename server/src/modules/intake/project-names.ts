// Project names: "年产…的…项目", "…项目", "A、B、C等项目" lists, and facilities built with an investment
// ("计划投资约10亿元建设…产业园"). A 项目 whose stem is generic (该项目, 重点项目之一, 产业类项目54个)
// is returned as a reference so the assembler can tie the sentence's facts to the project in focus.

import { lastBreakBefore, Occupancy } from './clean-text';
import type { FirmMention } from './entity-extractor';
import { findFacilities, findStagedFacilities } from './facility-names';
import { findFirmProjects } from './firm-projects';
import { findHeadlessNames } from './headless-names';
import { findClauseLists } from './list-clauses';
import { findListSiblings } from './list-siblings';
import { isStopWord, scanBack } from './name-scan';
import { PARK_PREFIX, PROJECT_SCAN, stripPrefix } from './name-stem';
import { isConcreteStem, isFirmShortName, isListOfKinds } from './project-concreteness';
import { findOpenedLists, findWorks, isDescribedBatch, LIST_TAIL, splitJoinedItem } from './project-lists';
import type { ProjectNameMention } from './project-name-mention';

const GENERIC_STEM =
  /^(?:|重点|重大|代表|优选|签约|开工|招商|建设|在建|新建|续建|产业|民生|大|好|新|各类|各|龙头|集中开工|这些|上述|相关|投资|合作|外资|内资|示范|试点|储备|谋划|招引|工业|制造业|亿元以上|十亿元以上|亿元|十佳|该|此|本|这个|这些|此类|同类|单个|首个|大项目|好项目)$|(?:类|个|批|重点|招商|优选|代表|签约|开工|重大|亿元|好|各|新)$/;
/**
 * Words that say what kind of project, not which one (产业/基础设施/重点/二期/2022年第四季度 …): a stem
 * made only of them names no project (基础设施项目, 重大产业带动项目, 2022年第四季度项目).
 */
const CATEGORY_WORD =
  /^(?:项目|[和与及、]|战略性新兴产业|新兴产业|先进制造业|制造业|服务业|现代服务业|基础设施|社会事业|社会民生|公共服务|民生|产业|工业|农业|实体|带动|配套|跟踪|动员|开工动员|招商引资|招商|预计|服务|储备|在谈|签约|开工|续建|新建|在建|重点|重大|大|好|优质|龙头|[一二两三四五首本]期|上|类|过?\d+(?:\.\d+)?亿元(?:以上)?|亿元以上|亿元|\d{4}年(?:度)?|第[一二三四]季度|[一二三四]季度|今年|去年|明年|上半年|下半年|年度|全年|全省|全市|全县|全区|本次|此次|这批|一批|多个|等)/;
/** A verb before a name is no part of it (争取项目…, 实现20GW…项目), nor a batch it opens (项目包含A项目). */
const LEADING_VERB =
  /^(?:项目)?(?:希望|争取|实现|建立|举行|推进|加快|确保|力争|抓好|围绕|引进|招引|谋划|包括|包含|涉及|属于|分别是|分别为|预计|(?:正在?)?办理|(?:成功)?签订|签署)/;

function isCategoryOnly(stem: string): boolean {
  let rest = stem;
  for (let i = 0; i < 12 && rest.length > 0; i++) {
    const m = CATEGORY_WORD.exec(rest);
    if (!m || m[0].length === 0) break;
    rest = rest.slice(m[0].length);
  }
  return rest.length === 0;
}

/** "A、B、C3个产业项目": a count closes a 、 list without 等. */
const COUNTED_TAIL = /(?<![\d.万亿千百])(?:\d+|[两三四五六七八九十]+)个([^，,。；;：:\n等、]{0,20})$/;
/** "等9个省、市重点项目": levels of government joined by 、 before the category words. */
const LEVELS = /^(?:[省市县区](?:级)?、)*[省市县区](?:级)?/;
/** "等一批投资体量大、市场前景广阔的项目": a description ending in 的 says what kind, not which. */
const DESCRIPTION = /^(?:一批|一系列)?[^，,。；;：:\n]{0,16}的$/;
function listBefore(before: string): RegExpExecArray | null {
  const counted = COUNTED_TAIL.exec(before);
  const clause = counted
    ? (before
        .slice(0, counted.index)
        .split(/[，,。；;：:\n]/)
        .pop() ?? '')
    : '';
  // The short window is enough for "…等(151个)(续建)项目"; a counted list needs its 、 to be seen.
  const m = LIST_TAIL.exec(before) ?? (counted && clause.includes('、') ? counted : null);
  const tail = m?.[1] ?? '';
  if (!m) return null;
  const category = (t: string) => t === '' || (/^[\u4e00-\u9fff]{0,8}$/.test(t) && isCategoryOnly(t));
  return category(tail) ||
    category(tail.replace(LEVELS, '')) ||
    DESCRIPTION.test(tail) ||
    isDescribedBatch(tail, before.slice(0, m.index), category)
    ? m
    : null;
}
const NON_INVESTMENT_LIST = /基础设施|民生|社会事业|公共服务|市政|交通|水利/;
const PLANNED_LIST_LEAD = /^(?:重点)?(?:规划|拟)(?:发展|建设|布局)+/;

/** Continues a name through "年产5万吨的" / "年产2万套产品的": a capacity is part of the project's name. */
function extendThroughCapacity(text: string, start: number): number {
  if (text[start - 1] !== '的') return start;
  const window = text.slice(Math.max(0, start - 18), start - 1);
  const at = window.lastIndexOf('年产');
  if (at < 0 || !/^年产[约近]?\d[^，,。；的、]*$/.test(window.slice(at))) return start;
  const capStart = start - 1 - (window.length - at);
  return scanBack(text, capStart, 0, PROJECT_SCAN);
}

/**
 * The items of a list that ends at `listEnd`. `kind` is what the list says its items are (基础设施,
 * 产业 …): a list of roads and schools is not a list of investment projects, but an 产业 list in a
 * sentence that also lists infrastructure is.
 */
function listItems(
  text: string,
  listEnd: number,
  kind: string,
  firms: readonly FirmMention[],
): ProjectNameMention[] {
  if (NON_INVESTMENT_LIST.test(kind)) return [];
  // "签约项目聚焦三大主导产业，包括航空飞行器制造、航空发动机…等项目": fields a batch covers, not projects.
  if (/(?:聚焦|涵盖|涉及|覆盖)[^。；;]{0,30}(?:产业|领域|行业)[^。；;、]{0,6}(?:包括|有|如)/.test(kind))
    return [];
  let s = listEnd;
  // "规划发展建设烃重组设备、苯酚丙酮扩能改造…等项目": what a zone plans to develop is a kind of industry,
  // not projects anyone has signed.
  if (
    PLANNED_LIST_LEAD.test(
      text
        .slice(Math.max(0, listEnd - 120), listEnd)
        .split(/[，,。；;：:\n]/)
        .pop() ?? '',
    )
  )
    return [];
  while (s > 0 && listEnd - s < 200 && !/[，,。；;：:\n]/.test(text[s - 1] ?? '')) s--;
  const out: ProjectNameMention[] = [];
  let pos = s;
  const raws = text.slice(s, listEnd).split('、');
  // "城市更新、文旅融合、基础设施等大项目": an item that is only a category word makes it a list of kinds.
  if (isListOfKinds(raws) || raws.some((r) => isCategoryOnly(r.replace(/项目$/, '')))) return [];
  for (const [i, whole] of raws.entries()) {
    // "此次集中开工有A、B…": the first item runs back to the clause start; its name starts where a name
    // would if it stood alone (after 开工, 有 …).
    const cut = i === 0 ? scanBack(text, s + whole.length, s, PROJECT_SCAN) - s : 0;
    const tail = whole.slice(cut).replace(/^(?:既有|又有|还有|更有|有|是|为|包括|主要有)/, '');
    const raw = cut > 0 && isConcreteStem(tail.replace(/项目$/, '')) ? whole.slice(cut) : whole;
    pos += whole.length - raw.length;
    // "总投资15亿元的华晟精密轴承项目": the amount before 的 is the item's figure, not its name.
    const lead =
      /^(?:[^、]{0,20}?(?:项目|工程|实事)中)?(?:主要包括|包括|主要有|既有|又有|还有|更有|如|有|其中|当日|当天)?(?:[^、]{0,12}?(?:承担|实施|推进|引进|签约|开工|落户|承接|谋划|储备)的)?(?:[^、]{0,24}?(?:投资|投入)[约近超达]?[\d.]+[万亿]*元(?:以上)?的)?/.exec(
        raw,
      )?.[0].length ?? 0;
    // "青山经开区电子材料产业园、…等项目": a zone opening the first item is where it is, not its name.
    const item = (i === 0 ? stripPrefix : String)(raw.slice(lead).replace(/项目$/, ''));
    const start = pos + raw.replace(/项目$/, '').length - item.length;
    // "由某公司投资1.3亿元的…": the firm named in the item's lead is its investor.
    const investor = firms.find((f) => f.start >= pos && f.end <= start && f.source !== 'enumeration');
    pos += raw.length + 1;
    if (item.length < 2 || item.length > 30 || !(isConcreteStem(item) || isFirmShortName(item))) continue;
    const parts = i === raws.length - 1 && raws.length > 1 ? splitJoinedItem(item) : [{ name: item, at: 0 }];
    for (const part of parts)
      out.push({
        name: `${part.name}项目`,
        start: start + part.at,
        end: start + part.at + part.name.length,
        reference: false,
        anaphoric: false,
        aggregate: false,
        companyHint: part.at === 0 ? (investor?.name ?? null) : null,
      });
  }
  return out;
}

/**
 * "兴泉铁路泉州段总投资153亿元、南山文化生态园总投资80亿元": a name without 项目 right before its
 * 总投资 (from the previous comma or list mark) is a project when it is not a category or a reference.
 */
function findInvestedNames(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  const re = /(?:计划|拟|项目)?总投资(?:约|近|超|达|逾)?[\d.]+[万亿]*元/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let s = m.index;
    while (s > 0 && m.index - s < 30 && !/[，,、；;。：:\n（(）)“”]/.test(text[s - 1] ?? '')) s--;
    const raw = text.slice(s, m.index);
    const name = stripPrefix(raw.replace(/^(?:其中|另外|此外|以及|和|及)/, '')).replace(LEADING_VERB, '');
    if (name.length < 3 || /项目|的|是|为|有|共|在|将|已|该|此|其|这/.test(name) || isCategoryOnly(name))
      continue;
    if (/\d/.test(name.slice(0, 1)) || GENERIC_STEM.test(name) || !isConcreteStem(name)) continue;
    const start = m.index - name.length;
    out.push({
      name,
      start,
      end: m.index,
      reference: false,
      anaphoric: false,
      aggregate: false,
      companyHint: null,
    });
  }
  return out;
}

/**
 * "杏山项目区", "项目部", "项目库": 项目 as the first half of another noun (project area, site office, pool)
 * names no project; 项目区位, 项目部分, 项目组成 are the project's own location, part, make-up.
 */
const COMPOUND_AFTER =
  /^(?:区(?!位|域)|部(?!分|署)|组(?!织|成|建)|办(?!理|公)|库(?!存|房)|制(?!造|作|定|品))/;

/**
 * "此次集中开工项目达产后…", "这些项目投产后…": the projects of a batch, not the one in focus; figures in
 * the clause are the batch's. (本次签约项目 of a one-project report is left to refer to that project.)
 */
const BATCH_REFERENCE =
  /(?:这些|上述|这批|该批|各|集中(?:签约|开工|投产|竣工|开竣工|签约开工|开工签约))(?:的)?(?:重点|重大|产业|招商引资)?$/;

/**
 * "某肉业有限公司投产近一年…。如今，企业又…上马了二期项目": a phase alone (二期项目) is the phase of the
 * firm the text is about — the nearest firm before it in the paragraph, with no project named between.
 */
function firmOfPhase(text: string, firms: readonly FirmMention[], at: number): FirmMention | undefined {
  const from = Math.max(lastBreakBefore(text, at, '\n', 200) + 1, at - 160);
  const before = firms.filter((f) => f.start >= from && f.end <= at && f.source !== 'enumeration').pop();
  if (!before || /项目/.test(text.slice(before.end, at).replace(/项目(?:区|部|组|办)/g, '')))
    return undefined;
  return before;
}

/** Words before the name of a part a project builds: 主要建设内容为, 配套建设, 其中…建设. */
const COMPONENT_LEAD = /(?:建设内容(?:主要)?(?:为|是|包括)?|主要建设|配套建设|同步建设|[，,]建设)$/;

/** Whether a concrete project is named before `at` in the same sentence (a clause run up to 。 or ；). */
function namedEarlierInSentence(text: string, names: readonly ProjectNameMention[], at: number): boolean {
  const from = lastBreakBefore(text, at, '。；;\n', 300) + 1;
  return names.some((n) => !n.reference && !n.aggregate && n.start >= from && n.end <= at);
}

/** The end of a part that names a plant of its own (…番茄酱加工生产线). */
const FACILITY_END = /(?:生产线|线|厂|车间|基地|中心|园|楼|库|站|工程)$/;

/**
 * "…、新疆通奥油田技术服务有限公司管材修复、防腐内涂层现代化生产线项目": an item of a list of firms' projects
 * may hold a 、 of its own; the part before it that a firm heads, with no 项目 of its own, starts the name.
 */
function firmHeadedPartBefore(
  text: string,
  start: number,
  firmByStart: ReadonlyMap<number, FirmMention>,
): number {
  // A name that a firm heads itself is another firm's item (A公司年产5000吨木糖生产线、B公司…项目).
  if (text[start - 1] !== '、' || firmByStart.get(start)?.legal) return start;
  const partStart = lastBreakBefore(text, start - 1, '、，,。；;：:\n', 40) + 1;
  const firm = firmByStart.get(partStart);
  const part = text.slice(partStart, start - 1);
  // A part that ends in a plant of its own (…年产4万吨番茄酱加工生产线) is an item of its own.
  if (!firm?.legal || start - 1 - firm.end < 2 || part.includes('项目') || FACILITY_END.test(part))
    return start;
  return partStart;
}

/** Bound on 项目 mentions read per article: no real article has more; junk input may. */
const MAX_NAMES = 3000;

/** All project names and references in cleaned text, in text order. */
export function findProjectNames(text: string, firms: readonly FirmMention[]): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  const firmByEnd = new Map(firms.filter((f) => f.source !== 'enumeration').map((f) => [f.end, f]));
  const firmByStart = new Map(firms.map((f) => [f.start, f]));
  const re = /项目/g;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null && out.length < MAX_NAMES) {
    const p = m.index;
    const end = p + 2;
    const after = text.slice(end, end + 6);
    const beforeText = text.slice(Math.max(0, p - 12), p);
    const listMatch = listBefore(text.slice(Math.max(0, p - 200), p));
    const aggregate =
      /^(?:\d+|[一二三四五六七八九十百]+)[个只]/.test(after) ||
      /(?:\d+项|(?:\d+|[一二三四五六七八九十百两]+)[个只])(?:[^，,。；、]{0,8})?$/.test(beforeText) ||
      // "6大项目共签约投资达19.92亿元": a count of big ones is a batch.
      /(?:\d+|[一二三四五六七八九十两])大(?:重点|重大|产业|签约)?$/.test(beforeText);
    if (listMatch) {
      const listEnd = p - listMatch[0].length;
      // The list's kind: its own category words (…等基础设施项目), else what the sentence said before it
      // (基础设施类项目25个，主要包括A、B等项目).
      const kind = listMatch[1] || text.slice(lastBreakBefore(text, listEnd, '。\n', 300) + 1, listEnd);
      out.push(...listItems(text, listEnd, kind, firms));
      out.push({
        name: '项目',
        start: p,
        end,
        reference: true,
        anaphoric: false,
        aggregate: true,
        companyHint: null,
      });
    } else {
      let start = scanBack(text, p, 0, PROJECT_SCAN);
      // "成品粮储备库项目", "…服务平台建设项目": a two-character stop word (储备, 建设) right before a stem
      // of one character or none is inside a longer name; what it then reads must still be concrete.
      if (
        p - start <= 1 &&
        /^[\u4e00-\u9fff]{3}$/.test(text.slice(start - 3, start)) &&
        isStopWord(text.slice(start - 2, start))
      )
        start = scanBack(text, start - 2, 0, PROJECT_SCAN);
      start = extendThroughCapacity(text, start);
      start = firmHeadedPartBefore(text, start, firmByStart);
      // "A项目与B项目": B's name starts after the first project's 项目 and the connector.
      const rawStem = text.slice(start, p).replace(/^.*项目[和与及]/, '');
      let stem = stripPrefix(rawStem).replace(LEADING_VERB, '');
      // "某经济区基础设施配套项目总投资50亿元": only category words after the park, and a figure of its
      // own right after — the park is what names this project (not a batch: …产业项目集中签约).
      if (isCategoryOnly(stem) && /^(?:计划|拟)?总?投资/.test(after)) {
        const withPark = stripPrefix(rawStem, true).replace(LEADING_VERB, '');
        if (PARK_PREFIX.test(withPark) && !isCategoryOnly(withPark)) stem = withPark;
      }
      const stemStart = p - stem.length;
      const firmBefore = stem === '' && text[p - 1] === '的' ? firmByEnd.get(p - 1) : undefined;
      // "安九项目": a short stem that is part of a firm named in the text is that firm's project.
      const firmShort =
        stem.length >= 2 && firms.some((f) => f.name.includes(stem) || f.declaredAlias?.includes(stem));
      // "共谋划年度重点工程项目56项": a count right after 项目 makes the words before it a class of projects
      // — unless it closes a list (A项目、B项目、C项目3项), where it counts the names.
      const countedClass =
        /^(?:共|合计)?(?:\d+|[一二两三四五六七八九十百]+)[个项](?=[，,。；;：:\s]|$)/.test(after) &&
        !/[、和及]$/.test(text.slice(Math.max(0, start - 1), start));
      const generic =
        countedClass ||
        COMPOUND_AFTER.test(after) ||
        GENERIC_STEM.test(stem) ||
        stem.length < 2 ||
        isCategoryOnly(stem) ||
        (!firmShort && !isConcreteStem(stem));
      const phaseOf = /^[一二三四五]期$/.test(stem) ? firmOfPhase(text, firms, stemStart) : undefined;
      if (phaseOf) {
        out.push({
          name: `${phaseOf.name}${stem}项目`,
          start: stemStart,
          end,
          reference: false,
          anaphoric: false,
          aggregate: false,
          companyHint: phaseOf.name,
        });
      } else if (firmBefore) {
        out.push({
          name: `${firmBefore.name}项目`,
          start: firmBefore.start,
          end,
          reference: false,
          anaphoric: false,
          aggregate: false,
          companyHint: firmBefore.name,
        });
      } else {
        const lead = text.slice(Math.max(0, stemStart - 5), stemStart);
        const capAt = stem.indexOf('年产');
        // "台江县年产20万吨…项目": a county before the capacity is where, not who.
        const beforeCap = capAt >= 2 ? stem.slice(0, capAt) : null;
        const hint =
          beforeCap && !/[省市县区镇乡州]$/.test(beforeCap)
            ? beforeCap
            : (firmByStart.get(stemStart)?.name ?? null);
        // "君正…项目计划总投资89.5亿元，主要建设内容为氯碱化工和2×350MW…机组项目": what a named
        // project builds is part of it, not another project.
        const component =
          !generic &&
          COMPONENT_LEAD.test(text.slice(Math.max(0, stemStart - 8), stemStart)) &&
          namedEarlierInSentence(text, out, stemStart);
        out.push({
          name: generic ? '项目' : `${stem}项目`,
          start: generic ? p : stemStart,
          end,
          reference: generic,
          // "该项目占地800亩…，实现20GW高效晶硅电池项目建设": a name in a sentence about 该项目 is that project.
          anaphoric:
            component ||
            (!generic &&
              (/(?:这是一个|这是|是一个|也是)$/.test(lead) ||
                (/(?:实现|建设|建成|打造|用于|推进|规划|完成)$/.test(lead) &&
                  /(?:该|此|本)项目[^。；;\n]*$/.test(text.slice(Math.max(0, stemStart - 60), stemStart))))),
          aggregate: aggregate || countedClass || (generic && BATCH_REFERENCE.test(beforeText)),
          companyHint: generic ? null : hint,
        });
      }
    }
    m = re.exec(text);
  }
  const occupied = new Occupancy(text.length);
  for (const o of out) occupied.take(o.start, o.end);
  const facilities = findFacilities(text).filter(
    (f) => occupied.free(f.start, f.end) && !namedEarlierInSentence(text, out, f.start),
  );
  for (const f of facilities) occupied.take(f.start, f.end);
  const staged = findStagedFacilities(text, isConcreteStem).filter((f) => occupied.free(f.start, f.end));
  for (const f of staged) occupied.take(f.start, f.end);
  const invested = findInvestedNames(text).filter((f) => occupied.free(f.start, f.end));
  for (const f of invested) occupied.take(f.start, f.end);
  const listed = [
    ...findOpenedLists(text, firms),
    ...findClauseLists(text),
    ...findWorks(text),
    ...findHeadlessNames(text),
  ].filter((f) => occupied.free(f.start, f.end));
  for (const f of listed) occupied.take(f.start, f.end);
  const siblings = findListSiblings(text, [...out, ...listed], (s, e) => occupied.free(s, e));
  for (const f of siblings) occupied.take(f.start, f.end);
  const ofFirms = findFirmProjects(text, firms, (s, e) => !occupied.free(s, e));
  // A list item is often found again by the 项目 scan with the firm it starts with; one mention
  // of a name, the one that knows its firm, so the bare copy cannot join a look-alike project.
  const hinted = new Set(out.filter((o) => o.companyHint).map((o) => o.start));
  const once = out.filter((o) => o.companyHint || o.reference || !hinted.has(o.start));
  return [...once, ...facilities, ...staged, ...invested, ...listed, ...siblings, ...ofFirms].sort(
    (a, b) => a.start - b.start,
  );
}
