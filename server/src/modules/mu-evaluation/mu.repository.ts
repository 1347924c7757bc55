import type { Insertable, Kysely, Transaction } from 'kysely';
import type { MuClass } from '../../../../shared/src/agreement';
import type { Database, MuEvaluationItemTable, MuEvaluationTable } from '../../db/database';
import type { MuEvaluationState } from '../../db/tables-agreement';

type Q = Kysely<Database> | Transaction<Database>;

/** The year's current evaluation: the one readers see (a run being staged or removed is not it). */
export function evaluationOf(db: Q, year: number) {
  return db
    .selectFrom('mu_evaluation')
    .selectAll()
    .where('year', '=', year)
    .where('state', '=', 'current')
    .executeTakeFirst();
}

export function evaluationsIn(db: Q, year: number, state: MuEvaluationState) {
  return db
    .selectFrom('mu_evaluation')
    .select(['id', 'run_at'])
    .where('year', '=', year)
    .where('state', '=', state)
    .execute();
}

/**
 * Makes a staged run the year's current one, in the caller's (short) transaction: the current one
 * becomes `replaced` first (one current per year). False if the run is no longer staged.
 */
export async function promote(db: Q, id: string, year: number): Promise<boolean> {
  await db
    .updateTable('mu_evaluation')
    .set({ state: 'replaced' })
    .where('year', '=', year)
    .where('state', '=', 'current')
    .execute();
  const done = await db
    .updateTable('mu_evaluation')
    .set({ state: 'current' })
    .where('id', '=', id)
    .where('state', '=', 'staging')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
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
 * Removes an evaluation (a replaced or abandoned run; the audit row keeps its counts). Its items go
 * a chunk at a time, each delete its own statement: a zone's 50k rows in one held SQLite's write
 * lock (and, on the main thread, the event loop) for the whole delete.
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

export async function insertHeader(db: Q, row: Insertable<MuEvaluationTable>) {
  await db.insertInto('mu_evaluation').values(row).execute();
}

export async function insertItems(db: Q, items: readonly MuEvaluationItemTable[]) {
  for (let i = 0; i < items.length; i += 500) {
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
