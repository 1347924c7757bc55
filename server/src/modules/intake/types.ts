// Result types of the news/report extraction engine (issue 7). Pure data: no database, no HTTP.
// Every extracted item carries a `span` of character offsets into the text the caller passed in, so the
// review UI can highlight exactly what the extractor read.

/** Half-open range [start, end) of UTF-16 code-unit offsets into the caller's original text. */
export interface Span {
  start: number;
  end: number;
}

import { NEWS_STAGES } from '../../../../shared/src/intake';

/** Project stages in the order a project moves through them (PRODUCT.md glossary). */
export const STAGES = NEWS_STAGES;
export type Stage = (typeof STAGES)[number];

/** How a figure was hedged in the text: 约 about, 近 nearly, 超/以上 at least, 余/多 more than. */
export type Qualifier = 'about' | 'nearly' | 'over' | 'more_than' | null;

export interface MoneyFact {
  /** Integer yuan; null for non-CNY amounts (美元 etc. are not converted). */
  yuan: number | null;
  /** Upper bound of a range such as 3-5亿元, in the same currency as `amount`. */
  maxYuan: number | null;
  /** Amount in the stated currency's base unit (equals `yuan` for CNY). */
  amount: number;
  currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY';
  qualifier: Qualifier;
  asWritten: string;
  span: Span;
}

export interface CapacityItem {
  /** Absolute quantity: 4亿克拉 → 400000000 with unit 克拉. */
  value: number;
  unit: string;
  product: string | null;
}

export interface CapacityFact {
  items: CapacityItem[];
  asWritten: string;
  span: Span;
}

export interface JobsFact {
  count: number;
  qualifier: Qualifier;
  asWritten: string;
  span: Span;
}

export interface PercentFact {
  /** Percent points: 近20% → 20. Negative for 下降/减少. */
  value: number;
  qualifier: Qualifier;
  asWritten: string;
  span: Span;
}

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface DateFact {
  /** ISO-ish: 2024-08-15, 2024-08, 2024-Q4, 2025-H1, 2024, or 2025/2027 for a range of years. */
  date: string | null;
  precision: DatePrecision;
  /** The stage or event the date belongs to, when the text says one (开工, 投产, 设备调试 …). */
  event: string | null;
  stage: Stage | null;
  /** Future intent (预计, 计划, 确保, 力争 …) rather than a stated fact. */
  planned: boolean;
  asWritten: string;
  span: Span;
}

export interface StageFact {
  stage: Stage;
  planned: boolean;
  asWritten: string;
  span: Span;
}

export interface NamedSpan {
  name: string;
  span: Span;
}

export type FirmSource =
  | 'legal-suffix'
  | 'short-suffix'
  | 'known'
  | 'listing'
  | 'alias-declared'
  | 'enumeration'
  /** Named by its part in a project: 由华润电力投资建设, 投资方为伊利 (firm-agents.ts). */
  | 'agent';

export interface ExtractedFirm {
  /** Longest name seen for this firm (the legal name when the text gives one). */
  name: string;
  aliases: string[];
  /** True when `name` ends with a registered legal form (有限公司, 股份有限公司 …). */
  legalName: boolean;
  /** Id of the known firm this matched, when the caller passed `knownFirms` with ids. */
  knownId: string | null;
  source: FirmSource;
  spans: Span[];
}

export interface ExtractedPerson {
  name: string;
  title: string;
  organisation: string | null;
  span: Span;
}

export type SignalKind = 'capacity_pressure' | 'listing' | 'expansion' | 'financing';

export interface ExtractedSignal {
  kind: SignalKind;
  keyword: string;
  /** The firm the sentence is about, when one is named in it or in the project it belongs to. */
  firm: string | null;
  date: DateFact | null;
  sentence: string;
  span: Span;
}

export type MoneyRole =
  | 'investment'
  | 'investment_completed'
  | 'investment_annual'
  | 'output_value'
  | 'tax'
  | 'profit_tax'
  | 'exports'
  | 'financing'
  | 'other';

/** Every money amount found in the article with the meaning read from its context. */
export interface MoneyFigure extends MoneyFact {
  role: MoneyRole;
  /** Growth stated right after the amount (同比增长近20%). */
  growth: PercentFact | null;
  /** Firm named as the subject of the clause, if any (乖宝宠物食品出口4.86亿元). */
  subject: string | null;
}

export interface ExtractedProject {
  name: string;
  aliases: string[];
  span: Span;
  mentions: Span[];
  companies: NamedSpan[];
  capacity: CapacityFact | null;
  investment: MoneyFact | null;
  outputValue: MoneyFact | null;
  tax: MoneyFact | null;
  jobs: JobsFact | null;
  exports: { value: MoneyFact; growth: PercentFact | null } | null;
  /** Most advanced stage stated as reached; 在建 when only future stages are announced. */
  stage: StageFact | null;
  stages: StageFact[];
  park: NamedSpan | null;
  dates: DateFact[];
  /** People the article quotes for this project (项目负责人姜子振). */
  contacts: NamedSpan[];
  /** Totals for a batch of projects (集中开工104个项目，总投资375亿元), not one project. */
  isAggregate: boolean;
}

export interface ArticleExtraction {
  title: string | null;
  byline: string | null;
  dateline: string | null;
  /** Spans of the article's text in the input (several when the page text is out of order). */
  spans: Span[];
  projects: ExtractedProject[];
  firms: ExtractedFirm[];
  people: ExtractedPerson[];
  parks: NamedSpan[];
  signals: ExtractedSignal[];
  figures: MoneyFigure[];
}

export interface PageExtraction {
  articles: ArticleExtraction[];
  /** Why the input was cut or refused, if it was (too long, binary junk). */
  warnings: string[];
}

export interface KnownFirm {
  id?: string;
  name: string;
  aliases?: string[];
}

export interface ExtractOptions {
  /** Publication date (YYYY-MM-DD) that relative dates (3月份, 预计年底, 明年上半年) are read against. */
  articleDate?: string;
  /** Firms already in the database, so short names (乖宝宠物) are recognised. */
  knownFirms?: ReadonlyArray<KnownFirm | string>;
}

/**
 * The seam for other extractors: a model-based extractor can implement the same contract and the intake
 * service picks one by configuration. Async because a model call would be.
 */
export interface Extractor {
  readonly id: string;
  extractPage(text: string, opts?: ExtractOptions): Promise<PageExtraction>;
  extractArticle(text: string, opts?: ExtractOptions): Promise<ArticleExtraction>;
}
