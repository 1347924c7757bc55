// Projects named without 项目 or 工程, in two shapes of park reports: a firm's phase whose progress the
// sentence reports ("龙洋木业三期设备安装调试结束，目前已进入试生产阶段"), and a plant named by its capacity
// and ending in what it builds ("年产20万吨再生铜产品精深加工及…处置中心签约落户园区"). Each must still read
// as one named thing (isConcreteStem) and be reported on: a stage, a signing or a figure right after it.

import { isConcreteStem } from './project-concreteness';
import { namedProject, type ProjectNameMention } from './project-name-mention';
import { findStagedFirmLists } from './staged-firm-lists';

/** Progress right after a phase's name: installation, trial runs, production, building. */
const PHASE_REPORTED =
  /^(?:工程)?[^，,。；;\n]{0,6}?(?:设备安装|安装调试|调试|试生产|试产|投产|开工|动工|竣工|建成|主体|封顶|施工|开建)/;
/** A firm's phase: two to ten characters of name, then 一期…五期. */
const PHASE = /([\u4e00-\u9fff]{2,10}?)([一二三四五]期)/g;
/** Words that make the stem a kind or a place, not a firm (园区二期, 项目一期, 厂房二期). */
const NOT_FIRM_STEM =
  /(?:项目|工程|园区|园|厂房|标准|道路|小区|学校|医院|新区|开发区|城区|县|市|镇|村|其中|包括)$/;

/** What a plant named by its capacity builds, at the end of its name. */
const FACILITY_END = /(?:中心|生产基地|产业基地|基地|生产线|加工厂|工厂|产业园)/g;
/** What follows such a name: a signing, a stage, a figure of its own. */
const FACILITY_REPORTED =
  /^(?:[，,]?(?:该项目)?)(?:签约|落户|开工|动工|投产|建成|竣工|正式|总投资|计划投资|投资)/;

function phaseNames(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  PHASE.lastIndex = 0;
  for (let m = PHASE.exec(text); m !== null; m = PHASE.exec(text)) {
    const end = m.index + m[0].length;
    if (!PHASE_REPORTED.test(text.slice(end, end + 14)) || /^(?:项目|工程)/.test(text.slice(end, end + 2)))
      continue;
    // The name runs back to the clause start; the stem must name a firm, not a kind or a place.
    let clauseStart = m.index;
    while (
      clauseStart > 0 &&
      m.index - clauseStart < 12 &&
      !/[，,。；;\n、：:]/.test(text[clauseStart - 1] ?? '')
    )
      clauseStart--;
    const stem = text.slice(clauseStart, m.index + (m[1]?.length ?? 0));
    if (stem.length < 2 || stem.length > 10 || NOT_FIRM_STEM.test(stem) || !isConcreteStem(stem)) continue;
    // Reported on its own (no list around it), the firm's short name is its company (eval/README).
    const listed = /[、]$/.test(text.slice(0, clauseStart)) || /^[、等]/.test(text.slice(end));
    out.push(namedProject(`${stem}${m[2]}项目`, clauseStart, end, listed ? null : stem));
  }
  return out;
}

function capacityFacilities(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  FACILITY_END.lastIndex = 0;
  for (let m = FACILITY_END.exec(text); m !== null; m = FACILITY_END.exec(text)) {
    const end = m.index + m[0].length;
    if (!FACILITY_REPORTED.test(text.slice(end, end + 8))) continue;
    const near = text.slice(Math.max(0, m.index - 50), m.index).lastIndexOf('年产');
    if (near < 0) continue;
    const start = Math.max(0, m.index - 50) + near;
    const name = text.slice(start, end);
    // One clause: no break inside, and the capacity opens a clause (not "…项目年产…").
    if (/[，,。；;、\n]/.test(name) || /项目|工程/.test(name)) continue;
    if (!/(?:^|[，,。；;\n：:]|建设|新建|引进|推动|有)$/.test(text.slice(Math.max(0, start - 2), start)))
      continue;
    if (!isConcreteStem(name)) continue;
    out.push(namedProject(`${name}项目`, start, end, null));
  }
  return out;
}

/** A plant, line, station or works that opens a clause of a ；-series, reported on right after its name. */
const SERIES_SUBJECT =
  /^([^，,。；;：:\n]{3,40}?(?:生产线|水电站|电站|电厂|热电厂|扩容改造工程|改造工程|工程|生产基地|产业基地|加工厂|工厂))(?=[，,]|已|正在|正|现已|目前|于|将|完成|设备|土建)/;
/** Verbs that open a clause about what a project builds (and 变电站 is the park's own supply). */
const SERIES_VERB =
  /^(?:建设|新建|扩建|改建|建成|投资|引进|打造|实施|推进|开展|完成|计划|拟|将|主要|配套|新上|上马)/;
/** A capacity written into a series subject's name. */
const SERIES_CAPACITY = /(?:年产|日产)?[\d.×]+[万千百]?(?:吨|立方米|平方米|千瓦|兆瓦|只|头|套|台|件)?/g;
/** What the clause goes on to report: building, buying, stages. */
const SERIES_PROGRESS =
  /开工|动工|投产|建成|竣工|实施|完成|开挖|定购|订购|购置|安装|调试|试生产|施工|批复|建设|改建|协议/;

/**
 * "…；华瑞麦芽公司年产4万吨麦芽生产线已投产；张掖农场8000吨番茄生产线，正在考察定购生产设备；石庙子二级
 * 水电站，…土方工程已开工建设；": a progress report's ；-series of three or more clauses, each opening with
 * the plant or works it reports on. (Clauses naming a 项目 are the 项目 scan's.)
 */
function seriesSubjects(text: string): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  let sentenceStart = 0;
  for (const sentence of text.split(/(?<=[。\n])/)) {
    const clauses = sentence.split(/(?<=[；;])/);
    let at = sentenceStart;
    sentenceStart += sentence.length;
    if (clauses.length < 3) continue;
    for (const clause of clauses) {
      const from = at;
      at += clause.length;
      const m = SERIES_SUBJECT.exec(clause);
      const name = m?.[1];
      if (!name || /项目|[、，,]|变电站/.test(name) || !SERIES_PROGRESS.test(clause.slice(name.length)))
        continue;
      // "建设2条锂离子动力电池生产线": a clause that opens with a verb reports what is built, not whom.
      if (SERIES_VERB.test(name)) continue;
      // The capacity in the name (年产4万吨, 80万立方米) is what it makes; the rest must name one thing.
      if (!isConcreteStem(name.replace(SERIES_CAPACITY, ''))) continue;
      out.push(namedProject(`${name}项目`, from, from + name.length, null));
    }
  }
  return out;
}

/**
 * Names of projects written without 项目: plants listed by firm and closed by 等N家企业 with a stage, a
 * firm's reported phase, a capacity-led plant.
 */
export function findHeadlessNames(text: string): ProjectNameMention[] {
  return [
    ...findStagedFirmLists(text),
    ...phaseNames(text),
    ...capacityFacilities(text),
    ...seriesSubjects(text),
  ];
}
