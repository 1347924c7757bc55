import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { chainMapData, chainOverviewData, recordsOfLinks, referralRows } from './chain-read.repository';
import { rankLinkTargets, type TargetTaskParams } from './chain-targets.task';

/**
 * Industrial chains' heavy reads (issue 4), run off the event loop (registered in
 * server/src/read-tasks.ts): map aggregates, zone overview, a link's records, ranked targets, referrals.
 */
export const chainReadTasks = {
  'chain.map': (db: Kysely<Database>, p: { chainId: string; year: number }) => chainMapData(db, p),
  'chain.overview': (db: Kysely<Database>, p: { year: number }) => chainOverviewData(db, p),
  'chain.link-records': (db: Kysely<Database>, p: { linkIds: string[] }) => recordsOfLinks(db, p),
  'chain.targets': (db: Kysely<Database>, p: TargetTaskParams) => rankLinkTargets(db, p),
  'chain.referrals': (db: Kysely<Database>, p: { limit: number }) => referralRows(db, p),
};
