// The assembler's input and output, and the word lists it reads a sentence's role with. Apart from
// assemble.ts so that file stays a readable size.

import type { CleanText, Sentence } from './clean-text';
import type { DateToken } from './date-parser';
import type { FirmMention, ParkMention, PersonMention } from './entity-extractor';
import type { FirmCluster } from './firm-clusters';
import type { RoledMoney } from './money-roles';
import type { ProjectBuilder } from './project-builder';

export interface AssembleInput {
  clean: CleanText;
  firms: FirmMention[];
  clusterOf: (m: FirmMention) => FirmCluster | undefined;
  articleDate: string | undefined;
}

export interface Assembled {
  projects: ProjectBuilder[];
  sentences: Sentence[];
  money: RoledMoney[];
  dates: DateToken[];
  parks: ParkMention[];
  people: PersonMention[];
  /** Project each sentence was read as being about (index → builder), for signals. */
  sentenceProject: Map<number, ProjectBuilder>;
}

export const COMPANY_VERBS =
  /投资|建设|投建|设立|实施|推进|签约|落户|入驻|引进|承建|合作|入股|由|打造|新上|计划/;
export const VENUE_AFTER = /^(?:举行|召开|举办|分会场|会场|隆重)/;
export const MAX_PROJECTS = 200;
/** "总投资3.2亿元的" right before a name: the name is a list item with an amount of its own. */
export const OWN_AMOUNT_BEFORE = /投资(?:额|总额)?[约近超达为]?[\d.]+[万亿]*元(?:以上)?的$/;
