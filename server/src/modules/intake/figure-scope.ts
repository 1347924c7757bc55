// Which project a figure of a sentence is about when the names of the sentence come after it: the rules
// that read the words between the figure and the name. (The assembler's other attachment rules, nearest
// name before the figure first, stay in assemble.ts.)

/**
 * "今年公司计划总投资26亿元，其中晟晏福华循环化项目…", "总投资100亿元，其中一期…": a figure followed by
 * 其中 and then a name is the figure of a whole the named project is part of, not the project's own.
 */
export function isWholeOfPartAfter(text: string, figureEnd: number, nameStart: number): boolean {
  return nameStart > figureEnd && /其中/.test(text.slice(figureEnd, nameStart));
}

/**
 * How many characters join an amount to the name it is the investment of: "总投资153亿元的兴泉铁路项目",
 * "投资7.4亿元建设的P", "一期工程投资15亿元，建设年产48万吨…项目" (the comma and 建设 of a phase's works). 0 when none.
 */
export function joinToNameAfter(text: string, amountEnd: number): number {
  return (
    /^(?:人民币)?(?:[，,](?:主要)?(?:建设|新建)|(?:建设|兴建|新建|实施)的?|的)/.exec(
      text.slice(amountEnd, amountEnd + 8),
    )?.[0].length ?? 0
  );
}

/**
 * "第一批集中开工了35个，总投资额232.9亿元": a clause that counts what was started or signed (N个 after
 * the stage verb, no 项目 written) makes the amount after it a batch total. `from` is the sentence start.
 */
export function isCountedClause(text: string, from: number, amountStart: number): boolean {
  const before = text.slice(Math.max(from, amountStart - 40), amountStart);
  return /(?:开工|签约|竣工|投产|开竣工|落地)了?(?:\d+|[一二两三四五六七八九十]+)个[，,]/.test(before);
}
