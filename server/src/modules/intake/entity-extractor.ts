// Named things in an article: firms (legal names, short names with 公司/集团, names the caller already
// knows, names introduced by a listing or an alias declaration); parks (park-mentions.ts) and people with
// their titles (people-mentions.ts) are found beside it and re-exported here.
// Offsets are into cleaned text (clean-text.ts); extract.ts maps them back to the input.

import { lastBreakBefore, Occupancy } from './clean-text';
import { findAgentFirms } from './firm-agents';
import { tagWords } from './firm-short-names';
import { trimClauseWords } from './firm-stems';
import { isIdeograph, type ScanOptions, scanBack } from './name-scan';
import type { FirmSource, KnownFirm } from './types';

export interface FirmMention {
  name: string;
  start: number;
  end: number;
  legal: boolean;
  source: FirmSource;
  knownId: string | null;
  /** Alias declared right after the name: （以下简称“金桥公司”）. */
  declaredAlias: string | null;
}

const FIRM_SUFFIX =
  /集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|控股集团|控股公司|集团公司|集团|公司|控股/g;
const LEGAL_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司)$/;
const FIRM_SCAN: ScanOptions = {
  maxLen: 28,
  minStem: 2,
  stopAtDigits: true,
  // "此次双鹏新能源科技(江苏)有限公司": words of the sentence before a name are not part of it.
  // "台企长春颖霆科技有限公司": a word saying what kind of firm (台企, 外企, 民企) is not part of its name.
  extraStops: [
    // "中国500强企业水发集团有限公司": a ranking the firm holds is not part of its name; nor is the verb of
    // joining a group (2007年加入中粮可口可乐饮料有限公司) or the firms of a zone (入园企业天然气公司).
    '强企业',
    '强企',
    '加入',
    '入园企业',
    '深耕',
    '龙头',
    '此次',
    '本次',
    '当日',
    '当天',
    '台企',
    '外企',
    '民企',
    '港企',
    '央企',
    '国企',
  ],
};
/** "湖南湖北分公司": a stem of province names only says where, not which firm. */
const ONLY_PROVINCES =
  /^(?:(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)(?:省)?){2,}(?:分)?$/;
/** Stems that make 公司/集团 a common noun (该公司, 子公司, 上市公司), not a name. */
const GENERIC_FIRM_STEM =
  /^(?:多元化|综合性|国际化|现代化|该|本|这家|那家|一家|两家|多家|各|子|分|母|总|我|贵|新|老|上市|国有|民营|外资|合资|独资|投资|科技|集团|控股|股份|旗下|其|大型|中小|龙头|骨干|规上|企业|城投|平台|省属|市属|县属|央企|国企|公|有限|物流|贸易|运营|管理|建设|开发|担保|文化|项目|(?:境内|境外|A股|港股|主板|创业板)?上市)$/;
const GOVERNMENT =
  /(?:政府|管委会|委员会|办公室|人大|政协|党委|局|厅|部|办|院|所|中心|协会|学会|学校|大学|医院)$/;

/** Firm names ending in a legal or common suffix, with the alias a text declares for them. */
/** Verbs that name a party's role with 方 (投资方, 签约方, 合作方): the firm's name starts after 方. */
const PARTY_ROLE = /(?:投资|签约|合作|建设|出资|运营|承建|开发|招商|合资)$/;

/**
 * "。福州和盛食品有限公司…": the scan stops at 和 as a conjunction, but a place name alone between a clause
 * break and 和 cannot be the first of two firms; 和 is then part of the name (和盛, 和泰).
 */
function placeBeforeAnd(text: string, start: number, floor: number): number {
  const and = text[start] === '和' ? start : start - 1;
  if (text[and] !== '和') return start;
  const from = Math.max(floor, lastBreakBefore(text, and, '，,。；;：:、\n“"（(', 6) + 1);
  const place = text.slice(from, and);
  const words = place.length >= 2 ? tagWords(place) : [];
  return words.length === 1 && words[0]?.tag === 'ns' ? from : start;
}

function findSuffixedFirms(text: string): FirmMention[] {
  const out: FirmMention[] = [];
  FIRM_SUFFIX.lastIndex = 0;
  let m: RegExpExecArray | null = FIRM_SUFFIX.exec(text);
  let floor = 0;
  while (m !== null) {
    const suffixStart = m.index;
    const end = suffixStart + m[0].length;
    let start = scanBack(text, suffixStart, floor, FIRM_SCAN);
    // "8月15日绿地控股集团": the scan stops at the digits, leaving the date's unit on the name.
    if (/[日月年号]/.test(text[start] ?? '') && /\d/.test(text[start - 1] ?? '')) start++;
    // "共有吉林某化学工业有限公司投资…", "已有万宁某食品有限公司…": 有 of the verb before it is no part of the name.
    if (text[start] === '有' && /[共已现还另尚均]/.test(text[start - 1] ?? '')) start++;
    // "投资方山东绿巨人农业科技有限公司": 方 ends the party's role (投资方, 签约方), not a part of the name.
    if (text[start] === '方' && PARTY_ROLE.test(text.slice(Math.max(0, start - 2), start))) start++;
    else if (/^[甲乙丙]方/.test(text.slice(start, start + 2))) start += 2;
    start = placeBeforeAnd(text, start, floor);
    const stem = text.slice(start, suffixStart);
    const legal = LEGAL_SUFFIX.test(m[0]);
    const stemOk =
      stem.length >= 2 &&
      !ONLY_PROVINCES.test(stem) &&
      !GENERIC_FIRM_STEM.test(stem) &&
      !/^\d/.test(stem) &&
      (legal || (stem.length <= 12 && !GOVERNMENT.test(stem)));
    // "吉林酿业集团醋业有限公司", "中国绿发投资集团有限公司青海分公司": a unit written right after its group
    // is one firm with it.
    const group = out[out.length - 1];
    if (
      group &&
      group.end === start &&
      /^[\u4e00-\u9fff]{1,8}$/.test(stem) &&
      /(?:集团|公司)$/.test(group.name)
    ) {
      group.name = text.slice(group.start, end);
      group.end = end;
      group.legal ||= legal;
      floor = end;
    } else if (stemOk) {
      const alias = /^[（(](?:以下简称|下称|简称)[“"]?([^”"）)]{2,12})[”"]?[）)]/.exec(
        text.slice(end, end + 24),
      );
      out.push({
        name: text.slice(start, end),
        start,
        end,
        legal,
        source: legal ? 'legal-suffix' : 'short-suffix',
        knownId: null,
        declaredAlias: alias?.[1] ?? null,
      });
      floor = end + (alias?.[0].length ?? 0);
    }
    FIRM_SUFFIX.lastIndex = Math.max(end, floor);
    m = FIRM_SUFFIX.exec(text);
  }
  return out;
}

function findKnownFirms(text: string, known: ReadonlyArray<KnownFirm | string>): FirmMention[] {
  const out: FirmMention[] = [];
  for (const k of known.slice(0, 5000)) {
    const firm: KnownFirm = typeof k === 'string' ? { name: k } : k;
    const names = [firm.name, ...(firm.aliases ?? [])].filter((n) => n.length >= 2 && n.length <= 60);
    for (const n of names) {
      let i = text.indexOf(n);
      for (let guard = 0; i >= 0 && guard < 200; guard++) {
        out.push({
          name: n,
          start: i,
          end: i + n.length,
          legal: LEGAL_SUFFIX.test(n),
          source: 'known',
          knownId: firm.id ?? null,
          declaredAlias: null,
        });
        i = text.indexOf(n, i + n.length);
      }
    }
  }
  return out;
}

const EXCHANGES =
  /(?:在|于|登陆|登录)?(?:深交所|上交所|北交所|港交所|深圳证券交易所|上海证券交易所|北京证券交易所|香港联交所|纳斯达克|纽交所)/;

/** "X在深交所创业板上市": the subject of a listing is a firm even without a suffix. */
function findListedFirms(text: string): FirmMention[] {
  const out: FirmMention[] = [];
  const re = /上市|挂牌/g;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    const clauseStart = lastBreakBefore(text, m.index, '，。,\n', 30);
    const clause = text.slice(clauseStart + 1, m.index);
    const ex = EXCHANGES.exec(clause);
    if (ex && ex.index >= 2) {
      const subject = clause.slice(0, ex.index).replace(/^(?:其中|同时|该|由)/, '');
      const offset = clauseStart + 1 + (ex.index - subject.length);
      if (
        subject.length >= 2 &&
        subject.length <= 12 &&
        [...subject].every((c) => isIdeograph(c) || /[A-Za-z]/.test(c))
      ) {
        out.push({
          name: subject,
          start: offset,
          end: offset + subject.length,
          legal: false,
          source: 'listing',
          knownId: null,
          declaredAlias: null,
        });
      }
    }
    m = re.exec(text);
  }
  return out;
}

/** A list item ending in a project's head noun (先进计算中心项目) is a project listed beside firms. */
const PROJECT_HEAD = /(?:项目|工程|产业园|园区|基地|平台|中心|小镇|广场)$/;
const LIST_NOT_FIRM = /^(?:发展|重点|引进|培育|支持|推动|加快|打造|建设|聚焦|围绕)|(?:企业|产业|行业|领域)$/;

/** "A、B、C等骨干企业" and "A、B有限公司、C联合设立": items of a list that names firms are firms. */
function findEnumeratedFirms(text: string, firms: FirmMention[]): FirmMention[] {
  const out: FirmMention[] = [];
  const seen = new Set(firms.map((f) => f.start));
  const listRe =
    /[^，,。；;：:\n“”]{2,160}?等(?:骨干|龙头|链主|重点|知名|头部|规上|领军|优强|优质|大型)?(?:企业|公司)/g;
  const lists: Array<{ start: number; end: number }> = [];
  let m: RegExpExecArray | null = listRe.exec(text);
  while (m !== null) {
    lists.push({ start: m.index, end: m.index + m[0].length });
    m = listRe.exec(text);
  }
  for (const f of firms) {
    if (text[f.start - 1] === '、' || text[f.end] === '、') {
      // The list starts after its clause's last break, a half-width comma as much as a full-width one.
      const s = lastBreakBefore(text, f.start, '，。,；;：:\n', 160);
      let e = f.end;
      while (e < text.length && e - f.end < 80 && !/[，,。；;\n]/.test(text[e] ?? '')) e++;
      lists.push({ start: s + 1, end: e });
    }
  }
  for (const list of lists) {
    const body = text.slice(list.start, list.end);
    if (/项目|产业园|园区|基地/.test(body.slice(-12))) continue;
    let pos = list.start;
    const raws = body.split(/[、]/);
    const lastIdx = raws.findIndex((r) => r.includes('等'));
    for (const raw of lastIdx >= 0 ? raws.slice(0, lastIdx + 1) : raws) {
      const itemStart = pos;
      pos += raw.length + 1;
      let item = raw.replace(/^(?:作为|包括|其中|由|与|和)/, '');
      const lead = raw.length - item.length;
      item = item.replace(/(?:等.*|联合.*|共同.*|合作.*|签约.*|投资.*|和.*|与.*)$/, '');
      if (
        item.length < 2 ||
        item.length > 14 ||
        /[\d（）()“”]/.test(item) ||
        LIST_NOT_FIRM.test(item) ||
        PROJECT_HEAD.test(item)
      )
        continue;
      if (seen.has(itemStart + lead) || GOVERNMENT.test(item)) continue;
      seen.add(itemStart + lead);
      out.push({
        name: item,
        start: itemStart + lead,
        end: itemStart + lead + item.length,
        legal: false,
        source: 'enumeration',
        knownId: null,
        declaredAlias: null,
      });
    }
  }
  return out;
}

/** More firm mentions than this in one article is not prose; the rest are ignored to bound the work. */
const MAX_FIRM_MENTIONS = 2000;

/** All firm mentions, most reliable first, without overlaps. */
export function findFirmMentions(
  text: string,
  knownFirms: ReadonlyArray<KnownFirm | string> = [],
): FirmMention[] {
  const suffixed = findSuffixedFirms(text);
  const candidates = [
    ...findKnownFirms(text, knownFirms),
    ...suffixed,
    ...findListedFirms(text),
    ...findAgentFirms(text).map(
      (a): FirmMention => ({ ...a, legal: false, source: 'agent', knownId: null, declaredAlias: null }),
    ),
  ];
  candidates.push(...findEnumeratedFirms(text, candidates));
  const chosen: FirmMention[] = [];
  const occupied = new Occupancy(text.length);
  for (const c of candidates.slice(0, MAX_FIRM_MENTIONS)) {
    if (occupied.free(c.start, c.end)) {
      chosen.push(c);
      occupied.take(c.start, c.end);
      continue;
    }
    const overlapping = chosen.find((x) => c.start < x.end && c.end > x.start);
    if (
      overlapping &&
      overlapping.source !== 'known' &&
      c.end - c.start > overlapping.end - overlapping.start &&
      c.source !== 'enumeration'
    ) {
      chosen.splice(chosen.indexOf(overlapping), 1, c);
      occupied.take(c.start, c.end);
    }
  }
  trimToShorterMention(chosen);
  for (const c of chosen) trimLeadingVerbs(c);
  for (const c of [...chosen]) if (!trimClauseWords(c)) chosen.splice(chosen.indexOf(c), 1);
  // Declared aliases (以下简称“金桥公司”) and short forms (乖宝宠物食品 of 乖宝宠物食品集团) are firms
  // wherever they occur later.
  const extraNames = new Set<string>();
  for (const c of chosen) {
    if (c.declaredAlias) extraNames.add(c.declaredAlias);
    const core = firmCore(c.name);
    if (core.length >= 4 && core !== c.name) extraNames.add(core);
  }
  for (const n of extraNames) {
    let i = text.indexOf(n);
    for (let guard = 0; i >= 0 && guard < 200; guard++) {
      const end = i + n.length;
      const inDeclaration = /简称[“"]?$/.test(text.slice(Math.max(0, i - 3), i));
      if (!inDeclaration && occupied.free(i, end) && chosen.length < MAX_FIRM_MENTIONS) {
        occupied.take(i, end);
        chosen.push({
          name: n,
          start: i,
          end,
          legal: false,
          source: 'alias-declared',
          knownId: null,
          declaredAlias: null,
        });
      }
      i = text.indexOf(n, end);
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * "希望中苏湖广实业有限公司" where the text also writes 中苏湖广实业有限公司: the walk back from the suffix
 * took words of the sentence (希望, 一行深入, 交城经济开发区) as part of the name. The same firm written
 * elsewhere without them shows where its name starts.
 */
function trimToShorterMention(chosen: FirmMention[]): void {
  const names = [...new Set(chosen.filter((c) => c.source !== 'enumeration').map((c) => c.name))];
  for (const c of chosen) {
    if (c.source === 'known') continue;
    const shorter = names
      .filter((n) => n.length >= 6 && n.length < c.name.length && c.name.endsWith(n))
      .sort((a, b) => b.length - a.length)[0];
    if (shorter && c.name.length - shorter.length <= 10) {
      c.start = c.end - shorter.length;
      c.name = shorter;
    }
  }
}

/** Verbs of a report that the walk back from a suffix takes into a name (跟踪洽谈飞尚集团, 成功引进X公司). */
const LEADING_VERBS =
  /^(?:正在|成功|积极|主动)?(?:跟踪|洽谈|对接|引进|招引|拜访|走访|考察|调研|携手|联合|依托|签约)+/;

/** "跟踪洽谈飞尚集团" → 飞尚集团: a run of such verbs heading a found name is the sentence's, not the firm's. */
function trimLeadingVerbs(c: FirmMention): void {
  if (c.source === 'known') return;
  const lead = LEADING_VERBS.exec(c.name)?.[0] ?? '';
  if (lead === '' || c.name.length - lead.length < 4) return;
  c.start += lead.length;
  c.name = c.name.slice(lead.length);
}

const PROVINCES =
  /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?/;

/** The distinctive part of a firm name: no region prefix, no parenthesised place, no legal form. */
export function firmCore(name: string): string {
  let s = name.replace(/[（(][^）)]{0,10}[）)]/g, '');
  s = s.replace(
    /(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|控股集团|控股公司|集团公司|集团|公司|控股|股份)$/,
    '',
  );
  const noProvince = s.replace(PROVINCES, '');
  if (noProvince.length >= 2) s = noProvince;
  const noCity = s.replace(/^[\u4e00-\u9fff]{2,3}(?:市|县|区)(?=[\u4e00-\u9fff]{2})/, '');
  if (noCity.length >= 2) s = noCity;
  return s;
}

/** True if two firm names plausibly denote the same firm (one core is the other's prefix). */
export function sameFirm(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = firmCore(a);
  const cb = firmCore(b);
  if (ca.length < 2 || cb.length < 2) return false;
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  return long.startsWith(short) || (short.length >= 3 && long.includes(short));
}

export { findParks, type ParkMention } from './park-mentions';
export { findPeople, type PersonMention } from './people-mentions';
