// Which stage a date in a sentence dates: the event written in the date's clause, or in the next clause
// when that clause has no date of its own (明年上半年，设备能够进厂调试), or a stage right before the date.

import type { DateToken } from './date-parser';
import type { TensedStage } from './project-builder';

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
