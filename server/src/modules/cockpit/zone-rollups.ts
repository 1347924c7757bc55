import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * The cockpit's roll-ups (migration 20261206_0019: project_rollup, stage_day_stat,
 * milestone_day_stat, project_late_from, late_day_stat), recounted from the records — the
 * definition the triggers must agree with. Used by the recount test after every kind of write, and
 * by the bench after a bulk load that skipped the triggers. Reads every project and milestone:
 * never for a request.
 */
type Db = Kysely<Database>;

export interface ZoneRollups {
  projects: Array<{ park: string; link_id: string; stage: string; projects: number; investment: number }>;
  stageDays: Array<{ stage: string; stage_date: string; projects: number }>;
  milestoneDays: Array<{ planned_date: string; milestones: number }>;
  lateFrom: Array<{ project_id: string; first_planned: string }>;
  lateDays: Array<{ first_planned: string; projects: number }>;
}

const byJson = <T>(rows: T[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** The roll-ups computed afresh from project and milestone (sorted, no zero rows). */
export async function recountZoneRollups(db: Db): Promise<ZoneRollups> {
  const park = sql<string>`coalesce(park, '')`;
  const link = sql<string>`coalesce(link_id, '')`;
  const day = sql<string>`coalesce(stage_date, '')`;
  const projects = await db
    .selectFrom('project')
    .select([
      park.as('park'),
      link.as('link_id'),
      'stage',
      (eb) => eb.fn.countAll<number>().as('projects'),
      sql<number>`coalesce(sum(total_investment), 0)`.as('investment'),
    ])
    .groupBy([park, link, 'stage'])
    .execute();
  const stageDays = await db
    .selectFrom('project')
    .select(['stage', day.as('stage_date'), (eb) => eb.fn.countAll<number>().as('projects')])
    .groupBy(['stage', day])
    .execute();
  const open = db
    .selectFrom('milestone')
    .where('actual_date', 'is', null)
    .where('planned_date', 'is not', null);
  const milestoneDays = await open
    .select(['planned_date', (eb) => eb.fn.countAll<number>().as('milestones')])
    .groupBy('planned_date')
    .execute();
  const lateFrom = await open
    .select(['project_id', (eb) => eb.fn.min<string>('planned_date').as('first_planned')])
    .groupBy('project_id')
    .execute();
  const lateDays = new Map<string, number>();
  for (const r of lateFrom) lateDays.set(r.first_planned, (lateDays.get(r.first_planned) ?? 0) + 1);
  return normalise({
    projects,
    stageDays,
    milestoneDays: milestoneDays.map((r) => ({
      planned_date: r.planned_date as string,
      milestones: r.milestones,
    })),
    lateFrom,
    lateDays: [...lateDays].map(([first_planned, projects]) => ({ first_planned, projects })),
  });
}

/** The stored roll-ups (sorted, rows at zero left out: the triggers keep them). */
export async function storedZoneRollups(db: Db): Promise<ZoneRollups> {
  return normalise({
    projects: await db.selectFrom('project_rollup').selectAll().where('projects', '<>', 0).execute(),
    stageDays: await db.selectFrom('stage_day_stat').selectAll().where('projects', '<>', 0).execute(),
    milestoneDays: await db
      .selectFrom('milestone_day_stat')
      .selectAll()
      .where('milestones', '<>', 0)
      .execute(),
    lateFrom: await db.selectFrom('project_late_from').selectAll().execute(),
    lateDays: await db.selectFrom('late_day_stat').selectAll().where('projects', '<>', 0).execute(),
  });
}

function normalise(r: ZoneRollups): ZoneRollups {
  return {
    projects: byJson(
      r.projects.map((x) => ({ ...x, projects: Number(x.projects), investment: Number(x.investment) })),
    ),
    stageDays: byJson(r.stageDays.map((x) => ({ ...x, projects: Number(x.projects) }))),
    milestoneDays: byJson(r.milestoneDays.map((x) => ({ ...x, milestones: Number(x.milestones) }))),
    lateFrom: byJson(r.lateFrom.map((x) => ({ project_id: x.project_id, first_planned: x.first_planned }))),
    lateDays: byJson(r.lateDays.map((x) => ({ ...x, projects: Number(x.projects) }))),
  };
}

/**
 * Replaces the stored roll-ups with a recount: after a load that skipped the triggers (the bench's
 * PostgreSQL load runs with session_replication_role = replica), or as a repair. The late-day
 * counts follow from project_late_from; its triggers are skipped here by writing both directly in
 * one statement each, so the delete/insert order does not matter.
 */
export async function rebuildZoneRollups(db: Db): Promise<void> {
  const r = await recountZoneRollups(db);
  await db.transaction().execute(async (trx) => {
    // Deleting project_late_from would fire its trigger on the day counts: clear those after it.
    await trx.deleteFrom('project_late_from').execute();
    for (const t of ['project_rollup', 'stage_day_stat', 'milestone_day_stat', 'late_day_stat'] as const)
      await trx.deleteFrom(t).execute();
    const put = async <T extends keyof Database>(table: T, rows: readonly object[]) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 500) as never)
          .execute();
    };
    await put('project_rollup', r.projects);
    await put('stage_day_stat', r.stageDays);
    await put('milestone_day_stat', r.milestoneDays);
    await put('project_late_from', r.lateFrom);
    // Inserting project_late_from counted the days when its trigger ran; replace them with the recount.
    await trx.deleteFrom('late_day_stat').execute();
    await put('late_day_stat', r.lateDays);
  });
}
