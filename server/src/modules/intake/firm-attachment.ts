// Which project of a sentence a firm (or a figure) belongs to, where the nearest name before it is wrong:
// a list of firms a park attracted is no project's investors ("吸引了A集团、B集团等龙头企业进驻，推动年产…
// 项目建成投产"); a firm that invests with a verb before the name invests in that name ("明泉集团投资25亿元
// 实施聚苯硫醚项目"); and a clause after ；names its own project ("与A公司签订了投资10亿元，年产…项目；
// 与B公司签订了投资1亿元，建设年产…项目": B and its 1亿元 are the second project's).

import type { FirmMention } from './entity-extractor';

/** Words of firms arriving or courted, not investing in a project named next. */
const ARRIVAL_AFTER = /^[^，,。；;]{0,8}?(?:进驻|入驻|入园|落户|纷纷)/;
const COURTED_BEFORE = /(?:吸引(?:了)?|引进(?:了)?|招引(?:了)?|集聚(?:了)?)[^，,。；;]{0,40}$/;
/** The rest of a 、 list the firm stands in, up to 等 and the word for the firms. */
const LIST_REST = /^(?:、[^，,。；;、]{1,30}){0,12}等[^，,。；;]{0,10}?(?:企业|公司|集团|龙头)/;

/** Whether the firm is an item of a list of firms that moved in or were attracted, not investors. */
export function isArrivingFirm(text: string, f: FirmMention): boolean {
  const rest = LIST_REST.exec(text.slice(f.end, f.end + 260));
  if (rest && ARRIVAL_AFTER.test(text.slice(f.end + rest[0].length, f.end + rest[0].length + 12)))
    return true;
  const before = text.slice(Math.max(0, f.start - 60), f.start);
  return (rest !== null || /^、/.test(text.slice(f.end))) && COURTED_BEFORE.test(before);
}

/**
 * The start of the name a firm invests in: "投资N亿元(人民币)的P", "投资N亿元建设(的)P",
 * "投资N亿元实施P", or null when the words after the firm are not of that shape.
 */
export function investedNameStart(text: string, f: FirmMention): number | null {
  const m =
    /^(?:投资|投入|出资)[约近超达]?[\d.]+[万亿]*元(?:人民币)?(?:(?:建设|兴建|新建|实施|打造|建成)的?|的)/.exec(
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
