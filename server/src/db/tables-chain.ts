// Table types of one area; conventions and the Database map: database.ts.

/** 产业链 an industrial chain (issue 4). */
export interface ChainTable {
  id: string;
  name: string;
  name_en: string | null;
  /** 链长: the official in charge. */
  official_name: string | null;
  official_title: string | null;
  description: string | null;
  goal: string | null;
  /** zone | county | city (one of the city's key chains, listed only). */
  scope: string;
  region: string | null;
  is_city_key: number;
  sort_order: number;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 环节 a link of a chain: a tree by parent_id, grouped up/mid/downstream. */
export interface ChainLinkTable {
  id: string;
  chain_id: string;
  parent_id: string | null;
  name: string;
  /** up | mid | down */
  position: string;
  sort_order: number;
  description: string | null;
  /** JSON array of GB/T 4754 codes (any level) that define the link. */
  industry_codes_json: string;
  /** JSON array of keywords looked for in business scope, name and tags. */
  keywords_json: string;
  /** high | medium | low */
  priority: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

/** 链主 a chain-leader firm of a chain (optionally for one link). */
export interface ChainLeaderTable {
  chain_id: string;
  firm_id: string;
  link_id: string | null;
  note: string | null;
  position: number;
}

/** A park (园区) that carries a chain. */
export interface ChainParkTable {
  id: string;
  chain_id: string;
  name: string;
  note: string | null;
  position: number;
}

/** Annual targets of a chain; actuals are computed from the pipeline. */
export interface ChainTargetTable {
  chain_id: string;
  year: number;
  projects_target: number | null;
  investment_target: number | null;
  /** Invented demo targets are flagged like every sample record. */
  is_sample: number;
}

/** Per-zone chain settings: the target ranking weights. */
export interface ChainSettingTable {
  zone_id: string;
  weights_json: string;
  version: number;
  updated_at: string;
}

/**
 * Per-link counts kept by triggers (migration 0008): local firms, live projects with their
 * investment, open leads. Read by the chain map; written only by the database.
 */
export interface LinkStatTable {
  link_id: string;
  local_firms: number;
  projects: number;
  investment: number;
  open_leads: number;
}

/** Live projects and investment per link and Shanghai year of the project's created_at (0008). */
export interface LinkYearStatTable {
  link_id: string;
  year: number;
  projects: number;
  investment: number;
}
