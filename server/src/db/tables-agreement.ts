// Table types of one area (issue 14: agreements, actuals, compliance, 亩均); conventions: database.ts.
import type { Generated } from 'kysely';

/** 投资协议 an investment agreement of a project. */
export interface AgreementTable {
  id: string;
  project_id: string;
  number: string;
  signed_date: string;
  zone_party: string;
  signing_company: string;
  signing_firm_id: string | null;
  note: string | null;
  is_sample: number;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgreementAmendmentTable {
  id: string;
  agreement_id: string;
  date: string;
  reason: string;
  actor_name: string | null;
  at: string;
}

/** One promise; a changed promise is a new row and this one gets `superseded_by`. */
export interface AgreementCommitmentTable {
  id: string;
  agreement_id: string;
  project_id: string;
  measure: string;
  value: number | null;
  due_year: number;
  due_date: string | null;
  amendment_id: string | null;
  superseded_by: string | null;
  created_at: string;
}

/** An actual figure with its source; figures from different sources sit side by side. */
export interface ActualFigureTable {
  id: string;
  project_id: string | null;
  firm_id: string | null;
  year: number;
  period: string;
  measure: string;
  value: number;
  source: string;
  confirmed_by: string | null;
  note: string | null;
  is_sample: number;
  actor_name: string | null;
  created_at: string;
}

export interface ComplianceActionTable {
  id: string;
  project_id: string;
  agreement_id: string;
  commitment_id: string | null;
  kind: string;
  date: string;
  note: string | null;
  new_due_date: string | null;
  amendment_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface MuConfigTable {
  id: string;
  config_json: string;
  updated_by_name: string | null;
  updated_at: string;
}

export interface MuEvaluationTable {
  id: string;
  year: number;
  config_json: string;
  benchmarks_json: string;
  is_sample: number;
  run_by_name: string | null;
  run_at: string;
  /**
   * `current`: the year's ranking readers see (one per year); `staging`: a run whose rows are still
   * being written; `replaced`: an earlier run whose rows are being removed (migration 0028).
   */
  state: Generated<MuEvaluationState>;
}

export type MuEvaluationState = 'staging' | 'current' | 'replaced';

export interface MuEvaluationItemTable {
  evaluation_id: string;
  firm_id: string;
  firm_name: string;
  class: string | null;
  score: number | null;
  rank: number | null;
  values_json: string;
  reason: string | null;
}
