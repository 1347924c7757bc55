import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Province scale (issue 4): per-link counts kept up to date by the database itself.
 *
 * The chain map and the zone overview need, per link, the local firms, the live projects with
 * their investment, this year's share of them and the open leads. Counting them per request reads
 * every attached row: at province scale (5M firms, 1M projects) a 60-link chain is ~80k project
 * index entries and the map misses its 100 ms. These two tables hold the counts instead:
 *
 * - `link_stat` (one row per link): local firms, live (not cancelled) projects and their total
 *   investment, open (not signed, not lost) leads;
 * - `link_year_stat` (one row per link and Shanghai calendar year of the project's `created_at`,
 *   the year a project counts for — decision 006): live projects and investment.
 *
 * Triggers, not service hooks, maintain them: every write of firm / lead / project (services,
 * imports, the chain editor detaching records, a bulk load) changes them in the same transaction,
 * and no write site can forget to. The trigger bodies differ per database, so they are written out
 * here for both (a migration is frozen: it must not follow later edits of a shared helper).
 * Rows are never deleted (a link with nothing attached keeps zeros); a link id with no row reads as
 * zeros. `server/src/modules/chain/link-stats.ts` reads them and can recount them from scratch.
 */

/** Shanghai year of an ISO UTC timestamp, as text comparisons (both databases): Dec 31 16:00Z on is next year. */
const YEAR_OF = (col: string) =>
  `(cast(substr(${col}, 1, 4) as integer) + case when substr(${col}, 6, 14) >= '12-31T16:00:00' then 1 else 0 end)`;

const FIRM_COUNTS = (r: string) => `${r}.link_id is not null and ${r}.is_local = 1`;
const LEAD_COUNTS = (r: string) => `${r}.link_id is not null and ${r}.status not in ('signed', 'lost')`;
const PROJECT_COUNTS = (r: string) => `${r}.link_id is not null and ${r}.stage <> 'cancelled'`;

/** The statements that add (sign 1) or remove (sign -1) one row's share, for SQLite trigger bodies. */
function sqliteDelta(table: 'firm' | 'lead' | 'project', r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  const one = sign === 1 ? '1' : '-1';
  if (table === 'firm') {
    return `insert into link_stat (link_id, local_firms) select ${r}.link_id, ${one} where ${FIRM_COUNTS(r)}
      on conflict (link_id) do update set local_firms = local_firms ${s} 1;`;
  }
  if (table === 'lead') {
    return `insert into link_stat (link_id, open_leads) select ${r}.link_id, ${one} where ${LEAD_COUNTS(r)}
      on conflict (link_id) do update set open_leads = open_leads ${s} 1;`;
  }
  const inv = `coalesce(${r}.total_investment, 0)`;
  return `insert into link_stat (link_id, projects, investment) select ${r}.link_id, ${one}, ${s}${inv} where ${PROJECT_COUNTS(r)}
      on conflict (link_id) do update set projects = projects ${s} 1, investment = investment ${s} ${inv};
    insert into link_year_stat (link_id, year, projects, investment) select ${r}.link_id, ${YEAR_OF(`${r}.created_at`)}, ${one}, ${s}${inv} where ${PROJECT_COUNTS(r)}
      on conflict (link_id, year) do update set projects = projects ${s} 1, investment = investment ${s} ${inv};`;
}

/** Columns whose change can move a row's share (an update touching none of them fires nothing). */
const WATCHED = {
  firm: ['link_id', 'is_local'],
  lead: ['link_id', 'status'],
  project: ['link_id', 'stage', 'total_investment', 'created_at'],
} as const;

async function createSqliteTriggers(db: AnyDb, table: 'firm' | 'lead' | 'project') {
  const changed = WATCHED[table].map((c) => `old.${c} is not new.${c}`).join(' or ');
  await sql
    .raw(
      `create trigger ${table}_link_stat_ai after insert on ${table} begin ${sqliteDelta(table, 'new', 1)} end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_link_stat_ad after delete on ${table} begin ${sqliteDelta(table, 'old', -1)} end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_link_stat_au after update of ${WATCHED[table].join(', ')} on ${table} when ${changed}
       begin ${sqliteDelta(table, 'old', -1)} ${sqliteDelta(table, 'new', 1)} end`,
    )
    .execute(db);
}

/** The PL/pgSQL body's statements for one row's share (sign 1 adds, -1 removes). */
function pgDelta(table: 'firm' | 'lead' | 'project', r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  const one = sign === 1 ? '1' : '-1';
  if (table === 'firm') {
    return `if ${FIRM_COUNTS(r)} then
        insert into link_stat (link_id, local_firms) values (${r}.link_id, ${one})
          on conflict (link_id) do update set local_firms = link_stat.local_firms ${s} 1;
      end if;`;
  }
  if (table === 'lead') {
    return `if ${LEAD_COUNTS(r)} then
        insert into link_stat (link_id, open_leads) values (${r}.link_id, ${one})
          on conflict (link_id) do update set open_leads = link_stat.open_leads ${s} 1;
      end if;`;
  }
  const inv = `coalesce(${r}.total_investment, 0)`;
  return `if ${PROJECT_COUNTS(r)} then
        insert into link_stat (link_id, projects, investment) values (${r}.link_id, ${one}, ${s}${inv})
          on conflict (link_id) do update set projects = link_stat.projects ${s} 1, investment = link_stat.investment ${s} ${inv};
        insert into link_year_stat (link_id, year, projects, investment) values (${r}.link_id, ${YEAR_OF(`${r}.created_at`)}, ${one}, ${s}${inv})
          on conflict (link_id, year) do update set projects = link_year_stat.projects ${s} 1, investment = link_year_stat.investment ${s} ${inv};
      end if;`;
}

async function createPgTriggers(db: AnyDb, table: 'firm' | 'lead' | 'project') {
  const changed = WATCHED[table].map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
  await sql
    .raw(
      `create function ${table}_link_stat() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then ${pgDelta(table, 'old', -1)} end if;
        if tg_op in ('UPDATE', 'INSERT') then ${pgDelta(table, 'new', 1)} end if;
        return null;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_link_stat_aid after insert or delete on ${table}
       for each row execute function ${table}_link_stat()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_link_stat_au after update of ${WATCHED[table].join(', ')} on ${table}
       for each row when (${changed}) execute function ${table}_link_stat()`,
    )
    .execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('link_stat')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('local_firms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('investment', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('open_leads', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('link_year_stat')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('investment', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('link_year_stat_pk', ['link_id', 'year'])
    .execute();

  // Counts of the rows that exist now (a database migrated with data in it).
  await sql
    .raw(
      `insert into link_stat (link_id, local_firms, projects, investment, open_leads)
       select link_id, sum(f), sum(p), sum(i), sum(l) from (
         select link_id, count(*) as f, 0 as p, 0 as i, 0 as l from firm where ${FIRM_COUNTS('firm')} group by link_id
         union all
         select link_id, 0, count(*), coalesce(sum(total_investment), 0), 0 from project where ${PROJECT_COUNTS('project')} group by link_id
         union all
         select link_id, 0, 0, 0, count(*) from lead where ${LEAD_COUNTS('lead')} group by link_id
       ) t group by link_id`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into link_year_stat (link_id, year, projects, investment)
       select link_id, ${YEAR_OF('created_at')}, count(*), coalesce(sum(total_investment), 0)
       from project where ${PROJECT_COUNTS('project')} group by link_id, ${YEAR_OF('created_at')}`,
    )
    .execute(db);

  for (const t of ['firm', 'lead', 'project'] as const) {
    if (dialectOf(db) === 'postgres') await createPgTriggers(db, t);
    else await createSqliteTriggers(db, t);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of ['firm', 'lead', 'project'] as const) {
    if (pg) {
      await sql.raw(`drop trigger if exists ${t}_link_stat_aid on ${t}`).execute(db);
      await sql.raw(`drop trigger if exists ${t}_link_stat_au on ${t}`).execute(db);
      await sql.raw(`drop function if exists ${t}_link_stat()`).execute(db);
    } else {
      for (const k of ['ai', 'ad', 'au'])
        await sql.raw(`drop trigger if exists ${t}_link_stat_${k}`).execute(db);
    }
  }
  await db.schema.dropTable('link_year_stat').ifExists().execute();
  await db.schema.dropTable('link_stat').ifExists().execute();
}
