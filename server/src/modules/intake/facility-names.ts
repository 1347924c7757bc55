// Projects named by the facility they build, with no 项目 after the name: "投资约10亿元建设湛江晶体材料
// …产业园", and a plant or station that is the subject of its own stage ("南宁抽水蓄能电站主体工程于7月
// 实现全面开工").

import { lastBreakBefore } from './clean-text';
import { scanBack } from './name-scan';
import { PROJECT_SCAN, stripPrefix } from './name-stem';
import { namedProject, type ProjectNameMention } from './project-name-mention';

function sentenceAround(text: string, pos: number): string {
  const s = lastBreakBefore(text, pos, '。\n', 300) + 1;
  const rest = text.slice(pos, pos + 300);
  const e = rest.search(/[。\n]/);
  return text.slice(s, e < 0 ? pos + rest.length : pos + e);
}

const FACILITY = /产业园|工业园|物流园|物流港|基地|中心|公园|综合体|商贸城|生产线|工厂|酒店|医院/g;

/** "投资约10亿元建设湛江晶体材料…产业园", "第三名是…的楚国八百年城市公园，投资总额…". */
export function findFacilities(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  FACILITY.lastIndex = 0;
  let m: RegExpExecArray | null = FACILITY.exec(text);
  while (m !== null) {
    const end = m.index + m[0].length;
    const next = text.slice(end, end + 2);
    const start = scanBack(text, m.index, 0, PROJECT_SCAN);
    // "推进500亩宠物食品产业园建设", "建设占地约500亩的…产业园": a size between the verb and the name is skipped.
    const lead = text
      .slice(Math.max(0, start - 16), start)
      .replace(/(?:占地(?:面积)?)?[约近]?\d+(?:\.\d+)?万?(?:亩|平方米)的?$/, '');
    const before = lead.slice(-2);
    const clauseHead =
      text
        .slice(Math.max(0, start - 20), start)
        .split(/[，,。；;\n]/)
        .pop() ?? '';
    const trigger =
      /(?:建设|打造|新建|推进)$/.test(before) || (before.endsWith('的') && /是/.test(clauseHead));
    const sentence = sentenceAround(text, m.index);
    // "该项目…将建设6台套石英管生产线": what a project in focus builds is part of it, not another one.
    // "总投资20亿元，主要建设光电生产线": what 主要建设/配套建设 introduces is the content of the project in focus.
    const ofProject =
      /项目/.test(text.slice(lastBreakBefore(text, m.index, '。\n', 300) + 1, start)) ||
      /(?:主要|配套|同步)建设$/.test(lead);
    if (
      trigger &&
      !ofProject &&
      (next === '' || /^[，,。；;\n]|^建设/.test(next)) &&
      (/投资|投入/.test(sentence) || /(?:合作|共同|投资|拟|计划)建设$/.test(lead)) &&
      /\d/.test(sentence) &&
      !/^以/.test(clauseHead.slice(-1))
    ) {
      const name = stripPrefix(text.slice(start, end));
      out.push(namedProject(name, end - name.length, end, null));
    }
    m = FACILITY.exec(text);
  }
  return out;
}

/**
 * A plant, station or park that is the subject of its own stage: "南宁抽水蓄能电站主体工程于7月实现全面
 * 开工", "某某产业园一期建成投产". The stage word must follow the facility (its works or phase between),
 * so a facility only mentioned in passing is not read as a project.
 */
const STAGED_FACILITY =
  /(电站|电厂|产业园|工业园|物流园|创业园|基地|工厂|综合体|物流中心)(?:主体工程|一期工程|[一二三]期|工程)?(?:于[^，,。；;\n]{1,10}?)?(?:实现)?(?:已经|已|正式|顺利)?(?:全面)?(?:开工|动工|动建|开建|启动|建成|投产|竣工|投运|并网)/g;

export function findStagedFacilities(
  text: string,
  isConcrete: (stem: string) => boolean,
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  for (const m of text.matchAll(STAGED_FACILITY)) {
    const end = m.index + (m[1]?.length ?? 0);
    const start = scanBack(text, m.index, 0, PROJECT_SCAN);
    const name = stripPrefix(text.slice(start, end));
    const before = text.slice(Math.max(0, end - name.length - 1), end - name.length);
    if (name.length < 5 || name.length > 30 || /[该此其]$/.test(before) || /\d/.test(name)) continue;
    if (!isConcrete(name.slice(0, -(m[1]?.length ?? 0)))) continue;
    out.push(namedProject(name, end - name.length, end, null));
  }
  return out;
}
