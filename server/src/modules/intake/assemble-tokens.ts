// The facts an article's cleaned text holds before they are tied to projects: its sentences, project
// names (with those a capacity leads and those written again), amounts, counts of jobs, dates, stage
// words, parks and people. Apart from assemble.ts, which ties them together.

import { articleKey, capacityLedNames } from './assemble-rules';
import { capacityRecurrences } from './capacity-recurrence';
import { splitSentences } from './clean-text';
import { findDates, parseArticleDate } from './date-parser';
import { type FirmMention, findParks, findPeople } from './entity-extractor';
import { findRoledMoney } from './money-roles';
import { withRecurrences } from './name-recurrence';
import { isFirmsName } from './park-rules';
import { findProjectNames } from './project-names';
import { findCapacities, findJobs } from './quantity-parser';
import { findStages } from './stage-signal';

export function readTokens(text: string, firms: readonly FirmMention[], articleDate: string | undefined) {
  const base = parseArticleDate(articleDate);
  const caps = findCapacities(text);
  const baseNames = findProjectNames(text, firms);
  const named = [...baseNames, ...capacityLedNames(text, caps, baseNames)];
  return {
    todayKey: articleKey(base),
    sentences: splitSentences(text),
    caps,
    names: withRecurrences(text, [...named, ...capacityRecurrences(text, named)]).sort(
      (a, b) => a.start - b.start,
    ),
    money: findRoledMoney(text),
    jobs: findJobs(text),
    dates: findDates(text, base),
    stages: findStages(text),
    parks: findParks(text).filter((p) => !isFirmsName(text, p, firms)),
    people: findPeople(text),
  };
}
