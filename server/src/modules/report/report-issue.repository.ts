import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, ReportIssueTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Takes the next 文号 number of a kind and year in one statement: an upsert that creates the year's
 * counter at 1 or adds one to it, returning the number. Both databases run it atomically (PostgreSQL
 * locks the counter row until the transaction ends; SQLite has one writer), so two concurrent issues
 * get two numbers, and a number whose transaction rolls back is given again (no gap, no repeat).
 */
export async function takeNumber(trx: Transaction<Database>, kind: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('document_sequence')
    .values({ kind, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'year'])
        .doUpdateSet({ last_number: sql<number>`document_sequence.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** The issue of a round in force (not withdrawn), if it has been issued. */
export function issueOfRound(db: Q, roundId: string): Promise<ReportIssueTable | undefined> {
  return db
    .selectFrom('report_issue')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

export function findIssue(db: Q, id: string): Promise<ReportIssueTable | undefined> {
  return db.selectFrom('report_issue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an issue withdrawn (作废) unless it already is; answers how many rows changed. */
export async function markWithdrawn(
  db: Q,
  id: string,
  w: { at: string; by: string; byName: string; reason: string },
): Promise<number> {
  const res = await db
    .updateTable('report_issue')
    .set({ withdrawn_at: w.at, withdrawn_by: w.by, withdrawn_by_name: w.byName, withdraw_reason: w.reason })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertIssue(trx: Transaction<Database>, row: ReportIssueTable): Promise<void> {
  await trx.insertInto('report_issue').values(row).execute();
}

/** Issued reports, newest first. */
export function listIssues(db: Q, limit: number): Promise<ReportIssueTable[]> {
  return db
    .selectFrom('report_issue')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('year', 'desc')
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

export function roundKind(db: Q, roundId: string) {
  return db.selectFrom('round').select(['id', 'kind']).where('id', '=', roundId).executeTakeFirst();
}

export function zoneName(db: Q) {
  return db.selectFrom('zone').select('name').executeTakeFirst();
}
