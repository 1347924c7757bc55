// The last pass over an article's projects, after every sentence is read: what the report as a whole
// says about all of them. A park or zone the report is about, the lead sentence's date and stage (a
// report on a signing or groundbreaking event), the firm a name starts with, and facts kept for a firm
// until its project was known.

import { brandIsPlaceOrPark, nameAfterHeadingPark } from './brand-context';
import type { Sentence } from './clean-text';
import { isDateline } from './date-events';
import type { DateToken } from './date-parser';
import type { FirmMention, ParkMention } from './entity-extractor';
import type { FirmCluster } from './firm-clusters';
import { organisationalHead, recurringHead } from './firm-name-heads';
import { isListItemBrand, leadingBrand } from './firm-short-names';
import type { RoledMoney } from './money-roles';
import { overviewZone } from './overview-zone';
import { articleZone, batchZones, isProjectsOwnName, isRoundUp } from './park-rules';
import type { ProjectBuilder, TensedStage } from './project-builder';
import type { ProjectNameMention } from './project-name-mention';
import type { CapacityToken } from './quantity-parser';
import type { StageMention } from './stage-signal';

/** Facts read in sentences about a firm before the firm's project was named. */
export type FirmFacts = Map<
  FirmCluster,
  { capacity?: CapacityToken; exports?: RoledMoney; park?: ParkMention; stages?: TensedStage[] }
>;

export interface FinishInput {
  text: string;
  names: readonly ProjectNameMention[];
  sentences: readonly Sentence[];
  leadSentences: readonly Sentence[];
  firms: readonly FirmMention[];
  parks: readonly ParkMention[];
  dates: readonly DateToken[];
  stages: readonly StageMention[];
  projects: ProjectBuilder[];
  firmFacts: FirmFacts;
}

/** Officials' visits a report's lead may be about: they date no project. */
const INSPECTION = /督查|督导|观摩|调研|视察|考察|巡查|检查|评议|拉练/;
/**
 * Meetings on the course of projects already under way (誓师大会, 推进会, 调度会): their day is the
 * meeting's, not a project's event. Investment fairs and 签约大会 are not among them: projects are signed there.
 */
const MEETING = /誓师|推进会|现场会|调度会|座谈会|发布会|动员会|工作会议|观摩会/;

/** "在这12个项目中", "其中8个项目": a sentence that lists the members of a counted batch. */
const COUNTED_MEMBERS = /(?:\d+|[一二两三四五六七八九十]+)个[^，,。；;]{0,6}项目中/;

/** The text a report's batches are read from. */
interface ReportText {
  text: string;
  sentences: readonly Sentence[];
  stages: readonly StageMention[];
}

/** The step every one of `steps` is, when they are all one step. */
function oneStep<T extends StageMention>(steps: readonly T[]): T | undefined {
  return new Set(steps.map((st) => st.stage)).size === 1 ? steps[0] : undefined;
}

/** "6个城市功能完善类项目分别是A、B": a share of a batch listed by its count and kind. */
const SHARE_LISTED =
  /^(\d+|[一二两三四五六七八九十]+)个([\u4e00-\u9fff]{2,10}?类)项目(?:分别是|分别为|包括|有|主要有|主要包括)[:：]?/;

/**
 * "此次集中开工的27个项目…其中，有产业发展类项目13个、城市功能完善类项目6个。…6个城市功能完善类项目分别是
 * A、B": a share named again by its count and kind is of the batch it was counted in, and took its step.
 */
function stageOfCountedShare(
  { text, sentences, stages }: ReportText,
  sent: Sentence,
  at: number,
): StageMention | undefined {
  const share = SHARE_LISTED.exec(text.slice(sent.start, at));
  if (!share) return undefined;
  const [, count, kind] = share;
  const counted = new RegExp(`${kind}项目${count}个|${count}个${kind}项目`);
  const batch = sentences.find((s) => s.end <= sent.start && counted.test(text.slice(s.start, s.end)));
  if (!batch) return undefined;
  // The batch's own sentence, or the one before it that names the batch (此次集中开工的27个项目…。其中…).
  const from = sentences[Math.max(0, sentences.indexOf(batch) - 1)]?.start ?? batch.start;
  const steps = stages.filter(
    (st) => st.start >= from && st.end <= batch.end && (st.stage === '签约' || st.stage === '开工'),
  );
  return oneStep(steps);
}

/** A sentence that goes on listing the batch of the sentence before it. */
const LISTS_BATCH_BEFORE = /^(?:其中)?(?:主要)?(?:包括|有|如)[:：]?/;
/** A counted batch and the step it took, in one clause: "新疆已有45个产业项目实现新开工建设". */
const COUNTED_STEP = /(?:\d+|[一二两三四五六七八九十]+)(?:个|项)[^，,。；;]{0,8}项目[^，,。；;]{0,8}$/;

/**
 * "45个产业项目实现新开工建设，完成投资195.7亿元。包括A、B、C等。": a sentence opened by 包括 lists the
 * batch counted in the sentence before it, and its names took that batch's step.
 */
function stageOfBatchBefore(
  { text, sentences, stages }: ReportText,
  sent: Sentence,
  at: number,
): StageMention | undefined {
  if (!LISTS_BATCH_BEFORE.test(text.slice(sent.start, at))) return undefined;
  const before = sentences[sentences.indexOf(sent) - 1];
  if (!before) return undefined;
  const steps = stages.filter(
    (st) =>
      st.start >= before.start &&
      st.end <= before.end &&
      (st.stage === '签约' || st.stage === '开工' || st.stage === '投产') &&
      COUNTED_STEP.test(text.slice(before.start, st.start)),
  );
  return oneStep(steps);
}

export function finishProjects(input: FinishInput): void {
  const { text, names, sentences, leadSentences, firms, parks, dates, stages, projects, firmFacts } = input;
  // A park written as the owner of the projects (湛江空港经济区产业项目集中签约) is every project's park.
  const roundUp = isRoundUp(text, sentences);
  const ownerPark = roundUp
    ? undefined
    : (parks.find(
        (p) =>
          /^(?:产业|重点|重大|招商|签约){0,2}项目/.test(text.slice(p.end, p.end + 6)) &&
          !isProjectsOwnName(p, names, text),
      ) ??
      articleZone(text, parks, sentences, names) ??
      overviewZone(text, parks, names));
  const batchZoneAt = roundUp ? () => undefined : batchZones(text, parks, sentences, names);
  // The lead sentence of a report on a signing or groundbreaking event dates and stages the whole batch.
  const lead = leadSentences.find(
    (s) => !names.some((n) => !n.aggregate && !n.reference && n.start >= s.start && n.start < s.end),
  );
  const leadAbout =
    lead !== undefined &&
    (firms.some((f) => f.start >= lead.start && f.start < lead.end) ||
      parks.some((p) => p.start >= lead.start && p.start < lead.end));
  const leadDateTok = lead
    ? dates.find(
        (d) => d.start >= lead.start && d.start < lead.end && d.precision === 'day' && !isDateline(text, d),
      )
    : undefined;
  const leadStages = lead
    ? stages.filter(
        (st) => st.start >= lead.start && st.start < lead.end && (st.stage === '签约' || st.stage === '开工'),
      )
    : [];
  // "集中开工、签约仪式": a lead on two kinds of event stages no project by itself.
  const leadStage = new Set(leadStages.map((st) => st.stage)).size === 1 ? leadStages[0] : undefined;
  // An inspection's date (督查, 观摩, 调研) is when officials looked, not an event of the projects.
  const inspection = lead !== undefined && INSPECTION.test(text.slice(lead.start, lead.end));
  // So is a meeting's (誓师大会, 推进会) when no project is reported to have taken a step at it: neither
  // the lead (集中开工暨推进会) nor the report (会上，16个项目集中开工) names a step done, only plans.
  const meeting =
    lead !== undefined &&
    !stages.some((st) => st.start >= lead.start && st.start < lead.end) &&
    MEETING.test(text.slice(lead.start, lead.end)) &&
    !projects.some((b) => b.stages.some((st) => !st.planned));
  const leadDate = leadStage || (leadAbout && !inspection && !meeting) ? leadDateTok : undefined;
  // "本次集中签约项目22个，总投资…" later in the report: when every batch the report counts took the same
  // step (signed, or started), a project it names with no stage of its own is one of them. A report that
  // also counts batches completed (新开工8项，建成8项) gives no one step; nor does a step only a part of a
  // batch took ("40项重点项目已开工建设29项，开工率达72.5%"; "签约3个招商引资项目" counts the batch itself,
  // its count followed by what it counts).
  const ofPart = (st: TensedStage) =>
    /^(?:建设|实施)?(?:\d+|[一二两三四五六七八九十百]+)[个项家](?:[，,。；;]|$)|^率/.test(
      text.slice(st.end, st.end + 8),
    );
  const batchSteps = projects
    .filter((b) => b.aggregate)
    .flatMap((b) => b.stages.filter((st) => !st.planned && !ofPart(st)));
  const sharedStep = leadStage || meeting ? undefined : oneStep(batchSteps);
  const batchStep = sharedStep?.stage === '签约' || sharedStep?.stage === '开工' ? sharedStep : undefined;
  const report: ReportText = { text, sentences, stages };
  for (const b of projects) {
    if (b.aggregate) continue;
    // "走进江西鲲鹏新材料科技有限公司施工现场…鲲鹏新材料等8个项目已经开工": a name that is the core of a
    // firm the article names in full is that firm's project, listed or not.
    if (b.companies.size === 0 && !b.nameFromFirm) {
      const stem = b.name.replace(/项目$/, '');
      const owner = stem.length >= 4 ? firms.find((f) => f.legal && f.name.includes(stem)) : undefined;
      if (owner) b.companies.set(owner.name, { start: owner.start, end: owner.end });
    }
    // No firm named with the project: the brand its name starts with (宝星企业总部项目 → 宝星) is its firm.
    // An item of a bare list (主要包括A、B、C等项目) says nothing about who invests unless the brand recurs.
    if (b.companies.size === 0 && !b.nameFromFirm) {
      // A works named with 厂 heading the name is its company even as a list item (eval/README).
      const works = organisationalHead(b.name);
      const worksAt = works ? text.indexOf(works, b.first.start) : -1;
      if (works && worksAt >= 0) b.companies.set(works, { start: worksAt, end: worksAt + works.length });
    }
    if (b.companies.size === 0 && !b.nameFromFirm) {
      // A recurring head inside another firm's legal name (汇丰新材料有限公司) does not recur on its own.
      const inOtherFirms = firms.map((f) => ({ start: f.start + 1, end: f.end }));
      let found = leadingBrand(b.name) ?? recurringHead(text, b.name, [...b.mentions, ...inOtherFirms]);
      // "苏银产业园莱卡氨纶纤维项目": past the park that heads the name, the brand is 莱卡's.
      const past = found ? nameAfterHeadingPark(b.name, found) : null;
      if (found && past) found = leadingBrand(past);
      const brand = found && !brandIsPlaceOrPark(text, b.name, found) ? found : null;
      const at = brand ? text.indexOf(brand, b.first.start) : -1;
      // Listed: every mention is an item of a list; a project reported on its own once (its own sentence
      // with a figure or a stage) has its brand as its company (eval/README, company convention).
      const inList = (m: { start: number; end: number }) =>
        /[、]$/.test(text.slice(0, m.start)) || /^[、等]/.test(text.slice(m.end));
      const listed = inList(b.first) && b.mentions.every(inList);
      const recurs =
        brand !== null &&
        text.split(brand).length - 1 >
          b.mentions.filter((m) => text.slice(m.start, m.end).includes(brand)).length;
      // A head shared by several listed names (民和乐华…、民和恒利达…) is their place, not a firm.
      const shared = brand !== null && projects.some((o) => o !== b && o.name.startsWith(brand));
      if (brand && at >= 0 && at < b.first.end && (!listed || (recurs && !shared)))
        b.companies.set(brand, { start: at, end: at + brand.length });
    }
    // A brand split off a listed item's own name (精锐恒丰年产300万只…、…) is not its company either.
    for (const [name] of b.companies) if (isListItemBrand(text, name, b.mentions)) b.companies.delete(name);
    for (const [name] of b.companies) {
      for (const [fc, facts] of firmFacts) {
        if (fc.name !== name) continue;
        if (!b.capacity && facts.capacity) b.capacity = facts.capacity;
        if (!b.exports && facts.exports) b.exports = facts.exports;
        if (!b.park && facts.park) b.park = facts.park;
        if (b.stages.length === 0 && facts.stages) b.stages.push(...facts.stages);
      }
    }
    if (!b.park) b.park = batchZoneAt(b.first.start) ?? null;
    if (!b.park && ownerPark) b.park = ownerPark;
    b.capacity ??= capacityInName(text, b);
    if (leadStage && !b.stages.some((s) => !s.planned)) b.stages.push({ ...leadStage, planned: false });
    // "在这12个项目中，包括A、B": members of a batch counted apart are not known to be of the batch that stepped.
    const sent = sentences.find((s) => s.start <= b.first.start && b.first.start < s.end);
    const ofOtherCount = sent !== undefined && COUNTED_MEMBERS.test(text.slice(sent.start, b.first.start));
    // A project with only planned steps (计划2021年9月完工) has reached none yet: the batch's step is its.
    const reached = () => b.stages.some((st) => !st.planned);
    if (batchStep && !reached() && !ofOtherCount) b.stages.push({ ...batchStep, planned: false });
    if (sent && !reached()) {
      const shareStage =
        stageOfCountedShare(report, sent, b.first.start) ?? stageOfBatchBefore(report, sent, b.first.start);
      if (shareStage) b.stages.push({ ...shareStage, planned: false });
    }
    if (leadDate && !b.dates.some((d) => d.tok.date === leadDate.date)) {
      b.dates.unshift({
        tok: leadDate,
        stage: leadStage?.stage ?? null,
        event: leadStage?.text ?? null,
        planned: false,
        fromLead: true,
      });
    }
  }
}

/**
 * Capacities written into a name: "10GW高效光伏组件项目", "200兆瓦渔光互补光伏电站项目", "30万锭环纺项目",
 * "6万吨聚甲醛项目", "80万立方米粉醛新型材料生产线", "600万米高档面料" — a number with a unit of output (not
 * money, area or a year; metres only in 万 or 亿, as fabric is counted, not a road's length).
 */
const NAMED_CAPACITY =
  /(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?(GWh|MWh|GW|MW|兆瓦|吉瓦|千瓦|立方米|吨|锭|台套|套|台|辆|件|片|只|头|安时|块|支|米)(?![\u4e00-\u9fff]{0,1}(?:元|亩))/;

/** The capacity a project's own name states, when no sentence gave one. */
function capacityInName(text: string, b: ProjectBuilder): CapacityToken | null {
  const m = NAMED_CAPACITY.exec(text.slice(b.first.start, b.first.end));
  if (!m || (m[3] === '米' && !m[2])) return null;
  const start = b.first.start + m.index;
  const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
  const unit = m[3] ?? '';
  return {
    start,
    end: start + m[0].length,
    items: [{ value: Number(m[1]) * scale, unit, product: null }],
    text: m[0],
  };
}
