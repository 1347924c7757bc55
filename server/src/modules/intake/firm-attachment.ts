// Which project of a sentence a firm (or a figure) belongs to, where the nearest name before it is wrong:
// a list of firms a park attracted is no project's investors ("吸引了A集团、B集团等龙头企业进驻，推动年产…
// 项目建成投产"); a firm that invests with a verb before the name invests in that name ("明泉集团投资25亿元
// 实施聚苯硫醚项目"); and a clause after ；names its own project ("与A公司签订了投资10亿元，年产…项目；
// 与B公司签订了投资1亿元，建设年产…项目": B and its 1亿元 are the second project's).

import { startingIn } from './clean-text';
import type { FirmMention } from './entity-extractor';
import { isGovernment } from './firm-clusters';

/** Words of firms arriving or courted, not investing in a project named next. */
const ARRIVAL_AFTER = /^[^，,。；;]{0,8}?(?:进驻|入驻|入园|落户|纷纷)/;
const COURTED_BEFORE = /(?:吸引(?:了)?|引进(?:了)?|招引(?:了)?|集聚(?:了)?)[^，,。；;]{0,60}$/;
/** What closes a list of firms: 等, a few words, the word for them. */
const FIRMS_TAIL = /^等[^，,。；;]{0,10}?(?:企业|公司|集团|龙头)/;

/** Whether the firm is an item of a list of firms that moved in or were attracted, not investors. */
export function isArrivingFirm(text: string, f: FirmMention): boolean {
  // The rest of the firm's clause: the list's other items, then 等…企业 and what they did.
  const clause = text.slice(f.end, f.end + 260).split(/[，,。；;\n]/)[0] ?? '';
  const etc = clause.indexOf('等');
  const tail = etc >= 0 ? FIRMS_TAIL.exec(clause.slice(etc)) : null;
  if (tail && ARRIVAL_AFTER.test(clause.slice(etc + tail[0].length))) return true;
  const listed = tail !== null || /^(?:、|以及|和|及|与)/.test(clause);
  return listed && COURTED_BEFORE.test(text.slice(Math.max(0, f.start - 80), f.start));
}

/**
 * The start of the name a firm invests in: "(总/合计)投资N亿元(人民币)的P", "投资N亿元建设(的)P",
 * "投资N亿元实施P", or null when the words after the firm are not of that shape.
 */
export function investedNameStart(text: string, f: FirmMention): number | null {
  const m =
    /^(?:总|计划|拟|合计|共|累计)?(?:投资|投入|出资)[约近超达]?[\d.]+[万亿]*元(?:人民币)?(?:(?:建设|兴建|新建|实施|打造|建成)的?|的)/.exec(
      text.slice(f.end, f.end + 24),
    );
  return m ? f.end + m[0].length : null;
}

/** The ；-clause of a sentence that `pos` stands in: [start, end). */
export function semicolonClause(
  text: string,
  sentence: { start: number; end: number },
  pos: number,
): { start: number; end: number } {
  let start = pos;
  while (start > sentence.start && !/[；;]/.test(text[start - 1] ?? '')) start--;
  let end = pos;
  while (end < sentence.end && !/[；;]/.test(text[end] ?? '')) end++;
  return { start, end };
}

/**
 * Whether a firm heads the list item that ends in the name starting at `nameStart`: nothing, or a
 * modifier closed by 的 with no break, stands between them ("、A食品有限公司日处理1800吨番茄原料的
 * 番茄酱生产线项目"). Such a firm is that project's, not the one named before it in the list.
 */
export function headsItemOf(text: string, f: FirmMention, nameStart: number): boolean {
  if (nameStart < f.end) return false;
  const gap = text.slice(f.end, nameStart);
  if (gap === '') return true;
  return gap.length <= 24 && gap.endsWith('的') && !/[，,。；;、：:\n“”]/.test(gap);
}

/** A sentence whose subject is "the firm" named before it: (今年/目前)(该)企业/公司…. */
const FIRM_ANAPHOR =
  /^(?:(?:今年|目前|同时|此外|去年|近年来|近期)[，,]?)?(?:该|这家)?(?:企业|公司)(?![家们])/;

/**
 * The firm a sentence opening with "the firm" (企业, 该公司) as its subject refers to: the last legal
 * name, not a government body, earlier in the paragraph ("A有限公司是一家…企业。今年企业…新建B项目").
 */
export function anaphorAntecedent(
  text: string,
  firms: readonly FirmMention[],
  paragraphStart: number,
  sentenceStart: number,
): FirmMention | null {
  if (!FIRM_ANAPHOR.test(text.slice(sentenceStart, sentenceStart + 16))) return null;
  const before = startingIn(firms, paragraphStart, sentenceStart).reverse();
  return before.find((f) => f.legal && !isGovernment(f.name)) ?? null;
}

/**
 * Whether the words from `from` to a name at `to` are at most a list of other items joined by 、
 * ("投资20亿元的5000吨前驱体、5000吨正极材料项目": the firm invests in the whole list).
 */
export function unbrokenList(text: string, from: number, to: number): boolean {
  // An item with its own 的 or 投资 is another firm's ("、B公司投资6亿元的Q项目"), not this list's.
  return to - from <= 40 && !/[，,。；;：:\n的]|投资/.test(text.slice(from, to));
}

/**
 * The project of the sentence a firm's own words name: the name after "投资N亿元的" ("A公司投资10.2亿元
 * 的P项目、B公司投资5.96亿元的Q项目"), or the name ending the list item the firm heads. 'unread' when
 * the firm invests in a name after 的 that the reader did not find: no earlier project is its either.
 */
export function projectNamedForFirm<T>(
  text: string,
  f: FirmMention,
  resolved: ReadonlyArray<{ pos: number; b: T; explicit: boolean }>,
): T | 'unread' | null {
  const at = investedNameStart(text, f);
  const invested =
    at === null
      ? undefined
      : resolved.find((r) => r.explicit && r.pos >= at && unbrokenList(text, at, r.pos));
  const headed = resolved.find((r) => r.explicit && headsItemOf(text, f, r.pos));
  const named = invested ?? headed;
  if (named) return named.b;
  return at === null ? null : 'unread';
}

/**
 * Whether a firm would join, by the focus alone, a project that already has another firm: the sentence
 * names no project and does not refer to "the project" ("…大厦项目是由B公司投资…" after A's 菜市场项目;
 * "4、C公司，机械设备服务项目(…项目承包等)"). A second investor named without its project is more
 * likely another project's than a partner in the one in focus.
 */
export function anotherFirmsProject(
  text: string,
  b: { companies: ReadonlyMap<string, unknown> },
  f: FirmMention,
  firm: string,
  named: unknown,
  resolved: ReadonlyArray<{ pos: number; explicit: boolean }>,
): boolean {
  if (named || b.companies.size === 0 || b.companies.has(firm)) return false;
  if (namedAsInvestor(text, f)) return false;
  if (resolved.some((r) => r.explicit)) return false;
  // "the project": a demonstrative (该项目, 此项目) or a bare 项目 opening its clause ("项目由A公司投资建设");
  // a 项目 after other words ends a name the reader missed, another project.
  const theProject = (pos: number) =>
    /(?:该|此|本|这|上述)[一个]?(?:项目)?$/.test(text.slice(Math.max(0, pos - 3), pos + 2)) ||
    /(?:^|[。，,；;：:\n“])\s*$/.test(text.slice(Math.max(0, pos - 4), pos));
  return !resolved.some((r) => theProject(r.pos));
}

/** Role words that name a project's investor or owner: 投资主体为, 建设单位是, 投资方：. */
const INVESTOR_ROLE =
  /(?:投资主体|投资方|投资人|建设单位|建设主体|实施主体|业主单位|项目业主|项目法人)(?:为|是|系)?[:：]?$/;

/** Whether the text names the firm as the investor or owner of the project it is about. */
export function namedAsInvestor(text: string, f: FirmMention): boolean {
  return INVESTOR_ROLE.test(text.slice(Math.max(0, f.start - 8), f.start));
}

/** A facility word a phase is of: "产业园一期…项目", "基地二期". */
const PHASE_OF = /(产业园|工业园|基地|园区|产业城|中心)(?:的)?[一二三四首]期/;

/**
 * "引进A公司投资50亿元建设…产业园。…产业园一期…基地项目总投资10.2亿元": a phase of a park or base
 * the article names with its firms before is that firm's project too, when the text names no firm for it.
 */
export function inheritPhaseFirms(
  text: string,
  projects: ReadonlyArray<{
    name: string;
    aggregate: boolean;
    first: { start: number };
    mentions: ReadonlyArray<{ start: number }>;
    companies: Map<string, { start: number; end: number }>;
  }>,
): void {
  for (const b of projects) {
    if (b.aggregate || b.companies.size > 0) continue;
    for (const m of b.mentions) {
      // The phase may stand just before the mention (产业园一期…) or open it.
      const of = PHASE_OF.exec(text.slice(Math.max(0, m.start - 8), m.start + 8))?.[1];
      if (!of) continue;
      const parent = [...projects]
        .reverse()
        .find(
          (p) =>
            p !== b && !p.aggregate && p.first.start < m.start && p.companies.size > 0 && p.name.endsWith(of),
        );
      if (!parent) continue;
      for (const [name, span] of parent.companies) b.companies.set(name, span);
      break;
    }
  }
}
