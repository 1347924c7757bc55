import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { unionAllOf } from '../../db/union-all';
import { chainLinkIdList, scopedProjects } from '../scope/project-scope';
import type { CockpitScope } from './cockpit.repository';

/** The cockpit's late projects (节点滞后): counted from the day roll-ups, the worst by index. */
type Db = Kysely<Database>;

/**
 * Projects with an open milestone past its planned date: how many, and the `limit` worst (earliest
 * missed date first, then id) with their count of late milestones. At province scale hundreds of
 * thousands of milestones are late, so neither part groups them all: zone-wide, the count is a sum
 * over `late_day_stat` and the worst are the first rows of `project_late_from` (both kept by
 * triggers, migration 20261206_0019); a park alone reads the same per park (park_late_day_stat,
 * project_late_from by park: 0020), a chain alone per link of the chain (link_late_day_stat, and
 * each link's first rows of project_late_from merged: 20261207_0037). A park and a chain together
 * probe each project in scope (an EXISTS), and the worst are the first distinct projects met
 * walking milestone_open_idx in planned-date order.
 */
export async function lateProjects(db: Db, s: CockpitScope, limit: number) {
  const scoped = !!s.chainId && !!s.park;
  // A chain alone: its links, read once for the count and the worst.
  const links = s.chainId && !s.park ? await chainLinkIdList(db, s.chainId) : null;
  const lateMilestonesOf = () =>
    scopedProjects(db, s)
      .innerJoin('milestone', 'milestone.project_id', 'project.id')
      .where('milestone.actual_date', 'is', null)
      .where('milestone.planned_date', '<', s.today);
  const total = scoped
    ? // Probing milestone_project_idx per project in scope; joining instead walks every late
      // milestone of the zone to test its project (≈1.3 s at 1M).
      await scopedProjects(db, s)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('milestone')
              .select('milestone.project_id')
              .whereRef('milestone.project_id', '=', 'project.id')
              .where('milestone.actual_date', 'is', null)
              .where('milestone.planned_date', '<', s.today),
          ),
        )
        .executeTakeFirst()
    : await lateDayCount(db, s, links);
  const worst: string[] = scoped ? [] : await firstLateFrom(db, s, links, limit);
  for (let window = limit * 20; scoped; window *= 8) {
    const firsts = await lateMilestonesOf()
      .select(['milestone.project_id as id'])
      .orderBy('milestone.planned_date')
      .orderBy('milestone.project_id')
      .limit(window)
      .execute();
    worst.length = 0;
    for (const r of firsts) {
      if (!worst.includes(r.id)) worst.push(r.id);
      if (worst.length === limit) break;
    }
    if (worst.length === limit || firsts.length < window) break;
  }
  if (worst.length === 0) return { count: Number(total?.n ?? 0), items: [] };
  const rows = await lateMilestonesOf()
    .select([
      'project.id as id',
      'project.code as code',
      'project.name as name',
      'project.park as park',
      'project.stage as stage',
      (eb) => eb.fn.min<string>('milestone.planned_date').as('planned'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('project.id', 'in', worst)
    .groupBy(['project.id', 'project.code', 'project.name', 'project.park', 'project.stage'])
    .execute();
  const items = rows
    .map((r) => ({ ...r, lateMilestones: Number(r.n), planned: r.planned as string }))
    .sort((a, b) => worst.indexOf(a.id) - worst.indexOf(b.id));
  return { count: Number(total?.n ?? 0), items };
}

/** Projects with a late milestone from the day roll-ups: the zone's, a park's or a chain's links'. */
function lateDayCount(db: Db, s: CockpitScope, links: string[] | null) {
  if (links)
    return db
      .selectFrom('link_late_day_stat')
      .select((eb) => eb.fn.sum<number>('link_late_day_stat.projects').as('n'))
      .where('link_late_day_stat.link_id', 'in', links.length > 0 ? links : [''])
      .where('link_late_day_stat.first_planned', '<', s.today)
      .executeTakeFirst();
  if (s.park)
    return db
      .selectFrom('park_late_day_stat')
      .select((eb) => eb.fn.sum<number>('park_late_day_stat.projects').as('n'))
      .where('park_late_day_stat.park', '=', s.park)
      .where('park_late_day_stat.first_planned', '<', s.today)
      .executeTakeFirst();
  return db
    .selectFrom('late_day_stat')
    .select((eb) => eb.fn.sum<number>('late_day_stat.projects').as('n'))
    .where('late_day_stat.first_planned', '<', s.today)
    .executeTakeFirst();
}

/**
 * The `limit` worst late projects of the zone, a park or a chain: the first rows of
 * project_late_from in (first planned, id) order — for a chain each link's first rows (an index
 * range each, in one `union all`), merged.
 */
async function firstLateFrom(
  db: Db,
  s: CockpitScope,
  links: string[] | null,
  limit: number,
): Promise<string[]> {
  const firstsWhere = (where: { park?: string; link?: string }) => {
    let q = db
      .selectFrom('project_late_from')
      .select(['project_late_from.project_id as id', 'project_late_from.first_planned as first'])
      .where('project_late_from.first_planned', '<', s.today);
    // Ordering by the equality column first (a no-op on the order) leads SQLite's planner to the
    // (park|link, first planned, id) index: ordered by first planned alone, it walked the zone's
    // late-from index testing each row's link (30 ms for a chain's 60 links at 1M projects).
    if (where.park !== undefined)
      q = q.where('project_late_from.park', '=', where.park).orderBy('project_late_from.park');
    if (where.link !== undefined)
      q = q.where('project_late_from.link_id', '=', where.link).orderBy('project_late_from.link_id');
    return q.orderBy('project_late_from.first_planned').orderBy('project_late_from.project_id').limit(limit);
  };
  if (!links) return (await firstsWhere({ park: s.park }).execute()).map((r) => r.id);
  const all = unionAllOf(
    links.map((link, i) => db.selectFrom(firstsWhere({ link }).as(`l${i}`)).selectAll()),
  );
  if (!all) return [];
  const rows = await all.execute();
  rows.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.id < b.id ? -1 : 1));
  return rows.slice(0, limit).map((r) => r.id);
}
