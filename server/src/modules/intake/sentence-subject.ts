// Whom a sentence is about when it names no project. A sentence whose subject is a park, a county or a
// count of firms ("1-8月，园区90户规上企业实现工业总产值53.93亿元，完成固定资产投资22.83亿元") reports
// statistics of the place: its figures and stages are no facts of the project in focus before it.

import type { FirmMention } from './entity-extractor';
import { builtNameAfter } from './figure-scope';
import { namedForExecutive } from './firm-roles';
import { type ProjectBuilder, similarProjectNames } from './project-builder';

/** A period, then a place or the firms of a place as the subject. */
const PLACE_SUBJECT =
  /^(?:(?:\d{4}年(?:度)?)?(?:\d{1,2}[-—–~至到]\d{1,2}月份?|[一二三四上下]半?[季年]度?|今年以来|截至[^，,]{1,8})?[，,]?)?(?:全[区县市镇乡省]|园区|开发区|高新区|经开区|该园区|该区|该县|我县|我市|我区|全区上下|\d+户|\d+家)/;

export function isAboutPlace(sentence: string): boolean {
  return PLACE_SUBJECT.test(sentence.trimStart());
}

/**
 * "亿兴新能源公司主要生产…，达产后预计年产值130亿元" after "湖北亿兴新能源电动客车和动力电池项目": a sentence
 * that names no project and opens with the firm of the one project named before with its core in the name
 * speaks of that project — not a firm named for its executive (A公司总经理王明说), nor a project named only
 * after the firm.
 */
export function projectOfOpeningFirm(
  text: string,
  sentence: { start: number; end: number },
  firms: readonly FirmMention[],
  projects: readonly ProjectBuilder[],
): { project: ProjectBuilder; at: number } | undefined {
  const opener = firms[0];
  if (!opener || opener.start > sentence.start + 1 || namedForExecutive(text, opener)) return undefined;
  const core = opener.name.replace(/(?:股份)?(?:有限责任公司|有限公司|集团|公司)$/, '');
  if (core.length < 3) return undefined;
  const own = projects.filter((p) => !p.aggregate && !p.nameFromFirm && p.name.includes(core));
  return own.length === 1 && own[0] ? { project: own[0], at: opener.start } : undefined;
}

/**
 * "由A公司投资23亿元建设的哈尔滨冷链物流中心": an amount that builds a project the article names (with 项目
 * elsewhere), written here without it, is that project's.
 */
export function projectBuiltByAmount(
  text: string,
  amountEnd: number,
  projects: readonly ProjectBuilder[],
): { project: ProjectBuilder; at: number } | undefined {
  const built = builtNameAfter(text, amountEnd);
  if (!built) return undefined;
  const project = projects.find((p) => !p.aggregate && similarProjectNames(p.name, `${built.name}项目`));
  return project ? { project, at: built.start } : undefined;
}
