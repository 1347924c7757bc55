import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * A 亩均 run written in stages (issue 14). A province's ranking is hundreds of thousands of rows;
 * stored in one transaction it held SQLite's main connection, and every other request, for
 * seconds. So a run's rows are written in short transactions under its own evaluation row in state
 * `staging`, which no reader sees, and the run becomes the year's `current` one in one short
 * transaction at the end (the one it replaces is `replaced` until its rows are gone).
 *
 * "One evaluation per year" becomes "one current evaluation per year": a partial unique index. On
 * SQLite the column-level UNIQUE(year) cannot be dropped, so both tables are rebuilt: the items
 * first, so that dropping the old evaluation table cascades to nothing.
 */
const EVALUATION_COLUMNS = 'id, year, config_json, benchmarks_json, is_sample, run_by_name, run_at';
const ITEM_COLUMNS = 'evaluation_id, firm_id, firm_name, class, score, rank, values_json, reason';

async function rebuildSqlite(db: AnyDb, staged: boolean): Promise<void> {
  const year = staged ? 'year integer not null' : 'year integer not null unique';
  const state = staged ? ", state text not null default 'current'" : '';
  const keep = staged ? '' : " where state = 'current'";
  await sql
    .raw(`create table mu_evaluation_next (id text primary key, ${year}, config_json text not null,
      benchmarks_json text not null, is_sample integer not null default 0, run_by_name text,
      run_at text not null${state})`)
    .execute(db);
  await sql
    .raw(
      `insert into mu_evaluation_next (${EVALUATION_COLUMNS}) select ${EVALUATION_COLUMNS} from mu_evaluation${keep}`,
    )
    .execute(db);
  await sql
    .raw(`create table mu_evaluation_item_next (
      evaluation_id text not null references mu_evaluation_next(id) on delete cascade,
      firm_id text not null, firm_name text not null, class text, score double precision, rank integer,
      values_json text not null, reason text,
      constraint mu_evaluation_item_pk primary key (evaluation_id, firm_id))`)
    .execute(db);
  await sql
    .raw(`insert into mu_evaluation_item_next (${ITEM_COLUMNS}) select ${ITEM_COLUMNS} from mu_evaluation_item
      where evaluation_id in (select id from mu_evaluation_next)`)
    .execute(db);
  await sql.raw('drop table mu_evaluation_item').execute(db);
  await sql.raw('drop table mu_evaluation').execute(db);
  // Renaming rewrites the items' foreign key to the new name (SQLite ≥ 3.26, legacy_alter_table off).
  await sql.raw('alter table mu_evaluation_next rename to mu_evaluation').execute(db);
  await sql.raw('alter table mu_evaluation_item_next rename to mu_evaluation_item').execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema
      .alterTable('mu_evaluation')
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('current'))
      .execute();
    await sql.raw('alter table mu_evaluation drop constraint mu_evaluation_year_key').execute(db);
  } else {
    await rebuildSqlite(db, true);
  }
  await db.schema
    .createIndex('mu_evaluation_current_year_uq')
    .on('mu_evaluation')
    .column('year')
    .unique()
    .where(sql.ref('state'), '=', sql.lit('current'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('mu_evaluation_current_year_uq').execute();
  if (dialectOf(db) === 'postgres') {
    await sql.raw("delete from mu_evaluation where state <> 'current'").execute(db);
    await sql
      .raw('alter table mu_evaluation add constraint mu_evaluation_year_key unique (year)')
      .execute(db);
    await db.schema.alterTable('mu_evaluation').dropColumn('state').execute();
  } else {
    await rebuildSqlite(db, false);
  }
}
