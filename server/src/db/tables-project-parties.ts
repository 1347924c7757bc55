// Table types of one area (issue 14: project parties and figure provenance); conventions and the
// Database map: database.ts.
import type { ColumnType } from 'kysely';

/**
 * 项目公司: the firm that signs for the project (often founded for it), apart from the investors
 * (project_investor) and the firm first approached (the lead's target). Optional on insert.
 */
export interface ProjectPartyColumns {
  company_firm_id: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The investors with their firms' names as the list shows them (migration 20261206_0030), a copy
   * of project_investor ⨝ firm rewritten by refreshProjectDerivedColumns: never written directly.
   */
  investors_json: ColumnType<string, string | undefined, string>;
}

/** What a select of project returns for the party columns (row types extend this). */
export interface ProjectPartyFields {
  company_firm_id: string | null;
}

/**
 * Where a project's KPI value comes from (shared/src/figure-source.ts): one row per project and
 * figure, rewritten by every path that writes the value. `value` is the value the row speaks for:
 * a value written later by a path that kept no record does not inherit it.
 */
export interface ProjectFigureSourceTable {
  project_id: string;
  figure: string;
  source: string;
  origin: string;
  value: number;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}
