import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, MuEvaluationItemTable, MuEvaluationTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export function evaluationOf(db: Q, year: number) {
  return db.selectFrom('mu_evaluation').selectAll().where('year', '=', year).executeTakeFirst();
}

export function itemsOf(db: Q, evaluationId: string) {
  return db
    .selectFrom('mu_evaluation_item')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy((eb) => eb.case().when('rank', 'is', null).then(1).else(0).end())
    .orderBy('rank')
    .orderBy('firm_name')
    .execute();
}

export function classesOf(db: Q, evaluationId: string) {
  return db
    .selectFrom('mu_evaluation_item')
    .select(['firm_id', 'class'])
    .where('evaluation_id', '=', evaluationId)
    .execute();
}

/** Removes a year's evaluation (a rerun replaces it; the audit row keeps its counts). */
export async function deleteEvaluation(db: Q, id: string) {
  await db.deleteFrom('mu_evaluation_item').where('evaluation_id', '=', id).execute();
  await db.deleteFrom('mu_evaluation').where('id', '=', id).execute();
}

export async function insertEvaluation(
  db: Q,
  row: Insertable<MuEvaluationTable>,
  items: MuEvaluationItemTable[],
) {
  await db.insertInto('mu_evaluation').values(row).execute();
  for (let i = 0; i < items.length; i += 500) {
    // SQLite writes synchronously: between chunks let the event loop answer other requests.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    await db
      .insertInto('mu_evaluation_item')
      .values(items.slice(i, i + 500))
      .execute();
  }
}

export async function saveConfig(db: Q, json: string, by: string, at: string) {
  const had = await db
    .selectFrom('mu_config')
    .select('config_json')
    .where('id', '=', 'zone')
    .executeTakeFirst();
  if (had) {
    await db
      .updateTable('mu_config')
      .set({ config_json: json, updated_by_name: by, updated_at: at })
      .where('id', '=', 'zone')
      .execute();
  } else {
    await db
      .insertInto('mu_config')
      .values({ id: 'zone', config_json: json, updated_by_name: by, updated_at: at })
      .execute();
  }
  return had?.config_json ?? null;
}
