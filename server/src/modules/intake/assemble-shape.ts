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
export const SIGNING = /签订[^，,。；]{0,10}协议|签署[^，,。；]{0,10}协议|签约|落户/;
/**
 * A title and a speaking verb right after a firm's name: the firm is named for the person who speaks
 * (A公司总经理李涛说), not as a party (A公司董事长万刚签订投资协议).
 */
export const SPEAKER_TITLE =
  /^(?:党委书记|董事长|总经理|副总经理|总裁|副总裁|负责人|相关负责人|经理|代表)[\u4e00-\u9fff]{0,3}(?:说|表示|介绍|称|指出)/;
export const VENUE_AFTER = /^(?:举行|召开|举办|分会场|会场|隆重)/;
export const MAX_PROJECTS = 200;
/** "总投资3.2亿元的" right before a name: the name is a list item with an amount of its own. */
export const OWN_AMOUNT_BEFORE = /投资(?:额|总额)?[约近超达为]?[\d.]+[万亿]*元(?:以上)?的$/;
