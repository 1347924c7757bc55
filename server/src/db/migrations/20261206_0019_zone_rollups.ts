import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The cockpit's figures without a scan (issue 19). At province scale (1M projects) the cockpit read
 * every project and every open milestone on each request (9–10 s). The database now keeps:
 *
 * - `project_rollup` (park, link, stage): projects and total investment — the stage funnel, the
 *   active totals and the parks that have projects, for the zone, a park or a chain (its links);
 * - `stage_day_stat` (stage, stage date): projects — the stuck-in-stage warnings of the zone are a
 *   sum over a few thousand rows for any "today" and any stage norm, since a norm only moves a cutoff;
 * - `milestone_day_stat` (planned date): open milestones with a planned date — the late-milestone
 *   warnings by severity;
 * - `project_late_from` (project): the earliest planned date of its open milestones, indexed — the
 *   ten worst late projects are its first rows — and `late_day_stat` (that date): projects, so
 *   "projects with a late milestone" is a sum over dates.
 *
 * As `link_stat` (migration 0008, decision 008): triggers maintain them in the writing transaction,
 * so every write path (services, imports, intake, demo seeding, bulk loads, cascaded deletes) keeps
 * them right and no write site can forget. Absent values are '' in the keys (a key column cannot
 * be null in a primary key on PostgreSQL). Rows at zero are kept. A park or chain scope reads the
 * new project indexes (park/link + stage + stage date) instead of the zone-wide day tables.
 * `server/src/modules/cockpit/zone-rollups.ts` reads them and recounts them from the records.
 * Trigger bodies are written out for both databases here: a migration is frozen.
 */

const PROJECT_WATCHED = ['park', 'link_id', 'stage', 'stage_date', 'total_investment'] as const;
const MILESTONE_WATCHED = ['project_id', 'planned_date', 'actual_date'] as const;
const OPEN = (r: string) => `${r}.actual_date is null and ${r}.planned_date is not null`;

/** SQLite: the statements that add (1) or remove (-1) one project's share. */
function sqliteProjectDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  const inv = `coalesce(${r}.total_investment, 0)`;
  return `insert into project_rollup (park, link_id, stage, projects, investment)
      select coalesce(${r}.park, ''), coalesce(${r}.link_id, ''), ${r}.stage, ${sign}, ${s}${inv} where 1
      on conflict (park, link_id, stage) do update set projects = projects ${s} 1, investment = investment ${s} ${inv};
    insert into stage_day_stat (stage, stage_date, projects)
      select ${r}.stage, coalesce(${r}.stage_date, ''), ${sign} where 1
      on conflict (stage, stage_date) do update set projects = projects ${s} 1;`;
}

/** SQLite: one milestone's share of the open-milestone counts. */
function sqliteMilestoneDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into milestone_day_stat (planned_date, milestones) select ${r}.planned_date, ${sign} where ${OPEN(r)}
      on conflict (planned_date) do update set milestones = milestones ${s} 1;`;
}

/** Both dialects: recompute a project's earliest open planned date (the late_day_stat triggers follow). */
function lateFromRefresh(projectId: string): string {
  return `delete from project_late_from where project_id = ${projectId};
    insert into project_late_from (project_id, first_planned)
      select ${projectId}, min(m.planned_date) from milestone m
      where m.project_id = ${projectId} and m.actual_date is null and m.planned_date is not null
      having min(m.planned_date) is not null;`;
}

async function createSqlite(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  const pChanged = PROJECT_WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(
    `create trigger project_rollup_ai after insert on project begin ${sqliteProjectDelta('new', 1)} end`,
  );
  await run(
    `create trigger project_rollup_ad after delete on project begin ${sqliteProjectDelta('old', -1)} end`,
  );
  await run(
    `create trigger project_rollup_au after update of ${PROJECT_WATCHED.join(', ')} on project when ${pChanged}
     begin ${sqliteProjectDelta('old', -1)} ${sqliteProjectDelta('new', 1)} end`,
  );
  const mChanged = MILESTONE_WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(
    `create trigger milestone_rollup_ai after insert on milestone
     begin ${sqliteMilestoneDelta('new', 1)} ${lateFromRefresh('new.project_id')} end`,
  );
  await run(
    `create trigger milestone_rollup_ad after delete on milestone
     begin ${sqliteMilestoneDelta('old', -1)} ${lateFromRefresh('old.project_id')} end`,
  );
  await run(
    `create trigger milestone_rollup_au after update of ${MILESTONE_WATCHED.join(', ')} on milestone when ${mChanged}
     begin ${sqliteMilestoneDelta('old', -1)} ${sqliteMilestoneDelta('new', 1)}
       ${lateFromRefresh('old.project_id')} ${lateFromRefresh('new.project_id')} end`,
  );
  // project_late_from rows are only inserted and deleted (a refresh replaces the row).
  await run(
    `create trigger project_late_from_ai after insert on project_late_from begin
       insert into late_day_stat (first_planned, projects) select new.first_planned, 1 where 1
       on conflict (first_planned) do update set projects = projects + 1; end`,
  );
  await run(
    `create trigger project_late_from_ad after delete on project_late_from begin
       update late_day_stat set projects = projects - 1 where first_planned = old.first_planned; end`,
  );
}

/** PL/pgSQL: one project's share (sign 1 adds, -1 removes). */
function pgProjectDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  const inv = `coalesce(${r}.total_investment, 0)`;
  return `insert into project_rollup (park, link_id, stage, projects, investment)
      values (coalesce(${r}.park, ''), coalesce(${r}.link_id, ''), ${r}.stage, ${sign}, ${s}${inv})
      on conflict (park, link_id, stage) do update set projects = project_rollup.projects ${s} 1,
        investment = project_rollup.investment ${s} ${inv};
    insert into stage_day_stat (stage, stage_date, projects) values (${r}.stage, coalesce(${r}.stage_date, ''), ${sign})
      on conflict (stage, stage_date) do update set projects = stage_day_stat.projects ${s} 1;`;
}

function pgMilestoneDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `if ${OPEN(r)} then
      insert into milestone_day_stat (planned_date, milestones) values (${r}.planned_date, ${sign})
        on conflict (planned_date) do update set milestones = milestone_day_stat.milestones ${s} 1;
    end if;`;
}

async function createPg(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create function project_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${pgProjectDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${pgProjectDelta('new', 1)} end if;
      return null;
    end $$`);
  await run(`create trigger project_rollup_aid after insert or delete on project
    for each row execute function project_rollup()`);
  await run(`create trigger project_rollup_au after update of ${PROJECT_WATCHED.join(', ')} on project
    for each row when (${PROJECT_WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})
    execute function project_rollup()`);
  await run(`create function milestone_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${pgMilestoneDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${pgMilestoneDelta('new', 1)} end if;
      if tg_op in ('UPDATE', 'DELETE') then ${lateFromRefresh('old.project_id')} end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.project_id is distinct from old.project_id) then
        ${lateFromRefresh('new.project_id')}
      end if;
      return null;
    end $$`);
  await run(`create trigger milestone_rollup_aid after insert or delete on milestone
    for each row execute function milestone_rollup()`);
  await run(`create trigger milestone_rollup_au after update of ${MILESTONE_WATCHED.join(', ')} on milestone
    for each row when (${MILESTONE_WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})
    execute function milestone_rollup()`);
  await run(`create function project_late_from_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update late_day_stat set projects = projects - 1 where first_planned = old.first_planned;
      else
        insert into late_day_stat (first_planned, projects) values (new.first_planned, 1)
          on conflict (first_planned) do update set projects = late_day_stat.projects + 1;
      end if;
      return null;
    end $$`);
  await run(`create trigger project_late_from_aid after insert or delete on project_late_from
    for each row execute function project_late_from_rollup()`);
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('project_rollup')
    .addColumn('park', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('investment', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('project_rollup_pk', ['park', 'link_id', 'stage'])
    .execute();
  await db.schema
    .createTable('stage_day_stat')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_date', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stage_day_stat_pk', ['stage', 'stage_date'])
    .execute();
  await db.schema
    .createTable('milestone_day_stat')
    .addColumn('planned_date', 'text', (c) => c.primaryKey())
    .addColumn('milestones', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('project_late_from')
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .addColumn('first_planned', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_late_from_idx')
    .on('project_late_from')
    .columns(['first_planned', 'project_id'])
    .execute();
  await db.schema
    .createTable('late_day_stat')
    .addColumn('first_planned', 'text', (c) => c.primaryKey())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Stuck-in-stage of a park or a chain, in stage-date order: a range of an index, not every project.
  await db.schema
    .createIndex('project_stage_date_idx')
    .on('project')
    .columns(['stage', 'stage_date', 'id'])
    .execute();
  await db.schema
    .createIndex('project_park_stage_date_idx')
    .on('project')
    .columns(['park', 'stage', 'stage_date', 'id'])
    .execute();
  await db.schema
    .createIndex('project_link_stage_date_idx')
    .on('project')
    .columns(['link_id', 'stage', 'stage_date', 'id'])
    .execute();

  // The late-milestone warnings' first page, in (planned date, id) order: an index walk of ten rows,
  // not a sort of every open late milestone (0.76 s at 200k projects on PostgreSQL).
  await db.schema
    .createIndex('milestone_open_due_idx')
    .on('milestone')
    .columns(['actual_date', 'planned_date', 'id'])
    .execute();

  // The counts of the rows that exist now (a database migrated with data in it).
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`insert into project_rollup (park, link_id, stage, projects, investment)
    select coalesce(park, ''), coalesce(link_id, ''), stage, count(*), coalesce(sum(total_investment), 0)
    from project group by coalesce(park, ''), coalesce(link_id, ''), stage`);
  await run(`insert into stage_day_stat (stage, stage_date, projects)
    select stage, coalesce(stage_date, ''), count(*) from project group by stage, coalesce(stage_date, '')`);
  await run(`insert into milestone_day_stat (planned_date, milestones)
    select planned_date, count(*) from milestone where ${OPEN('milestone')} group by planned_date`);
  await run(`insert into project_late_from (project_id, first_planned)
    select project_id, min(planned_date) from milestone where ${OPEN('milestone')} group by project_id`);
  await run(`insert into late_day_stat (first_planned, projects)
    select first_planned, count(*) from project_late_from group by first_planned`);

  if (dialectOf(db) === 'postgres') await createPg(db);
  else await createSqlite(db);
}

export async function down(db: AnyDb): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  if (dialectOf(db) === 'postgres') {
    await run('drop trigger if exists project_rollup_aid on project');
    await run('drop trigger if exists project_rollup_au on project');
    await run('drop trigger if exists milestone_rollup_aid on milestone');
    await run('drop trigger if exists milestone_rollup_au on milestone');
    await run('drop trigger if exists project_late_from_aid on project_late_from');
    for (const f of ['project_rollup', 'milestone_rollup', 'project_late_from_rollup'])
      await run(`drop function if exists ${f}()`);
  } else {
    for (const t of ['project_rollup', 'milestone_rollup'])
      for (const k of ['ai', 'ad', 'au']) await run(`drop trigger if exists ${t}_${k}`);
    for (const k of ['ai', 'ad']) await run(`drop trigger if exists project_late_from_${k}`);
  }
  for (const i of [
    'milestone_open_due_idx',
    'project_stage_date_idx',
    'project_park_stage_date_idx',
    'project_link_stage_date_idx',
  ])
    await db.schema.dropIndex(i).ifExists().execute();
  for (const t of [
    'late_day_stat',
    'project_late_from',
    'milestone_day_stat',
    'stage_day_stat',
    'project_rollup',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
