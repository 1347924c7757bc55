// Table types of one area; conventions and the Database map: database.ts.

/** 资讯录入 a pasted or uploaded news text (issue 7); spans in its articles and proposals point into raw_text. */
export interface IntakeTable {
  id: string;
  source_kind: string;
  file_name: string | null;
  article_date: string | null;
  raw_text: string;
  encoding: string | null;
  extractor: string;
  warnings_json: string;
  status: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  applied_at: string | null;
  applied_by_name: string | null;
}

/** One article of an intake (a newspaper page holds several). */
export interface IntakeArticleTable {
  id: string;
  intake_id: string;
  position: number;
  title: string | null;
  byline: string | null;
  dateline: string | null;
  start_offset: number;
  end_offset: number;
  spans_json: string;
  text: string;
  extraction_json: string;
  matches_json: string;
  /** sha256 of the normalised text (no whitespace or punctuation, NFKC): finds the same article imported again. */
  text_hash: string | null;
  /** Id of the first article with the same hash, when this one was imported after it. */
  duplicate_of: string | null;
}

/** A reviewable change read from an article: create a firm or lead, update a project, tag a firm. */
export interface IntakeProposalTable {
  id: string;
  intake_id: string;
  article_id: string;
  position: number;
  kind: string;
  target_entity: string;
  target_id: string | null;
  title: string;
  payload_json: string;
  current_json: string | null;
  spans_json: string;
  /** The span each proposed field was read from: { field: { start, end } } into intake.raw_text. */
  field_spans_json: string;
  depends_on: string | null;
  match_json: string | null;
  status: string;
  result_id: string | null;
  applied_at: string | null;
}

/** Which article a change to a firm, lead or project came from (一条记录可追溯到来源资讯). */
export interface ProvenanceTable {
  id: string;
  entity: string;
  entity_id: string;
  intake_id: string;
  article_id: string;
  proposal_id: string;
  action: string;
  fields_json: string;
  /** The values applied: [{ field, value, span, basis }] (basis news_estimate for figures read from news). */
  values_json: string;
  applied_at: string;
  applied_by: string | null;
  applied_by_name: string | null;
}
