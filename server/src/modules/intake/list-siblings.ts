// Items of a 、-list that also names a project with 项目 ("甘肃达利食品有限公司饮料生产线、…、天祥肉类加工有限
// 公司肉类屠宰及深加工项目、…等正在加紧建设"): a sibling written without 项目 but ending in what a project
// builds (a line, a base, a plant, a works) is a project of the same list. The list's known project is
// the evidence that its items are projects, not kinds; each sibling must still read as one named thing.

import { isConcreteStem } from './project-concreteness';
import { namedProject, type ProjectNameMention } from './project-name-mention';

/** A sibling: a name ending in what a project builds, then nothing or the list's verb (已建成, 正在建设, 等). */
const SIBLING =
  /^(.{3,40}?(?:生产线|产线|生产基地|产业基地|基地|加工厂|工厂|产业园|物流园|物流中心|工程))(?:建设)?(?=已|正在|正|将|于|等|$)/;
/** A firm's legal name heading the sibling: the firm is its company. */
const LEGAL_HEAD = /^.{2,20}?(?:有限责任公司|有限公司|股份公司|集团公司|集团)/;
const CLAUSE_BREAK = /[，,。；;：:\n]/;

/** The siblings of every 、-list that holds one of `names`, where `free` says the span is not taken. */
export function findListSiblings(
  text: string,
  names: readonly ProjectNameMention[],
  free: (start: number, end: number) => boolean,
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  const clausesDone = new Set<number>();
  for (const n of names) {
    if (n.reference || n.aggregate) continue;
    if (text[n.start - 1] !== '、' && text[n.end] !== '、' && text.slice(n.end, n.end + 3) !== '项目、')
      continue;
    let start = n.start;
    while (start > 0 && n.start - start < 300 && !CLAUSE_BREAK.test(text[start - 1] ?? '')) start--;
    let end = n.end;
    while (end < text.length && end - n.end < 300 && !CLAUSE_BREAK.test(text[end] ?? '')) end++;
    if (clausesDone.has(start)) continue;
    clausesDone.add(start);
    let pos = start;
    for (const raw of text.slice(start, end).split('、')) {
      const from = pos;
      pos += raw.length + 1;
      const name = SIBLING.exec(raw)?.[1];
      if (!name || /项目/.test(name) || !free(from, from + name.length) || !isConcreteStem(name)) continue;
      out.push(namedProject(`${name}项目`, from, from + name.length, LEGAL_HEAD.exec(name)?.[0] ?? null));
    }
  }
  return out;
}
