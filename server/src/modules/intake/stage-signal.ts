// Project stages (签约 … 达产) with whether the text states them as done or as planned, and business
// signals an officer acts on (capacity pressure, listing, expansion, financing).

import { lastBreakBefore, Occupancy } from './clean-text';
import type { SignalKind, Stage } from './types';

export interface StageMention {
  stage: Stage;
  planned: boolean;
  start: number;
  end: number;
  text: string;
  /**
   * "推动项目快建设、早竣工、早投产": a stage wished for (早, 尽快, 推动…) says nothing about where the project
   * stands, unlike one scheduled (预计年底竣工), which implies it is being built.
   */
  wished: boolean;
  /**
   * "在X项目施工现场举行", "一派热火朝天的施工景象": building named as the scene, not stated of the
   * project. It tells where a project stands only when nothing else in the text does.
   */
  scene: boolean;
}

/** Longer, more specific patterns first: overlaps keep the earlier pattern's match. */
const STAGE_PATTERNS: Array<[RegExp, Stage]> = [
  // "集中开竣工", "集中开工竣工": a batch started and completed together; of each item only that it has
  // started is sure.
  [/开竣工|开工竣工/g, '开工'],
  [/试生产|试投产|试运行|试产|试车生产|试车/g, '试生产'],
  // "竣工投产", "建成投产": the state reached is production, not completion.
  [/(?:竣工|建成)(?:并)?(?:投产|投入生产|投入使用|投用)/g, '投产'],
  // "基本具备竣工条件": built, not yet accepted.
  [/(?:基本)?具备竣工(?:验收)?条件/g, '主体完工'],
  // "预计年底前完成主体工程": the verb may come first.
  [
    /主体[^，,。；\n]{0,6}?(?:已经|已)?(?:全部|基本)?(?:完成|完工|封顶)|封顶|完成了?(?:[^，,。；\n]{0,4}?)主体(?:工程|结构|施工|建设)/g,
    '主体完工',
  ],
  [/竣工验收|竣工|完工|建成|完成建设(?!内容|任务)/g, '竣工验收'],
  [/(?:设备)?(?:进厂|进场)?(?:安装)?调试|设备(?:进厂|进场)|设备安装/g, '设备调试'],
  [
    /投产|投入生产|正式生产|投入运营|建成运营|投入使用|接连下线|下线|投运|投入运行|并网发电|建成投用|正常生产|进入(?:一期)?(?:正式)?生产阶段/g,
    '投产',
  ],
  // "可达到年产500万台套的生产能力": reaching the designed output is 达产.
  [/达产|满产|达效|达到[^，,。；\n]{0,14}?(?:生产能力|设计产能|设计能力)/g, '达产'],
  // "开复工" (started or resumed) reports construction under way from this season on: a start.
  // "正式进入施工阶段" after a groundbreaking: construction has just begun; "动建" is a local word for 开工;
  // "X项目在这里启动。", "X产业园已经启动，", "A、B等项目相继启动": a project that 启动 with nothing after
  // the verb has started.
  // "打下了第一根桩", "首桩开钻", "挖下第一铲土": the first pile or spadeful of a site is its start.
  [/第一根(?:桩|基桩)|首桩|第一(?:铲|锹|方)土/g, '开工'],
  [
    /开复工|开工建设|开工|动工|动建|破土|启动建设|正式启动|开建|奠基|(?:正式)?进入施工阶段|(?<=(?:项目|园|基地|中心)(?:在这里|已经|已|相继|先后|陆续|均已|均|同时)?)启动(?=[，,。；;\n]|仪式)/g,
    '开工',
  ],
  // "复工" alone: work resumed on a site already being built.
  [/复工/g, '在建'],
  // "签订甲醛及高效减水剂生产项目投资协议": the project's whole name may stand between the verb and 协议.
  [
    /签约|签订[^，,。；\n]{0,30}?协议|签署[^，,。；\n]{0,30}?协议|(?:成功|已经|已)引进|引进落地|落地|落户/g,
    '签约',
  ],
  // "与X集团签订的总投资3亿元的Y项目": a bare 签订/签下 before 的 or 了 is a signing too.
  [/(?:签订|签下|签署)(?=[的了])/g, '签约'],
  [
    /在建|续建|正在施工|正在建设|加速建设|加快建设|加紧建设|抓紧建设|建设中|如火如荼|紧锣密鼓|稳步推进|顺利推进|正在(?:扎实|加紧|加快|加速|有序|全力|快速)?推进|建设正酣|有序施工|正在进行[^，,。；\n]{0,8}?施工|施工/g,
    '在建',
  ],
  [/洽谈|在谈|对接中/g, '在谈'],
  // "总投资8.1亿元，目前已完成投资1.62亿元": money spent on a project so far says it is being built.
  // "超额完成年度投资目标任务": a target exceeded is money already spent, unlike a target to reach.
  [
    /(?:已|累计)?完成(?:固定资产)?投资(?![计任])|超额完成[^，,。；\n]{0,6}投资|已?累计投入|已投入(?=[\d.约近超])/g,
    '在建',
  ],
];
const PLANNED =
  /预计|计划|将|确保|力争|争取|有望|拟|准备|目标|力求|年底前|可望|即将|能够|可以|就能|即可|再有/;
const DONE = /已|目前|现已|正在|完成了|现阶段|现场/;
const WISHED = /(?:早日?|尽快|快|力促|促进|推动|推进|促成)$/;

function clauseOf(text: string, start: number, end: number): { before: string; after: string } {
  let s = start;
  while (s > 0 && start - s < 40 && !/[，,。；;\n]/.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && e - end < 20 && !/[，,。；;\n]/.test(text[e] ?? '')) e++;
  return { before: text.slice(s, start), after: text.slice(end, e) };
}

/** Stage keywords with tense. "投产后" and "建成后" are conditions, not stages, and are skipped. */
export function findStages(text: string): StageMention[] {
  const out: StageMention[] = [];
  const occupied = new Occupancy(text.length);
  for (const [re, stage] of STAGE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null = re.exec(text);
    while (m !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (occupied.free(start, end)) {
        occupied.take(start, end);
        const { before, after } = clauseOf(text, start, end);
        const conditional = /^[\u4e00-\u9fff]{0,4}?(?:后|之后|以后)(?![面续来])|^(?:前|条件)/.test(after);
        // "二期主体建设已经完成70%" is progress, not completion.
        const partial = /^\d+(?:\.\d+)?%/.test(after);
        // "设备安装工程于7月25日开工": a works package named after a stage is no stage reached.
        const nounUse =
          (/^(?:仪式|活动|大会|现场会)/.test(after) && stage !== '签约' && stage !== '开工') ||
          (stage === '设备调试' && /^工程/.test(after));
        if (!conditional && !nounUse) {
          // "已进入投产倒计时": a stage counted down to is still ahead.
          const countdown = /^倒计时/.test(after);
          const planned = PLANNED.test(before) && !/^(?:已|已经)/.test(before.slice(-2));
          out.push({
            stage: partial ? '在建' : stage,
            planned: countdown || (planned && !DONE.test(before.replace(/完成/, ''))),
            wished: WISHED.test(before.slice(-3)),
            scene: stage === '在建' && /^(?:现场|景象|场面|一线)/.test(after),
            start,
            end,
            text: m[0],
          });
        }
      }
      m = re.exec(text);
    }
  }
  return withoutCategoryRuns(
    text,
    out.sort((a, b) => a.start - b.start),
  );
}

/**
 * "新开工、在建、竣工项目不少于170个": three or more stage words joined by 、 that qualify 项目 name kinds of
 * projects a report counts; none of them is a step any one project took. Two (当天开工和签约项目中) may
 * still be the steps of the day's batch, which its members took one or the other of.
 */
function withoutCategoryRuns(text: string, sorted: StageMention[]): StageMention[] {
  const dropped = new Set<StageMention>();
  let run: StageMention[] = [];
  const close = () => {
    const last = run[run.length - 1];
    if (run.length >= 3 && last && /^(?:的)?(?:重点|重大|产业)?项目/.test(text.slice(last.end, last.end + 6)))
      for (const m of run) dropped.add(m);
    run = [];
  };
  for (const m of sorted) {
    const prev = run[run.length - 1];
    if (prev && !/^[、和及与]新?$/.test(text.slice(prev.end, m.start))) close();
    run.push(m);
  }
  close();
  return dropped.size === 0 ? sorted : sorted.filter((m) => !dropped.has(m));
}

export interface SignalMention {
  kind: SignalKind;
  keyword: string;
  start: number;
  end: number;
}

const SIGNAL_PATTERNS: Array<[RegExp, SignalKind]> = [
  [
    /产能不足|产能压力|产能紧张|供不应求|订单饱满|订单充足|订单排满|订单排到|满负荷|满产满销|产销两旺|一货难求/g,
    'capacity_pressure',
  ],
  [/上市|IPO|挂牌|过会/g, 'listing'],
  [/扩建|扩产|扩能|扩大产能|增资扩产|技改|技术改造|二期|三期/g, 'expansion'],
  [/融资|募资|募集资金|增资扩股|入股|战略投资|天使轮|[A-D]\+?轮|授信|贷款|定增/g, 'financing'],
];

/** Signal keywords; one per kind per sentence is enough for a reviewer, so duplicates are dropped. */
export function findSignals(text: string): SignalMention[] {
  const out: SignalMention[] = [];
  const lastOfKind = new Map<SignalKind, number>();
  for (const [re, kind] of SIGNAL_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null = re.exec(text);
    while (m !== null) {
      const start = m.index;
      const sentenceStart = lastBreakBefore(text, start, '。\n', 300);
      const last = lastOfKind.get(kind);
      const dup = last !== undefined && last > sentenceStart;
      const negated = /[不未无没](?:再|能|会)?$/.test(text.slice(Math.max(0, start - 2), start));
      if (!dup && !negated) {
        out.push({ kind, keyword: m[0], start, end: start + m[0].length });
        lastOfKind.set(kind, start);
      }
      m = re.exec(text);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
