import type { Insertable, Kysely, Transaction } from 'kysely';
import type { MuClass } from '../../../../shared/src/agreement';
import type { Database, MuEvaluationItemTable, MuEvaluationTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export function evaluationOf(db: Q, year: number) {
  return db.selectFrom('mu_evaluation').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Rated firms by rank, then those that cannot be rated by name; one class (or unrated) if asked. */
export function itemsPage(
  db: Q,
  evaluationId: string,
  q: { class?: MuClass | 'unrated' | undefined; limit?: number; offset?: number },
) {
  let sel = db
    .selectFrom('mu_evaluation_item')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy((eb) => eb.case().when('rank', 'is', null).then(1).else(0).end())
    .orderBy('rank')
    .orderBy('firm_name')
    .orderBy('firm_id');
  if (q.class === 'unrated') sel = sel.where('class', 'is', null);
  else if (q.class) sel = sel.where('class', '=', q.class);
  if (q.limit !== undefined) sel = sel.limit(q.limit).offset(q.offset ?? 0);
  return sel.execute();
}

export function classCounts(db: Q, evaluationId: string) {
  return db
    .selectFrom('mu_evaluation_item')
    .select(['class', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('evaluation_id', '=', evaluationId)
    .groupBy('class')
    .execute();
}

/** Firms' classes in an evaluation: all of them, or those named (a page's firms). */
export async function classesOf(db: Q, evaluationId: string, firmIds?: readonly string[]) {
  const sel = db
    .selectFrom('mu_evaluation_item')
    .select(['firm_id', 'class'])
    .where('evaluation_id', '=', evaluationId);
  return firmIds ? sel.where('firm_id', 'in', [...firmIds]).execute() : sel.execute();
}

/**
 * Removes a year's evaluation (a rerun replaces it; the audit row keeps its counts). Its items go
 * a chunk at a time: a zone's 50k rows in one statement held SQLite's synchronous driver, and with
 * it the event loop, for the whole delete.
 */
export async function deleteEvaluation(db: Q, id: string) {
  for (;;) {
    const chunk = db
      .selectFrom('mu_evaluation_item')
      .select('firm_id')
      .where('evaluation_id', '=', id)
      .limit(2000);
    const gone = await db
      .deleteFrom('mu_evaluation_item')
      .where('evaluation_id', '=', id)
      .where('firm_id', 'in', chunk)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
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
