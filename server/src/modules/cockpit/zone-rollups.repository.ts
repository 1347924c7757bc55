import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * The cockpit's roll-ups (migration 20261206_0019: project_rollup, stage_day_stat,
 * milestone_day_stat, project_late_from, late_day_stat; 0020: the park levels park_stage_day_stat,
 * park_late_day_stat, project_late_from.park, and project_rollup's valued/funds; 0037: the chain-link levels
 * link_stage_month_stat, link_milestone_day_stat, link_late_day_stat, project_late_from.link_id), recounted from the records — the
 * definition the triggers must agree with. Used by the recount test after every kind of write, and
 * by the bench after a bulk load that skipped the triggers. Reads every project and milestone:
 * never for a request.
 */
type Db = Kysely<Database>;

export interface ZoneRollups {
  projects: Array<{
    park: string;
    link_id: string;
    stage: string;
    projects: number;
    investment: number;
    valued: number;
    funds: number;
  }>;
  stageDays: Array<{ stage: string; stage_date: string; projects: number }>;
  parkStageDays: Array<{ park: string; stage: string; stage_date: string; projects: number }>;
  milestoneDays: Array<{ planned_date: string; milestones: number }>;
  parkMilestoneDays: Array<{ park: string; planned_date: string; milestones: number }>;
  lateFrom: Array<{ project_id: string; first_planned: string; park: string; link_id: string }>;
  lateDays: Array<{ first_planned: string; projects: number }>;
  parkLateDays: Array<{ park: string; first_planned: string; projects: number }>;
  linkStageMonths: Array<{ link_id: string; stage: string; stage_month: string; projects: number }>;
  linkMilestoneDays: Array<{ link_id: string; planned_date: string; milestones: number }>;
  linkLateDays: Array<{ link_id: string; first_planned: string; projects: number }>;
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
      (eb) => eb.fn.count<number>('total_investment').as('valued'),
      sql<number>`coalesce(sum(funds_in_place), 0)`.as('funds'),
    ])
    .groupBy([park, link, 'stage'])
    .execute();
  const parkStageDays = await db
    .selectFrom('project')
    .select([park.as('park'), 'stage', day.as('stage_date'), (eb) => eb.fn.countAll<number>().as('projects')])
    .groupBy([park, 'stage', day])
    .execute();
  const month = sql<string>`coalesce(substr(stage_date, 1, 7), '')`;
  const linkStageMonths = await db
    .selectFrom('project')
    .select([
      link.as('link_id'),
      'stage',
      month.as('stage_month'),
      (eb) => eb.fn.countAll<number>().as('projects'),
    ])
    .groupBy([link, 'stage', month])
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
  const openOfProjects = db
    .selectFrom('milestone')
    .innerJoin('project', 'project.id', 'milestone.project_id')
    .where('milestone.actual_date', 'is', null)
    .where('milestone.planned_date', 'is not', null);
  const parkMilestoneDays = await openOfProjects
    .select([
      sql<string>`coalesce(project.park, '')`.as('park'),
      'milestone.planned_date as planned_date',
      (eb) => eb.fn.countAll<number>().as('milestones'),
    ])
    .groupBy([sql`coalesce(project.park, '')`, 'milestone.planned_date'])
    .execute();
  const linkMilestoneDays = await openOfProjects
    .select([
      sql<string>`coalesce(project.link_id, '')`.as('link_id'),
      'milestone.planned_date as planned_date',
      (eb) => eb.fn.countAll<number>().as('milestones'),
    ])
    .groupBy([sql`coalesce(project.link_id, '')`, 'milestone.planned_date'])
    .execute();
  const lateFrom = await openOfProjects
    .select([
      'milestone.project_id as project_id',
      (eb) => eb.fn.min<string>('milestone.planned_date').as('first_planned'),
      sql<string>`coalesce(project.park, '')`.as('park'),
      sql<string>`coalesce(project.link_id, '')`.as('link_id'),
    ])
    .groupBy(['milestone.project_id', 'project.park', 'project.link_id'])
    .execute();
  const lateDays = new Map<string, number>();
  const parkLateDays = new Map<string, { park: string; first_planned: string; projects: number }>();
  const linkLateDays = new Map<string, { link_id: string; first_planned: string; projects: number }>();
  for (const r of lateFrom) {
    lateDays.set(r.first_planned, (lateDays.get(r.first_planned) ?? 0) + 1);
    const key = JSON.stringify([r.park, r.first_planned]);
    const at = parkLateDays.get(key) ?? { park: r.park, first_planned: r.first_planned, projects: 0 };
    at.projects += 1;
    parkLateDays.set(key, at);
    const linkKey = JSON.stringify([r.link_id, r.first_planned]);
    const onLink = linkLateDays.get(linkKey) ?? {
      link_id: r.link_id,
      first_planned: r.first_planned,
      projects: 0,
    };
    onLink.projects += 1;
    linkLateDays.set(linkKey, onLink);
  }
  return normalise({
    projects,
    stageDays,
    parkStageDays,
    milestoneDays: milestoneDays.map((r) => ({
      planned_date: r.planned_date as string,
      milestones: r.milestones,
    })),
    parkMilestoneDays: parkMilestoneDays.map((r) => ({
      park: r.park,
      planned_date: r.planned_date as string,
      milestones: r.milestones,
    })),
    lateFrom,
    lateDays: [...lateDays].map(([first_planned, projects]) => ({ first_planned, projects })),
    parkLateDays: [...parkLateDays.values()],
    linkStageMonths,
    linkMilestoneDays: linkMilestoneDays.map((r) => ({
      link_id: r.link_id,
      planned_date: r.planned_date as string,
      milestones: r.milestones,
    })),
    linkLateDays: [...linkLateDays.values()],
  });
}

/** The stored roll-ups (sorted, rows at zero left out: the triggers keep them). */
export async function storedZoneRollups(db: Db): Promise<ZoneRollups> {
  return normalise({
    projects: await db.selectFrom('project_rollup').selectAll().where('projects', '<>', 0).execute(),
    stageDays: await db.selectFrom('stage_day_stat').selectAll().where('projects', '<>', 0).execute(),
    parkStageDays: await db
      .selectFrom('park_stage_day_stat')
      .selectAll()
      .where('projects', '<>', 0)
      .execute(),
    milestoneDays: await db
      .selectFrom('milestone_day_stat')
      .selectAll()
      .where('milestones', '<>', 0)
      .execute(),
    parkMilestoneDays: await db
      .selectFrom('park_milestone_day_stat')
      .selectAll()
      .where('milestones', '<>', 0)
      .execute(),
    lateFrom: await db.selectFrom('project_late_from').selectAll().execute(),
    lateDays: await db.selectFrom('late_day_stat').selectAll().where('projects', '<>', 0).execute(),
    parkLateDays: await db.selectFrom('park_late_day_stat').selectAll().where('projects', '<>', 0).execute(),
    linkStageMonths: await db
      .selectFrom('link_stage_month_stat')
      .selectAll()
      .where('projects', '<>', 0)
      .execute(),
    linkMilestoneDays: await db
      .selectFrom('link_milestone_day_stat')
      .selectAll()
      .where('milestones', '<>', 0)
      .execute(),
    linkLateDays: await db.selectFrom('link_late_day_stat').selectAll().where('projects', '<>', 0).execute(),
  });
}

function normalise(r: ZoneRollups): ZoneRollups {
  return {
    projects: byJson(
      r.projects.map((x) => ({
        park: x.park,
        link_id: x.link_id,
        stage: x.stage,
        projects: Number(x.projects),
        investment: Number(x.investment),
        valued: Number(x.valued),
        funds: Number(x.funds),
      })),
    ),
    stageDays: byJson(r.stageDays.map((x) => ({ ...x, projects: Number(x.projects) }))),
    parkStageDays: byJson(
      r.parkStageDays.map((x) => ({
        park: x.park,
        stage: x.stage,
        stage_date: x.stage_date,
        projects: Number(x.projects),
      })),
    ),
    milestoneDays: byJson(r.milestoneDays.map((x) => ({ ...x, milestones: Number(x.milestones) }))),
    parkMilestoneDays: byJson(
      r.parkMilestoneDays.map((x) => ({
        park: x.park,
        planned_date: x.planned_date,
        milestones: Number(x.milestones),
      })),
    ),
    lateFrom: byJson(
      r.lateFrom.map((x) => ({
        project_id: x.project_id,
        first_planned: x.first_planned,
        park: x.park,
        link_id: x.link_id,
      })),
    ),
    lateDays: byJson(r.lateDays.map((x) => ({ ...x, projects: Number(x.projects) }))),
    parkLateDays: byJson(
      r.parkLateDays.map((x) => ({
        park: x.park,
        first_planned: x.first_planned,
        projects: Number(x.projects),
      })),
    ),
    linkStageMonths: byJson(
      r.linkStageMonths.map((x) => ({
        link_id: x.link_id,
        stage: x.stage,
        stage_month: x.stage_month,
        projects: Number(x.projects),
      })),
    ),
    linkMilestoneDays: byJson(
      r.linkMilestoneDays.map((x) => ({
        link_id: x.link_id,
        planned_date: x.planned_date,
        milestones: Number(x.milestones),
      })),
    ),
    linkLateDays: byJson(
      r.linkLateDays.map((x) => ({
        link_id: x.link_id,
        first_planned: x.first_planned,
        projects: Number(x.projects),
      })),
    ),
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
    for (const t of [
      'project_rollup',
      'stage_day_stat',
      'park_stage_day_stat',
      'milestone_day_stat',
      'park_milestone_day_stat',
      'late_day_stat',
      'park_late_day_stat',
      'link_stage_month_stat',
      'link_milestone_day_stat',
      'link_late_day_stat',
    ] as const)
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
    await put('park_stage_day_stat', r.parkStageDays);
    await put('milestone_day_stat', r.milestoneDays);
    await put('park_milestone_day_stat', r.parkMilestoneDays);
    await put('link_stage_month_stat', r.linkStageMonths);
    await put('link_milestone_day_stat', r.linkMilestoneDays);
    await put('project_late_from', r.lateFrom);
    // Inserting project_late_from counted the days when its triggers ran; replace them with the recount.
    await trx.deleteFrom('late_day_stat').execute();
    await trx.deleteFrom('park_late_day_stat').execute();
    await trx.deleteFrom('link_late_day_stat').execute();
    await put('late_day_stat', r.lateDays);
    await put('park_late_day_stat', r.parkLateDays);
    await put('link_late_day_stat', r.linkLateDays);
  });
}
