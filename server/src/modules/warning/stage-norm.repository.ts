import type { Kysely, Transaction } from 'kysely';
import type { Database, StageNormTable } from '../../db/database';

/** The stage_norm rows: the zone's own stage norms (阶段标准), one per stage it has set. */
type Q = Kysely<Database> | Transaction<Database>;

export function listStageNormRows(db: Q): Promise<StageNormTable[]> {
  return db.selectFrom('stage_norm').selectAll().execute();
}

export function findStageNorm(db: Q, stage: string): Promise<StageNormTable | undefined> {
  return db.selectFrom('stage_norm').selectAll().where('stage', '=', stage).executeTakeFirst();
}

export async function deleteStageNorm(db: Q, stage: string): Promise<void> {
  await db.deleteFrom('stage_norm').where('stage', '=', stage).execute();
}

export async function updateStageNorm(db: Q, stage: string, maxDays: number, nowIso: string): Promise<void> {
  await db
    .updateTable('stage_norm')
    .set({ max_days: maxDays, updated_at: nowIso })
    .where('stage', '=', stage)
    .execute();
}

export async function insertStageNorm(db: Q, stage: string, maxDays: number, nowIso: string): Promise<void> {
  await db.insertInto('stage_norm').values({ stage, max_days: maxDays, updated_at: nowIso }).execute();
}
