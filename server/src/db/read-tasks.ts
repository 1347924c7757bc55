import { type Kysely, sql } from 'kysely';
import { listAudit } from '../modules/audit/audit.repository';
import {
  chainMapData,
  chainOverviewData,
  recordsOfLinks,
  referralRows,
} from '../modules/chain/chain-read.repository';
import { rankLinkTargets, type TargetTaskParams } from '../modules/chain/chain-targets.task';
import { cockpitData } from '../modules/cockpit/cockpit.task';
import { dispatchReportData, dispatchReportFile } from '../modules/report/dispatch-report.task';
import { requestOverview } from '../modules/request/request.repository';
import { targetsData } from '../modules/target/target.task';
import { warningsData } from '../modules/warning/warning.task';
import type { Database } from './database';

/**
 * Heavy reads that may run off the event loop. Each takes a Kysely handle and plain (cloneable)
 * parameters and returns plain data, so it can run in a worker thread on its own connection (read-only
 * on SQLite; a small pool on PostgreSQL, where the work around the queries — drawing a .docx — is
 * still synchronous JavaScript).
 * Areas add their cockpit, report and ranking queries here.
 */
export const READ_TASKS = {
  'audit.list': (db: Kysely<Database>, p: Parameters<typeof listAudit>[1]) => listAudit(db, p),
  /** Factor requests by department and type: open, overdue, average resolution (leader view). */
  'request.overview': (db: Kysely<Database>, p: { today: string }) => requestOverview(db, p),
  /** Industrial chains (issue 4): map aggregates, zone overview, a link's records, ranked targets, referrals. */
  'chain.map': (db: Kysely<Database>, p: { chainId: string; year: number }) => chainMapData(db, p),
  'chain.overview': (db: Kysely<Database>, p: { year: number }) => chainOverviewData(db, p),
  'chain.link-records': (db: Kysely<Database>, p: { linkIds: string[] }) => recordsOfLinks(db, p),
  'chain.targets': (db: Kysely<Database>, p: TargetTaskParams) => rankLinkTargets(db, p),
  'chain.referrals': (db: Kysely<Database>, p: { limit: number }) => referralRows(db, p),
  /** Cockpit, warnings, dispatch report, targets (issue 6). */
  'cockpit.data': (db: Kysely<Database>, p: Parameters<typeof cockpitData>[1]) => cockpitData(db, p),
  'warning.list': (db: Kysely<Database>, p: Parameters<typeof warningsData>[1]) => warningsData(db, p),
  'target.list': (db: Kysely<Database>, p: { year: number; today: string }) => targetsData(db, p),
  'report.dispatch': (db: Kysely<Database>, p: Parameters<typeof dispatchReportData>[1]) =>
    dispatchReportData(db, p),
  'report.dispatch-file': (db: Kysely<Database>, p: Parameters<typeof dispatchReportFile>[1]) =>
    dispatchReportFile(db, p),
  /** A deliberately slow query (counting with a recursive CTE): proves slow reads do not block. */
  'system.slow-count': async (db: Kysely<Database>, p: { upTo: number }) => {
    const res = await sql<{ n: number }>`
      with recursive c(x) as (select 1 union all select x + 1 from c where x < ${p.upTo})
      select count(*) as n from c`.execute(db);
    return Number(res.rows[0]?.n ?? 0);
  },
} as const;

export type ReadTaskName = keyof typeof READ_TASKS;
export type ReadTaskParams<K extends ReadTaskName> = Parameters<(typeof READ_TASKS)[K]>[1];
export type ReadTaskResult<K extends ReadTaskName> = Awaited<ReturnType<(typeof READ_TASKS)[K]>>;
