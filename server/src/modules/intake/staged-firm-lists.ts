// Lists of plants named by their firms, not by 项目, whose clause says how far they are: "民和乐华冶炼、
// 民和恒利达碳化硅、民和文宏磨料科技等三家企业已点火投产", "万宁品香园食品加工有限公司、海南华莉园食品有限
// 公司等9家企业，正在同步推动建设", "年产16万吨硅铁、年产12万吨金属硅…等8家企业已全面开工新建". A park
// overview reports its plants this way; each item is one project (the firm's plant). A list of firms that
// only moved in, signed or were visited ("吸引了A、B等企业进驻") names firms, not projects, and is left alone.

import { isConcreteStem, isFirmShortName } from './project-concreteness';
import { namedProject, type ProjectNameMention } from './project-name-mention';

/** 等, an optional count of firms, and the word for them. */
const FIRM_TAIL = /等(?:(?:\d+|[一二三四五六七八九十两]+)(?:余|多)?[家户个])?(?:企业|公司|厂家|工厂)/g;
/** A stage of building or production: what makes the listed firms' plants projects. */
const STAGE_WORD = /投产|开工|动工|建成|竣工|续建|新建|试生产|试投产|在建|推动建设|加快建设|建设中|施工/;
/** Words that report firms arriving or being courted, not plants being built. */
const ARRIVAL = /进驻|入驻|落户|入园|签约|洽谈|考察|拜访|引进|吸引/;
/** Words that open the first item of the list (其中：A、B…, 目前已有A、B…). */
const ITEM_OPENER =
  /^(?:园区内|园内|区内|其中|目前|现已|已有|现有|包括|主要有|主要是|分别是|分别为|有|如|像)+/;
/** A firm's legal or organisational form: the item is the firm, and the firm is its company. */
const LEGAL_FORM = /(?:有限责任公司|有限公司|股份公司|公司|集团|厂)$/;

/** The clause after the list's tail, up to a sentence end: it must report a stage. */
function stagedAfter(text: string, from: number): boolean {
  const rest = text.slice(from, from + 24);
  const clause = rest.split(/[。；;\n]/)[0] ?? '';
  // One comma may stand between the tail and its verb ("等9家企业，正在同步推动建设").
  const upToSecondComma = clause.split(/[，,]/).slice(0, 2).join('，');
  const stage = STAGE_WORD.exec(upToSecondComma);
  return stage !== null && !ARRIVAL.test(upToSecondComma.slice(0, stage.index));
}

function itemName(raw: string, first: boolean): string | null {
  // "位于…智能制造产业园的安徽合大智能装备公司、…": what describes the list before 的 is no part of its first item.
  const described = first ? raw.slice(raw.lastIndexOf('的') + 1) : raw;
  const item = (first ? described.replace(ITEM_OPENER, '') : described).trim();
  if (item.length < 3 || item.length > 30 || /[“”"《》（）()]/.test(item)) return null;
  if (/^年产/.test(item) || LEGAL_FORM.test(item)) return item;
  return isConcreteStem(item) || isFirmShortName(item) ? item : null;
}

/**
 * The plants of lists closed by "等N家企业" and a stage: one name per item, none when an item does not
 * read as a name (a list with one odd item is more likely of kinds than of plants).
 */
export function findStagedFirmLists(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  FIRM_TAIL.lastIndex = 0;
  for (let m = FIRM_TAIL.exec(text); m !== null; m = FIRM_TAIL.exec(text)) {
    if (!stagedAfter(text, m.index + m[0].length)) continue;
    let s = m.index;
    while (s > 0 && m.index - s < 240 && !/[，,。；;：:\n]/.test(text[s - 1] ?? '')) s--;
    const raws = text.slice(s, m.index).split('、');
    if (raws.length < 2) continue;
    const items: ProjectNameMention[] = [];
    let pos = s;
    for (const [i, raw] of raws.entries()) {
      const name = raw.endsWith('项目') ? raw : itemName(raw, i === 0);
      if (name === null) {
        items.length = 0;
        break;
      }
      const start = pos + raw.length - name.length;
      pos += raw.length + 1;
      // An item that ends in 项目 is the 项目 scan's.
      if (name.endsWith('项目')) continue;
      items.push(
        namedProject(`${name}项目`, start, start + name.length, LEGAL_FORM.test(name) ? name : null),
      );
    }
    out.push(...items);
  }
  return out;
}
