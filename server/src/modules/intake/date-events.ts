// Which stage a date in a sentence dates: the event written in the date's clause, or in the next clause
// when that clause has no date of its own (明年上半年，设备能够进厂调试), or a stage right before the date.

import { periodKey } from './assemble-rules';
import type { DateToken } from './date-parser';
import type { ProjectBuilder, TensedStage } from './project-builder';

export function stageOfDate(
  text: string,
  date: DateToken,
  sentenceEnd: number,
  stages: readonly TensedStage[],
  dates: readonly DateToken[],
): TensedStage | undefined {
  const rest = text.slice(date.end, sentenceEnd);
  const first = rest.search(/[，,；;]/);
  const second = first < 0 ? -1 : rest.slice(first + 1).search(/[，,；;]/);
  let clauseEnd = first < 0 || second < 0 ? sentenceEnd : date.end + first + 1 + second;
  // "1月30日前完成建设，…明年6月中旬调试完毕": the next clause's own date takes its event.
  if (first >= 0 && dates.some((x) => x.start > date.end + first && x.start < clauseEnd))
    clauseEnd = date.end + first;
  return (
    stages.find((x) => x.start >= date.end && x.start <= clauseEnd) ??
    [...stages].reverse().find((x) => x.end <= date.start && date.start - x.end <= 6)
  );
}

/** Who looks rather than acts: the reporter, an official's visit or inspection. */
const VISIT = /记者|笔者|走进|来到|探访|走访|观摩|调研|视察|督查/;

/**
 * A day that opens its sentence dates the sentence's event (8月15日，…举行开工仪式) — unless the sentence
 * is the reporter's or an official's visit (3月10日上午，记者走进…; 1月5日，…观摩活动继续举行) or a photo
 * caption (图为11月14日项目建设现场): that day is when someone looked, not a step of the project.
 * Read over the date's clause and the next one (the first may be only 上午).
 */
export function datesAVisit(
  text: string,
  date: DateToken,
  sentenceStart: number,
  sentenceEnd: number,
): boolean {
  if (/图为|摄于/.test(text.slice(Math.max(sentenceStart, date.start - 3), date.start))) return true;
  const rest = text.slice(date.end, sentenceEnd);
  const seps = [...rest.matchAll(/[，,；;]/g)].map((m) => m.index ?? 0);
  const span = seps.length >= 2 ? rest.slice(0, seps[1]) : rest;
  return VISIT.test(span);
}

/**
 * A year that names a batch or a list rather than dating an event: "2016年第三批亿元以上重点项目",
 * "2018年度重点项目" — the projects were listed for that year, nothing happened to them on it.
 */
export function namesABatch(text: string, date: DateToken): boolean {
  if (date.precision !== 'year') return false;
  return /^度?(?:第[一二三四五六七八九十\d]+批|(?:省|市|区|县)?(?:重点|重大)(?:产业)?项目)/.test(
    text.slice(date.end, date.end + 10),
  );
}

/**
 * "黑龙江日报10月19日讯 年初以来…": the day of the dispatch, not of an event it reports — unless the
 * report says its event was that day ("4月9日讯 今天，…集中签约活动…举行").
 */
export function isDateline(text: string, date: DateToken): boolean {
  if (date.precision !== 'day' || !/^(?:讯|电)/.test(text.slice(date.end, date.end + 1))) return false;
  const after = text.slice(date.end, date.end + 40);
  const stop = after.search(/[。！？]/);
  return !/今天|今日|当天|当日/.test(stop >= 0 ? after.slice(0, stop) : after);
}

/** "截至6月底，…项目中A已开工": a statistics cut-off (as of), not the day of a step. */
export function isCutOff(text: string, date: DateToken): boolean {
  return /(?:截至|截止|截止到)$/.test(text.slice(Math.max(0, date.start - 3), date.start));
}

/**
 * Gives each date of a sentence to the project it is about (`target`), with the stage it dates and
 * whether it is a plan (a stage written as one, or a date after the article's); a year naming a batch,
 * a dateline and a cut-off date nothing. A day opening the sentence is kept even with no stage beside
 * it, unless the sentence is someone's visit.
 */
export function attachSentenceDates(
  text: string,
  sent: { start: number; end: number },
  sentDates: readonly DateToken[],
  sentStages: readonly TensedStage[],
  todayKey: number | null,
  target: (at: number) => ProjectBuilder | null,
): void {
  for (const d of sentDates) {
    const b = target(d.start);
    if (
      !b ||
      b.dates.some((x) => x.tok.start === d.start) ||
      namesABatch(text, d) ||
      isDateline(text, d) ||
      isCutOff(text, d)
    )
      continue;
    const st = stageOfDate(text, d, sent.end, sentStages, sentDates);
    const from = periodKey(d.date, false);
    b.dates.push({
      tok: d,
      stage: st?.stage ?? null,
      event: st?.text ?? null,
      planned: st?.planned ?? (from !== null && todayKey !== null && from > todayKey),
      opensSentence: d.start - sent.start <= 2 && !datesAVisit(text, d, sent.start, sent.end),
    });
  }
}
