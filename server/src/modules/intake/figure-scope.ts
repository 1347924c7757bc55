// Which project a figure of a sentence is about when the names of the sentence come after it: the rules
// that read the words between the figure and the name. (The assembler's other attachment rules, nearest
// name before the figure first, stay in assemble.ts.)

import { listedNamesAfter, listedNamesBefore } from './assemble-rules';
import type { ProjectNameMention } from './project-name-mention';

/**
 * "今年公司计划总投资26亿元，其中晟晏福华循环化项目…", "总投资100亿元，其中一期…": a figure followed by
 * 其中 and then a name is the figure of a whole the named project is part of, not the project's own.
 */
export function isWholeOfPartAfter(text: string, figureEnd: number, nameStart: number): boolean {
  return nameStart > figureEnd && /其中/.test(text.slice(figureEnd, nameStart));
}

/**
 * "华宇公司饮料生产线已建成投产，东海…项目、…等正在加紧建设": a step that ends a clause before the clause that
 * names the sentence's first project is what another subject did, not that project. A step that frames
 * the name ("在开工的项目中，A项目…", "开工仪式设置了主会场，主会场设在A项目现场") does not end its clause.
 */
export function isStatedBeforeNameClause(text: string, step: { end: number }, nameStart: number): boolean {
  return nameStart > step.end && /^(?:了|完毕)?[，,；;]/.test(text.slice(step.end, step.end + 3));
}

/**
 * How many characters join an amount to the name it is the investment of: "总投资153亿元的兴泉铁路项目",
 * "投资7.4亿元建设的P", "一期工程投资15亿元，建设年产48万吨…项目" (the comma and 建设 of a phase's works),
 * "投资25亿元的省重点工程P" (a kind written between 的 and the name), "投资31.5亿元的“上大压小”热电联产
 * 项目" (a quoted slogan before it). 0 when none.
 */
export function joinToNameAfter(text: string, amountEnd: number): number {
  return (
    /^(?:人民币)?(?:[，,](?:主要)?(?:建设|新建)|(?:建设|兴建|新建|实施)的?|的(?:“[^”]{1,8}”|(?:国家|省|市|县|区)?级?(?:重点|重大)(?:工程|产业项目|项目)(?=[\u4e00-\u9fff]{3}))?)/.exec(
      text.slice(amountEnd, amountEnd + 16),
    )?.[0].length ?? 0
  );
}

/** The words an amount is joined to by 建设的/的 (up to the clause's end): a name written without 项目. */
export function builtNameAfter(text: string, amountEnd: number): { name: string; start: number } | null {
  const join = joinToNameAfter(text, amountEnd);
  if (join === 0) return null;
  const start = amountEnd + join;
  const name = /^[^，,。；;、：:（(\n]{4,30}/.exec(text.slice(start, start + 30))?.[0];
  return name ? { name, start } : null;
}

/**
 * "第一批集中开工了35个，总投资额232.9亿元": a clause that counts what was started or signed (N个 after
 * the stage verb, no 项目 written) makes the amount after it a batch total. `from` is the sentence start.
 */
export function isCountedClause(text: string, from: number, amountStart: number): boolean {
  const before = text.slice(Math.max(from, amountStart - 40), amountStart);
  return /(?:开工|签约|竣工|投产|开竣工|落地)了?(?:\d+|[一二两三四五六七八九十]+)个[，,]/.test(before);
}

/**
 * "总投资分别为11亿元、6亿元的A项目和B项目", "A和B分别投资8亿元、5亿元": amounts given 分别 (respectively)
 * belong to the listed names in order. Returns the name each amount belongs to, when counts agree.
 */
function respectiveOwners(
  text: string,
  amounts: readonly { start: number; end: number }[],
  names: readonly ProjectNameMention[],
): Map<number, ProjectNameMention> {
  const out = new Map<number, ProjectNameMention>();
  const run: number[] = [];
  const flush = () => {
    const first = amounts[run[0] ?? -1];
    const last = amounts[run[run.length - 1] ?? -1];
    if (
      run.length >= 2 &&
      first &&
      last &&
      /分别/.test(text.slice(Math.max(0, first.start - 12), first.start))
    ) {
      const after = listedNamesAfter(text, names, last.end);
      const owners =
        after.length > 0 ? after : listedNamesBefore(text, names, text.lastIndexOf('分别', first.start));
      if (owners.length === run.length)
        for (const [k, ai] of run.entries()) out.set(ai, owners[k] as ProjectNameMention);
    }
    run.length = 0;
  };
  amounts.forEach((a, i) => {
    const prev = amounts[run[run.length - 1] ?? -1];
    if (prev && !/^[、和及与，,]$/.test(text.slice(prev.end, a.start))) flush();
    run.push(i);
  });
  flush();
  return out;
}

/**
 * "投资超30亿元的A、B及C等4个项目": an amount joined by 的 to a list of bare names closed by 等 qualifies
 * the list (a bound or its total), not its first item. "总投资210亿元的A、总投资116亿元的B等" gives
 * each item its own amount and is no such list.
 */
function qualifiesBareList(text: string, names: readonly ProjectNameMention[], amountEnd: number): boolean {
  const join = joinToNameAfter(text, amountEnd);
  const listed = join > 0 ? listedNamesAfter(text, names, amountEnd + join) : [];
  const last = listed[listed.length - 1];
  const bare = listed.every(
    (n, i) => i === 0 || /^(?:、|和|及|与|以及)$/.test(text.slice(listed[i - 1]?.end, n.start)),
  );
  return listed.length >= 2 && bare && last !== undefined && text[last.end] === '等';
}

/**
 * Who an amount of a sentence belongs to when the words around it say so: a listed name (分别), or
 * 'list' when it qualifies a bare list as a whole. Amounts not in the map follow the usual rules.
 */
export function amountOwners(
  text: string,
  amounts: readonly { start: number; end: number }[],
  names: readonly ProjectNameMention[],
): Map<number, ProjectNameMention | 'list'> {
  const out = new Map<number, ProjectNameMention | 'list'>(
    respectiveOwners(
      text,
      amounts,
      names.filter((n) => !n.reference && !n.aggregate),
    ),
  );
  for (const [i, a] of amounts.entries())
    if (!out.has(i) && qualifiesBareList(text, names, a.end)) out.set(i, 'list');
  return out;
}

/** The resolved name an amount is joined to: "总投资153亿元的兴泉铁路项目", "投资7.4亿元建设的P". */
export function joinedProject<T extends { pos: number; explicit: boolean }>(
  text: string,
  amountEnd: number,
  resolved: readonly T[],
): T | undefined {
  // "总投资2亿元华鑫塑业技改工程、投资8亿元…": a name that starts right where the amount ends is its.
  const touching = resolved.find((r) => r.explicit && r.pos === amountEnd);
  if (touching) return touching;
  const join = joinToNameAfter(text, amountEnd);
  return join > 0
    ? resolved.find((r) => r.explicit && r.pos > amountEnd && r.pos <= amountEnd + join + 1)
    : undefined;
}

/** "投资超20亿元的重大产业项目": an amount joined by 的 to a kind of project (a batch or "the project"). */
export function ofProjectKind(
  text: string,
  amountEnd: number,
  names: readonly ProjectNameMention[],
): boolean {
  return (
    text[amountEnd] === '的' &&
    names.some((n) => (n.reference || n.aggregate) && n.start > amountEnd && n.start <= amountEnd + 12)
  );
}
