import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * PostgreSQL: a row's share of the counted roll-ups is added at commit, not at the write (issue 19):
 * a project's in project_rollup, stage_day_stat, park_stage_day_stat (migrations 0019/0020), and a
 * firm's, lead's or project's in link_stat / link_year_stat (0008).
 *
 * The triggers upserted those rows at the INSERT/UPDATE/DELETE, so the writing transaction held a
 * lock on a roll-up row shared by every project of its (park, link, stage) — and, in link_stat, by
 * every firm, lead and project of its chain link — until it committed: through the audit row, the
 * figure sources, the search text and each client round trip between them. Edits of investment or
 * stage in one group then ran one after the other: with 50 ms of work after the UPDATE, 11
 * concurrent editors of one group made 8 edits/s against 97/s when the field edited is not rolled
 * up (pgbench, bench/README.md). A deferred constraint trigger fires at COMMIT with the row images
 * of the moment of each change, so the sums are the same and the row lock lasts only the commit.
 * The cost: a transaction writing many rows queues one trigger event per row until its commit (as
 * an immediate trigger did per statement); the bulk loads that skip the triggers are unaffected.
 *
 * What stays immediate: a moved project taking its late-from row and its open milestones' counts to
 * the new park (these read the milestones, whose own triggers run immediately, so their order
 * matters), and everything on milestones. SQLite is untouched: it has one writer at a time, so a
 * roll-up row cannot be contended there. Trigger bodies are written out: a migration is frozen.
 */

const PROJECT_WATCHED = ['park', 'link_id', 'stage', 'stage_date', 'total_investment', 'funds_in_place'];
const OPEN = (r: string) => `${r}.actual_date is null and ${r}.planned_date is not null`;

/** One project's share of the counted roll-ups (as 0020's projectDelta on PostgreSQL; 0037 adds to it). */
export function countsDelta(r: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  const inv = `coalesce(${r}.total_investment, 0)`;
  const valued = `(case when ${r}.total_investment is null then 0 else 1 end)`;
  const funds = `coalesce(${r}.funds_in_place, 0)`;
  const park = `coalesce(${r}.park, '')`;
  const day = `coalesce(${r}.stage_date, '')`;
  return `insert into project_rollup (park, link_id, stage, projects, investment, valued, funds)
      values (${park}, coalesce(${r}.link_id, ''), ${r}.stage, ${sign}, ${s}${inv}, ${s}${valued}, ${s}${funds})
      on conflict (park, link_id, stage) do update set projects = project_rollup.projects ${s} 1,
        investment = project_rollup.investment ${s} ${inv}, valued = project_rollup.valued ${s} ${valued},
        funds = project_rollup.funds ${s} ${funds};
    insert into stage_day_stat (stage, stage_date, projects) values (${r}.stage, ${day}, ${sign})
      on conflict (stage, stage_date) do update set projects = stage_day_stat.projects ${s} 1;
    insert into park_stage_day_stat (park, stage, stage_date, projects) values (${park}, ${r}.stage, ${day}, ${sign})
      on conflict (park, stage, stage_date) do update set projects = park_stage_day_stat.projects ${s} 1;`;
}

/** 0020's moves of a project's late-from row and open milestones' counts when its park changes. */
const MOVE_LATE_FROM = `update project_late_from set park = coalesce(new.park, '')
  where project_id = new.id and park <> coalesce(new.park, '');`;

function moveOpenMilestones(): string {
  const from = "coalesce(old.park, '')";
  const to = "coalesce(new.park, '')";
  const put = (
    park: string,
    sign: string,
  ) => `insert into park_milestone_day_stat (park, planned_date, milestones)
      select ${park}, m.planned_date, ${sign}count(*) from milestone m
      where m.project_id = new.id and ${OPEN('m')} and ${from} <> ${to}
      group by m.planned_date
      on conflict (park, planned_date) do update set milestones = park_milestone_day_stat.milestones + excluded.milestones;`;
  return `${put(from, '-')} ${put(to, '')}`;
}

/** 0008's link_stat triggers: the columns whose change moves a row's share, per table. */
const LINK_STAT_WATCHED = {
  firm: ['link_id', 'is_local'],
  lead: ['link_id', 'status'],
  project: ['link_id', 'stage', 'total_investment', 'created_at'],
} as const;

/** Recreates 0008's link_stat triggers (same functions) deferred to commit, or back as they were. */
async function linkStatTriggers(db: AnyDb, deferred: boolean): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  const kind = deferred ? 'constraint trigger' : 'trigger';
  const when = deferred ? 'deferrable initially deferred' : '';
  for (const [table, cols] of Object.entries(LINK_STAT_WATCHED)) {
    const changed = cols.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
    await run(`drop trigger if exists ${table}_link_stat_aid on ${table}`);
    await run(`drop trigger if exists ${table}_link_stat_au on ${table}`);
    await run(`create ${kind} ${table}_link_stat_aid after insert or delete on ${table} ${when}
      for each row execute function ${table}_link_stat()`);
    await run(`create ${kind} ${table}_link_stat_au after update of ${cols.join(', ')} on ${table} ${when}
      for each row when (${changed}) execute function ${table}_link_stat()`);
  }
}

const WATCHED_CHANGED = PROJECT_WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const run = (q: string) => sql.raw(q).execute(db);
  await run('drop trigger if exists project_rollup_aid on project');
  await run('drop trigger if exists project_rollup_au on project');
  await run(`create function project_rollup_counts() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${countsDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${countsDelta('new', 1)} end if;
      return null;
    end $$`);
  await run(`create constraint trigger project_rollup_counts_aid after insert or delete on project
    deferrable initially deferred for each row execute function project_rollup_counts()`);
  await run(`create constraint trigger project_rollup_counts_au after update of ${PROJECT_WATCHED.join(', ')} on project
    deferrable initially deferred for each row when (${WATCHED_CHANGED}) execute function project_rollup_counts()`);
  // The park moves stay in the statement: only a park change has anything to move.
  await run(`create or replace function project_rollup() returns trigger language plpgsql as $$
    begin
      ${MOVE_LATE_FROM} ${moveOpenMilestones()}
      return null;
    end $$`);
  await run(`create trigger project_park_move_au after update of park on project
    for each row when (old.park is distinct from new.park) execute function project_rollup()`);
  await linkStatTriggers(db, true);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const run = (q: string) => sql.raw(q).execute(db);
  await linkStatTriggers(db, false);
  await run('drop trigger if exists project_park_move_au on project');
  await run('drop trigger if exists project_rollup_counts_aid on project');
  await run('drop trigger if exists project_rollup_counts_au on project');
  await run('drop function if exists project_rollup_counts()');
  // 0020's single immediate trigger function, as it was.
  await run(`create or replace function project_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${countsDelta('old', -1)} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${countsDelta('new', 1)} end if;
      if tg_op = 'UPDATE' then ${MOVE_LATE_FROM} ${moveOpenMilestones()} end if;
      return null;
    end $$`);
  await run(`create trigger project_rollup_aid after insert or delete on project
    for each row execute function project_rollup()`);
  await run(`create trigger project_rollup_au after update of ${PROJECT_WATCHED.join(', ')} on project
    for each row when (${WATCHED_CHANGED}) execute function project_rollup()`);
}
