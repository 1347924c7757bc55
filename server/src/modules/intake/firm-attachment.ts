// Which project of a sentence a firm (or a figure) belongs to, where the nearest name before it is wrong:
// a list of firms a park attracted is no project's investors ("吸引了A集团、B集团等龙头企业进驻，推动年产…
// 项目建成投产"); a firm that invests with a verb before the name invests in that name ("明泉集团投资25亿元
// 实施聚苯硫醚项目"); and a clause after ；names its own project ("与A公司签订了投资10亿元，年产…项目；
// 与B公司签订了投资1亿元，建设年产…项目": B and its 1亿元 are the second project's).

import type { FirmMention } from './entity-extractor';

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
 * The start of the name a firm invests in: "(总)投资N亿元(人民币)的P", "投资N亿元建设(的)P",
 * "投资N亿元实施P", or null when the words after the firm are not of that shape.
 */
export function investedNameStart(text: string, f: FirmMention): number | null {
  const m =
    /^(?:总|计划|拟)?(?:投资|投入|出资)[约近超达]?[\d.]+[万亿]*元(?:人民币)?(?:(?:建设|兴建|新建|实施|打造|建成)的?|的)/.exec(
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
