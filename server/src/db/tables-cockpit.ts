/**
 * The cockpit's roll-ups (migrations 20261206_0019, _0020 for parks, 20261207_0037 for chain links): counts the database keeps with triggers so the
 * cockpit and the warnings read a few thousand rows instead of every project. '' stands for "none"
 * in a key (no park, no link, no stage date).
 */

/** Projects and their total investment per park, chain link and current stage. */
export interface ProjectRollupTable {
  park: string;
  link_id: string;
  stage: string;
  projects: number;
  investment: number;
  /** Projects with a total investment (the leader's switch counts them). */
  valued: number;
  /** Sum of funds in place (ledger). */
  funds: number;
}

/** Projects per current stage and the date they entered it. */
export interface StageDayStatTable {
  stage: string;
  stage_date: string;
  projects: number;
}

/** Open milestones (no actual date) per planned date. */
export interface MilestoneDayStatTable {
  planned_date: string;
  milestones: number;
}

/** Per project with an open planned milestone: the earliest planned date among them. */
export interface ProjectLateFromTable {
  project_id: string;
  first_planned: string;
  /** The project's park ('' for none), kept when the project moves. */
  park: string;
  /** The project's chain link ('' for none), kept when the project moves (migration 0037). */
  link_id: string;
}

/** Projects per earliest open planned date (project_late_from grouped). */
export interface LateDayStatTable {
  first_planned: string;
  projects: number;
}

/** Projects per park, current stage and the date they entered it. */
export interface ParkStageDayStatTable {
  park: string;
  stage: string;
  stage_date: string;
  projects: number;
}

/** Projects per park and earliest open planned date (project_late_from grouped). */
export interface ParkLateDayStatTable {
  park: string;
  first_planned: string;
  projects: number;
}

/** Open milestones (no actual date) per park of their project and planned date. */
export interface ParkMilestoneDayStatTable {
  park: string;
  planned_date: string;
  milestones: number;
}

/** Projects per chain link, current stage and the month they entered it ('YYYY-MM'; migration 0037). */
export interface LinkStageMonthStatTable {
  link_id: string;
  stage: string;
  stage_month: string;
  projects: number;
}

/** Projects per chain link and earliest open planned date (project_late_from grouped). */
export interface LinkLateDayStatTable {
  link_id: string;
  first_planned: string;
  projects: number;
}

/** Open milestones (no actual date) per chain link of their project and planned date. */
export interface LinkMilestoneDayStatTable {
  link_id: string;
  planned_date: string;
  milestones: number;
}
