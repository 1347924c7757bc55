import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';
import * as zoneRollups from './20261206_0019_zone_rollups';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The cockpit of a park without a scan (issue 19). Migration 0019 rolled the zone up; a park still
 * counted its late projects by probing every project of the park (921 ms at 1M projects) and its
 * stuck projects over an index range of the park, and the leader's switch (issue 14) added two
 * figures that read every active project (valued projects, ledger funds). The database now also
 * keeps:
 *
 * - `project_rollup.valued` / `.funds`: projects with a total investment, and the sum of funds in
 *   place, per (park, link, stage) — the switch's 签约 project count and its ledger funds;
 * - `park_stage_day_stat` (park, stage, stage date): projects — a park's stuck-in-stage counts;
 * - `project_late_from.park`: the project's park, kept when the project moves, with an index on
 *   (park, first planned, project) — a park's ten worst late projects are its first rows;
 * - `park_late_day_stat` (park, first planned): projects — a park's late-project count;
 * - `park_milestone_day_stat` (park, planned date): open milestones — a park's late-milestone
 *   warnings by severity. A milestone trigger reads its project's park; a moved project moves its
 *   open milestones' counts, and a project about to be deleted moves them to '' first, so the
 *   cascaded milestone deletes (which no longer see the project) take them from where they are;
 * - `milestone_open_planned_idx`: open milestones in (planned date, id) order, a partial index —
 *   PostgreSQL does not take `actual_date is null` as an equality for ordering, so the late list's
 *   first page sorted every open late milestone (158 ms at 200k); this one is walked in order.
 *
 * The project and milestone triggers of 0019 are replaced by ones that also keep these (same
 * transaction as the write, as before). '' stands for "no park". Trigger bodies are written out for
 * both databases here: a migration is frozen.
 */

const PROJECT_WATCHED = ['park', 'link_id', 'stage', 'stage_date', 'total_investment', 'funds_in_place'];
const MILESTONE_WATCHED = ['project_id', 'planned_date', 'actual_date'];
const OPEN = (r: string) => `${r}.actual_date is null and ${r}.planned_date is not null`;

/** One project's share of the project roll-ups (both dialects; `excluded`-free upserts). */
function projectDelta(r: 'new' | 'old', sign: 1 | -1, pg: boolean): string {
  const s = sign === 1 ? '+' : '-';
  const inv = `coalesce(${r}.total_investment, 0)`;
  const valued = `(case when ${r}.total_investment is null then 0 else 1 end)`;
  const funds = `coalesce(${r}.funds_in_place, 0)`;
  const park = `coalesce(${r}.park, '')`;
  const day = `coalesce(${r}.stage_date, '')`;
  // SQLite needs a SELECT … WHERE 1 before ON CONFLICT (parsing ambiguity); PostgreSQL takes VALUES.
  const from = (cols: string) => (pg ? `values (${cols})` : `select ${cols} where 1`);
  const t = (table: string) => (pg ? `${table}.` : '');
  return `insert into project_rollup (park, link_id, stage, projects, investment, valued, funds)
      ${from(`${park}, coalesce(${r}.link_id, ''), ${r}.stage, ${sign}, ${s}${inv}, ${s}${valued}, ${s}${funds}`)}
      on conflict (park, link_id, stage) do update set projects = ${t('project_rollup')}projects ${s} 1,
        investment = ${t('project_rollup')}investment ${s} ${inv}, valued = ${t('project_rollup')}valued ${s} ${valued},
        funds = ${t('project_rollup')}funds ${s} ${funds};
    insert into stage_day_stat (stage, stage_date, projects) ${from(`${r}.stage, ${day}, ${sign}`)}
      on conflict (stage, stage_date) do update set projects = ${t('stage_day_stat')}projects ${s} 1;
    insert into park_stage_day_stat (park, stage, stage_date, projects) ${from(`${park}, ${r}.stage, ${day}, ${sign}`)}
      on conflict (park, stage, stage_date) do update set projects = ${t('park_stage_day_stat')}projects ${s} 1;`;
}

/** A moved project takes its late-from row (and so its late count) to the new park. */
const MOVE_LATE_FROM = `update project_late_from set park = coalesce(new.park, '')
  where project_id = new.id and park <> coalesce(new.park, '');`;

/** The park of a milestone's project ('' when none, or when the project is being deleted). */
const parkOf = (projectId: string) =>
  `coalesce((select p.park from project p where p.id = ${projectId}), '')`;

/** SQLite: one milestone's share of the open-milestone counts (zone as in 0019, and its park's). */
function sqliteMilestoneDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into milestone_day_stat (planned_date, milestones) select ${r}.planned_date, ${sign} where ${OPEN(r)}
      on conflict (planned_date) do update set milestones = milestones ${s} 1;
    insert into park_milestone_day_stat (park, planned_date, milestones)
      select ${parkOf(`${r}.project_id`)}, ${r}.planned_date, ${sign} where ${OPEN(r)}
      on conflict (park, planned_date) do update set milestones = milestones ${s} 1;`;
}

function pgMilestoneDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `if ${OPEN(r)} then
      insert into milestone_day_stat (planned_date, milestones) values (${r}.planned_date, ${sign})
        on conflict (planned_date) do update set milestones = milestone_day_stat.milestones ${s} 1;
      insert into park_milestone_day_stat (park, planned_date, milestones)
        values (${parkOf(`${r}.project_id`)}, ${r}.planned_date, ${sign})
        on conflict (park, planned_date) do update set milestones = park_milestone_day_stat.milestones ${s} 1;
    end if;`;
}

/** Both dialects: move one project's open-milestone counts from park `from` to park `to`. */
function moveOpenMilestones(projectId: string, from: string, to: string, pg: boolean): string {
  const cur = pg ? 'park_milestone_day_stat.milestones' : 'milestones';
  const put = (
    park: string,
    sign: string,
  ) => `insert into park_milestone_day_stat (park, planned_date, milestones)
      select ${park}, m.planned_date, ${sign}count(*) from milestone m
      where m.project_id = ${projectId} and ${OPEN('m')} and ${from} <> ${to}
      group by m.planned_date
      on conflict (park, planned_date) do update set milestones = ${cur} + excluded.milestones;`;
  return `${put(from, '-')} ${put(to, '')}`;
}
const MOVE_MILESTONES_ON_UPDATE = (pg: boolean) =>
  moveOpenMilestones('new.id', "coalesce(old.park, '')", "coalesce(new.park, '')", pg);
const MOVE_MILESTONES_BEFORE_DELETE = (pg: boolean) =>
  moveOpenMilestones('old.id', "coalesce(old.park, '')", "''", pg);

/**
 * Both dialects: recompute a project's earliest open planned date, with its park. During a delete
 * cascading from the project the park may read as '': the row is then removed with the park it
 * was stored with, so the park counts stay right.
 */
function lateFromRefresh(projectId: string): string {
  return `delete from project_late_from where project_id = ${projectId};
    insert into project_late_from (project_id, first_planned, park)
      select ${projectId}, min(m.planned_date),
        coalesce((select p.park from project p where p.id = ${projectId}), '')
      from milestone m
      where m.project_id = ${projectId} and m.actual_date is null and m.planned_date is not null
      having min(m.planned_date) is not null;`;
}

function sqliteParkLateDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into park_late_day_stat (park, first_planned, projects) select ${r}.park, ${r}.first_planned, ${sign} where 1
    on conflict (park, first_planned) do update set projects = projects ${s} 1;`;
}

function pgParkLateDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into park_late_day_stat (park, first_planned, projects) values (${r}.park, ${r}.first_planned, ${sign})
    on conflict (park, first_planned) do update set projects = park_late_day_stat.projects ${s} 1;`;
}

async function createSqlite(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  for (const t of ['project_rollup', 'milestone_rollup'])
    for (const k of ['ai', 'ad', 'au']) await run(`drop trigger if exists ${t}_${k}`);
  const pChanged = PROJECT_WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(
    `create trigger project_rollup_ai after insert on project begin ${projectDelta('new', 1, false)} end`,
  );
  await run(
    `create trigger project_rollup_ad after delete on project begin ${projectDelta('old', -1, false)} end`,
  );
  await run(
    `create trigger project_rollup_au after update of ${PROJECT_WATCHED.join(', ')} on project when ${pChanged}
     begin ${projectDelta('old', -1, false)} ${projectDelta('new', 1, false)} ${MOVE_LATE_FROM}
       ${MOVE_MILESTONES_ON_UPDATE(false)} end`,
  );
  await run(
    `create trigger project_milestones_bd before delete on project begin ${MOVE_MILESTONES_BEFORE_DELETE(false)} end`,
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
  await run(
    `create trigger park_late_from_ai after insert on project_late_from begin ${sqliteParkLateDelta('new', 1)} end`,
  );
  await run(
    `create trigger park_late_from_ad after delete on project_late_from begin ${sqliteParkLateDelta('old', -1)} end`,
  );
  await run(`create trigger park_late_from_au after update of park on project_late_from when old.park is not new.park
    begin ${sqliteParkLateDelta('old', -1)} ${sqliteParkLateDelta('new', 1)} end`);
}

async function createPg(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create or replace function project_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${projectDelta('old', -1, true)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${projectDelta('new', 1, true)} end if;
      if tg_op = 'UPDATE' then ${MOVE_LATE_FROM} ${MOVE_MILESTONES_ON_UPDATE(true)} end if;
      return null;
    end $$`);
  await run(`create function project_milestones_before_delete() returns trigger language plpgsql as $$
    begin
      ${MOVE_MILESTONES_BEFORE_DELETE(true)}
      return old;
    end $$`);
  await run(`create trigger project_milestones_bd before delete on project
    for each row execute function project_milestones_before_delete()`);
  await run('drop trigger if exists project_rollup_au on project');
  await run(`create trigger project_rollup_au after update of ${PROJECT_WATCHED.join(', ')} on project
    for each row when (${PROJECT_WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})
    execute function project_rollup()`);
  await run(`create or replace function milestone_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${pgMilestoneDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${pgMilestoneDelta('new', 1)} end if;
      if tg_op in ('UPDATE', 'DELETE') then ${lateFromRefresh('old.project_id')} end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.project_id is distinct from old.project_id) then
        ${lateFromRefresh('new.project_id')}
      end if;
      return null;
    end $$`);
  await run(`create function park_late_from_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${pgParkLateDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${pgParkLateDelta('new', 1)} end if;
      return null;
    end $$`);
  await run(`create trigger park_late_from_aid after insert or delete on project_late_from
    for each row execute function park_late_from_rollup()`);
  await run(`create trigger park_late_from_au after update of park on project_late_from
    for each row when (old.park is distinct from new.park) execute function park_late_from_rollup()`);
}

export async function up(db: AnyDb): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await db.schema
    .alterTable('project_rollup')
    .addColumn('valued', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('project_rollup')
    .addColumn('funds', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('park_stage_day_stat')
    .addColumn('park', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_date', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('park_stage_day_stat_pk', ['park', 'stage', 'stage_date'])
    .execute();
  await db.schema
    .alterTable('project_late_from')
    .addColumn('park', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('project_late_from_park_idx')
    .on('project_late_from')
    .columns(['park', 'first_planned', 'project_id'])
    .execute();
  await db.schema
    .createTable('park_late_day_stat')
    .addColumn('park', 'text', (c) => c.notNull())
    .addColumn('first_planned', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('park_late_day_stat_pk', ['park', 'first_planned'])
    .execute();

  await db.schema
    .createTable('park_milestone_day_stat')
    .addColumn('park', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('milestones', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('park_milestone_day_stat_pk', ['park', 'planned_date'])
    .execute();
  await run(
    'create index milestone_open_planned_idx on milestone (planned_date, id) where actual_date is null',
  );

  // The counts of the rows that exist now, before the triggers that keep them exist.
  await run('delete from project_rollup');
  await run(`insert into project_rollup (park, link_id, stage, projects, investment, valued, funds)
    select coalesce(park, ''), coalesce(link_id, ''), stage, count(*), coalesce(sum(total_investment), 0),
      count(total_investment), coalesce(sum(funds_in_place), 0)
    from project group by coalesce(park, ''), coalesce(link_id, ''), stage`);
  await run(`insert into park_stage_day_stat (park, stage, stage_date, projects)
    select coalesce(park, ''), stage, coalesce(stage_date, ''), count(*) from project
    group by coalesce(park, ''), stage, coalesce(stage_date, '')`);
  await run(`insert into park_milestone_day_stat (park, planned_date, milestones)
    select coalesce(p.park, ''), m.planned_date, count(*) from milestone m join project p on p.id = m.project_id
    where ${OPEN('m')} group by coalesce(p.park, ''), m.planned_date`);
  await run(`update project_late_from set park = coalesce(
    (select p.park from project p where p.id = project_late_from.project_id), '')`);
  await run(`insert into park_late_day_stat (park, first_planned, projects)
    select park, first_planned, count(*) from project_late_from group by park, first_planned`);

  if (dialectOf(db) === 'postgres') await createPg(db);
  else await createSqlite(db);
}

export async function down(db: AnyDb): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  if (dialectOf(db) === 'postgres') {
    await run('drop trigger if exists park_late_from_aid on project_late_from');
    await run('drop trigger if exists park_late_from_au on project_late_from');
    await run('drop function if exists park_late_from_rollup()');
    await run('drop trigger if exists project_milestones_bd on project');
    await run('drop function if exists project_milestones_before_delete()');
  } else {
    for (const k of ['ai', 'ad', 'au']) await run(`drop trigger if exists park_late_from_${k}`);
    await run('drop trigger if exists project_milestones_bd');
  }
  await db.schema.dropIndex('milestone_open_planned_idx').ifExists().execute();
  await db.schema.dropTable('park_milestone_day_stat').ifExists().execute();
  await db.schema.dropTable('park_late_day_stat').ifExists().execute();
  await db.schema.dropTable('park_stage_day_stat').ifExists().execute();
  // Back to 0019's tables and triggers: its down and up again (the up recounts from the records).
  await zoneRollups.down(db);
  await zoneRollups.up(db);
}
