import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';
import * as parkRollups from './20261206_0020_park_rollups';
import * as deferredRollups from './20261206_0036_deferred_rollups';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * A chain's cockpit without a scan (issue 19). Migration 0020 rolled the parks up; a chain still
 * counted its late projects and late milestones by probing each project on its links (a chain holds
 * a sixth of the zone: 166,000 projects at 1M, 0.3–0.5 s per count, 1.0–1.3 s for the cockpit) and its
 * stuck projects over an index range of its links. The database now keeps, per chain link, what
 * 0020 keeps per park — a chain's figure is a sum over its links' rows:
 *
 * - `link_stage_month_stat` (link, stage, month of the stage date): projects — a chain's
 *   stuck-in-stage counts are its links' months before the cutoff's month, plus the cutoff's own
 *   month counted over project_link_stage_date_idx. Per day, as parks have it, the table would be
 *   nearly one row per project (360 links × 10 stages × 900 days; 841,000 rows at 1M projects) and
 *   a chain's sum no cheaper than counting its projects;
 * - `project_late_from.link_id`: the project's link, kept when the project moves, with an index on
 *   (link, first planned, project) — a chain's ten worst late projects are its links' first rows;
 * - `link_late_day_stat` (link, first planned): projects — a chain's late-project count;
 * - `link_milestone_day_stat` (link, planned date): open milestones — a chain's late-milestone
 *   warnings by severity. As for parks, a moved project moves its open milestones' counts, and a
 *   project about to be deleted moves them to '' first, so the cascaded milestone deletes (which no
 *   longer see the project) take them from where they are.
 *
 * The milestone triggers (and PostgreSQL's milestone function and before-delete function) are
 * replaced by ones that also keep the link's counts; the project's own link counts are new triggers
 * beside 0020's (on PostgreSQL, 0036's deferred counts function gains them). '' stands for "no
 * link". Trigger bodies are written out for both databases: a migration is frozen.
 */

const OPEN = (r: string) => `${r}.actual_date is null and ${r}.planned_date is not null`;
const MILESTONE_WATCHED = ['project_id', 'planned_date', 'actual_date'];
const LINK_WATCHED = ['link_id', 'stage', 'stage_date'];

/** SQLite needs a SELECT … WHERE 1 before ON CONFLICT (parsing ambiguity); PostgreSQL takes VALUES. */
const rowOf = (pg: boolean, cols: string) => (pg ? `values (${cols})` : `select ${cols} where 1`);
const cur = (pg: boolean, table: string, col: string) => (pg ? `${table}.${col}` : col);

/** A project's column by id ('' when none, or when the project is being deleted). */
const projectCol = (col: 'park' | 'link_id', projectId: string) =>
  `coalesce((select p.${col} from project p where p.id = ${projectId}), '')`;

/** The month of a stage date ('' when none): 'YYYY-MM'. */
const monthOf = (date: string) => `coalesce(substr(${date}, 1, 7), '')`;

/** One project's share of link_stage_month_stat. */
function linkStageDelta(r: 'new' | 'old', sign: 1 | -1, pg: boolean): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into link_stage_month_stat (link_id, stage, stage_month, projects)
      ${rowOf(pg, `coalesce(${r}.link_id, ''), ${r}.stage, ${monthOf(`${r}.stage_date`)}, ${sign}`)}
      on conflict (link_id, stage, stage_month) do update set
        projects = ${cur(pg, 'link_stage_month_stat', 'projects')} ${s} 1;`;
}

/** One milestone's share of the open-milestone counts: zone and park (as 0020), and its link. */
function milestoneDelta(r: 'new' | 'old', sign: 1 | -1, pg: boolean): string {
  const s = sign === 1 ? '+' : '-';
  const put = (table: string, key: string, value: string) =>
    pg
      ? `insert into ${table} (${key}planned_date, milestones) values (${value}${r}.planned_date, ${sign})
        on conflict (${key}planned_date) do update set milestones = ${table}.milestones ${s} 1;`
      : `insert into ${table} (${key}planned_date, milestones) select ${value}${r}.planned_date, ${sign} where ${OPEN(r)}
        on conflict (${key}planned_date) do update set milestones = milestones ${s} 1;`;
  const body = `${put('milestone_day_stat', '', '')}
    ${put('park_milestone_day_stat', 'park, ', `${projectCol('park', `${r}.project_id`)}, `)}
    ${put('link_milestone_day_stat', 'link_id, ', `${projectCol('link_id', `${r}.project_id`)}, `)}`;
  return pg ? `if ${OPEN(r)} then ${body} end if;` : body;
}

/**
 * Recompute a project's earliest open planned date with its park and link. During a delete
 * cascading from the project both read as '': the row is then removed with the park and link it
 * was stored with, so their counts stay right.
 */
function lateFromRefresh(projectId: string): string {
  return `delete from project_late_from where project_id = ${projectId};
    insert into project_late_from (project_id, first_planned, park, link_id)
      select ${projectId}, min(m.planned_date), ${projectCol('park', projectId)}, ${projectCol('link_id', projectId)}
      from milestone m
      where m.project_id = ${projectId} and m.actual_date is null and m.planned_date is not null
      having min(m.planned_date) is not null;`;
}

/** One late-from row's share of link_late_day_stat. */
function linkLateDelta(r: 'new' | 'old', sign: 1 | -1, pg: boolean): string {
  const s = sign === 1 ? '+' : '-';
  return `insert into link_late_day_stat (link_id, first_planned, projects)
      ${rowOf(pg, `${r}.link_id, ${r}.first_planned, ${sign}`)}
      on conflict (link_id, first_planned) do update set
        projects = ${cur(pg, 'link_late_day_stat', 'projects')} ${s} 1;`;
}

/** Move one project's open-milestone counts of a park or link from `from` to `to`. */
function moveOpenMilestones(
  key: 'park' | 'link_id',
  projectId: string,
  from: string,
  to: string,
  pg: boolean,
) {
  const table = key === 'park' ? 'park_milestone_day_stat' : 'link_milestone_day_stat';
  const put = (value: string, sign: string) => `insert into ${table} (${key}, planned_date, milestones)
      select ${value}, m.planned_date, ${sign}count(*) from milestone m
      where m.project_id = ${projectId} and ${OPEN('m')} and ${from} <> ${to}
      group by m.planned_date
      on conflict (${key}, planned_date) do update set milestones = ${cur(pg, table, 'milestones')} + excluded.milestones;`;
  return `${put(from, '-')} ${put(to, '')}`;
}

/** A project moved to another link takes its late-from row and open milestones' counts there. */
const linkMove = (pg: boolean) => `update project_late_from set link_id = coalesce(new.link_id, '')
    where project_id = new.id and link_id <> coalesce(new.link_id, '');
  ${moveOpenMilestones('link_id', 'new.id', "coalesce(old.link_id, '')", "coalesce(new.link_id, '')", pg)}`;

/** Before a project's delete: its open milestones' park (as 0020) and link counts go to ''. */
const beforeDeleteMoves = (pg: boolean) =>
  `${moveOpenMilestones('park', 'old.id', "coalesce(old.park, '')", "''", pg)}
  ${moveOpenMilestones('link_id', 'old.id', "coalesce(old.link_id, '')", "''", pg)}`;

async function createSqlite(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  for (const k of ['ai', 'ad', 'au']) await run(`drop trigger if exists milestone_rollup_${k}`);
  await run('drop trigger if exists project_milestones_bd');
  const changed = (cols: string[]) => cols.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(
    `create trigger project_link_rollup_ai after insert on project begin ${linkStageDelta('new', 1, false)} end`,
  );
  await run(
    `create trigger project_link_rollup_ad after delete on project begin ${linkStageDelta('old', -1, false)} end`,
  );
  await run(`create trigger project_link_rollup_au after update of ${LINK_WATCHED.join(', ')} on project
    when ${changed(LINK_WATCHED)}
    begin ${linkStageDelta('old', -1, false)} ${linkStageDelta('new', 1, false)} end`);
  await run(`create trigger project_link_move_au after update of link_id on project
    when old.link_id is not new.link_id begin ${linkMove(false)} end`);
  await run(
    `create trigger project_milestones_bd before delete on project begin ${beforeDeleteMoves(false)} end`,
  );
  await run(`create trigger milestone_rollup_ai after insert on milestone
    begin ${milestoneDelta('new', 1, false)} ${lateFromRefresh('new.project_id')} end`);
  await run(`create trigger milestone_rollup_ad after delete on milestone
    begin ${milestoneDelta('old', -1, false)} ${lateFromRefresh('old.project_id')} end`);
  await run(`create trigger milestone_rollup_au after update of ${MILESTONE_WATCHED.join(', ')} on milestone
    when ${changed(MILESTONE_WATCHED)}
    begin ${milestoneDelta('old', -1, false)} ${milestoneDelta('new', 1, false)}
      ${lateFromRefresh('old.project_id')} ${lateFromRefresh('new.project_id')} end`);
  await run(
    `create trigger link_late_from_ai after insert on project_late_from begin ${linkLateDelta('new', 1, false)} end`,
  );
  await run(
    `create trigger link_late_from_ad after delete on project_late_from begin ${linkLateDelta('old', -1, false)} end`,
  );
  await run(`create trigger link_late_from_au after update of link_id on project_late_from
    when old.link_id is not new.link_id begin ${linkLateDelta('old', -1, false)} ${linkLateDelta('new', 1, false)} end`);
}

/** 0036's deferred counts (project_rollup, stage_day_stat, park_stage_day_stat), with the link's months. */
const pgCountsDelta = (r: 'new' | 'old', sign: 1 | -1) =>
  `${deferredRollups.countsDelta(r, sign)} ${linkStageDelta(r, sign, true)}`;

async function createPg(db: AnyDb) {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create or replace function project_rollup_counts() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${pgCountsDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${pgCountsDelta('new', 1)} end if;
      return null;
    end $$`);
  await run(`create function project_link_move() returns trigger language plpgsql as $$
    begin ${linkMove(true)} return null; end $$`);
  await run(`create trigger project_link_move_au after update of link_id on project
    for each row when (old.link_id is distinct from new.link_id) execute function project_link_move()`);
  await run(`create or replace function project_milestones_before_delete() returns trigger language plpgsql as $$
    begin ${beforeDeleteMoves(true)} return old; end $$`);
  await run(`create or replace function milestone_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${milestoneDelta('old', -1, true)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${milestoneDelta('new', 1, true)} end if;
      if tg_op in ('UPDATE', 'DELETE') then ${lateFromRefresh('old.project_id')} end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.project_id is distinct from old.project_id) then
        ${lateFromRefresh('new.project_id')}
      end if;
      return null;
    end $$`);
  await run(`create function link_late_from_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${linkLateDelta('old', -1, true)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${linkLateDelta('new', 1, true)} end if;
      return null;
    end $$`);
  await run(`create trigger link_late_from_aid after insert or delete on project_late_from
    for each row execute function link_late_from_rollup()`);
  await run(`create trigger link_late_from_au after update of link_id on project_late_from
    for each row when (old.link_id is distinct from new.link_id) execute function link_late_from_rollup()`);
}

export async function up(db: AnyDb): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await db.schema
    .createTable('link_stage_month_stat')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_month', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('link_stage_month_stat_pk', ['link_id', 'stage', 'stage_month'])
    .execute();
  await db.schema
    .alterTable('project_late_from')
    .addColumn('link_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('link_late_day_stat')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('first_planned', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('link_late_day_stat_pk', ['link_id', 'first_planned'])
    .execute();
  await db.schema
    .createTable('link_milestone_day_stat')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('milestones', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('link_milestone_day_stat_pk', ['link_id', 'planned_date'])
    .execute();

  // The counts of the rows that exist now, before the triggers that keep them exist.
  await run(`insert into link_stage_month_stat (link_id, stage, stage_month, projects)
    select coalesce(link_id, ''), stage, ${monthOf('stage_date')}, count(*) from project
    group by coalesce(link_id, ''), stage, ${monthOf('stage_date')}`);
  await run(`insert into link_milestone_day_stat (link_id, planned_date, milestones)
    select coalesce(p.link_id, ''), m.planned_date, count(*) from milestone m join project p on p.id = m.project_id
    where ${OPEN('m')} group by coalesce(p.link_id, ''), m.planned_date`);
  await run(`update project_late_from set link_id = ${projectCol('link_id', 'project_late_from.project_id')}
    where exists (select 1 from project p where p.id = project_late_from.project_id and p.link_id is not null)`);
  await run(`insert into link_late_day_stat (link_id, first_planned, projects)
    select link_id, first_planned, count(*) from project_late_from group by link_id, first_planned`);
  await db.schema
    .createIndex('project_late_from_link_idx')
    .on('project_late_from')
    .columns(['link_id', 'first_planned', 'project_id'])
    .execute();

  if (dialectOf(db) === 'postgres') await createPg(db);
  else await createSqlite(db);
}

/** Back to 0036: 0037's additions dropped, then 0036, 0020 down and up again (they recount). */
export async function down(db: AnyDb): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  const pg = dialectOf(db) === 'postgres';
  if (pg) {
    await run('drop trigger if exists link_late_from_aid on project_late_from');
    await run('drop trigger if exists link_late_from_au on project_late_from');
    await run('drop function if exists link_late_from_rollup()');
    await run('drop trigger if exists project_link_move_au on project');
    await run('drop function if exists project_link_move()');
  } else {
    for (const t of ['project_link_rollup_ai', 'project_link_rollup_ad', 'project_link_rollup_au'])
      await run(`drop trigger if exists ${t}`);
    for (const t of ['project_link_move_au', 'link_late_from_ai', 'link_late_from_ad', 'link_late_from_au'])
      await run(`drop trigger if exists ${t}`);
  }
  await db.schema.dropIndex('project_late_from_link_idx').ifExists().execute();
  await db.schema.alterTable('project_late_from').dropColumn('link_id').execute();
  for (const t of ['link_stage_month_stat', 'link_late_day_stat', 'link_milestone_day_stat'])
    await db.schema.dropTable(t).ifExists().execute();
  await deferredRollups.down(db);
  await parkRollups.down(db);
  await parkRollups.up(db);
  await deferredRollups.up(db);
}
