import { type Kysely, sql } from 'kysely';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import type { Database } from '../../db/database';
import { chainLinkIdList, chainLinkIds, type ProjectScope, scopedProjects } from '../scope/project-scope';
import type { Cutoffs } from './warning-cutoffs';
import { dateCond, kindOnly, rankCase, severityOnly, type WarningFilter } from './warning-filter';

/**
 * The warnings' reads (预警): per kind, counts by severity rank ({ r, n } rows, the severity rule as
 * date cutoffs — warning-cutoffs.ts) and the first `limit` rows in the list's order.
 */
type Db = Kysely<Database>;

/** The warnings' scope: the cockpit's park/chain, the page's filters, and the day they are for. */
export type WarningScope = ProjectScope & WarningFilter & { today: string };

/** Officers (专员) who hold at least one project: the choices of the warnings' officer filter. */
export async function projectOfficers(db: Db) {
  return db
    .selectFrom('app_user')
    .select(['app_user.id as id', 'app_user.display_name as name'])
    .where('app_user.id', 'in', (eb) =>
      eb.selectFrom('project').select('project.officer_id').where('project.officer_id', 'is not', null),
    )
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute();
}

/** The zone's own stage norms (stage_norm rows; a stage without one uses the shared default). */
export function stageNormDays(db: Db) {
  return db.selectFrom('stage_norm').select(['stage', 'max_days']).execute();
}

/** The projects in scope: the cockpit's park/chain, and the warnings page's officer (专员). */
export function projectsInWarningScope(db: Db, s: ProjectScope & WarningFilter) {
  const q = scopedProjects(db, { park: s.park, chainId: s.chainId });
  return s.officerId ? q.where('project.officer_id', '=', s.officerId) : q;
}

/** A late milestone is listed only under the page's kind and severity filters. */
const lateMilestoneOnly = (s: WarningScope, cut: Cutoffs) =>
  sql<boolean>`${kindOnly(s, 'milestone_late')} and ${severityOnly(s, dateCond('milestone.planned_date', cut))}`;

/**
 * Late open milestones by severity rank. Every milestone has its project: without a park/chain the
 * count reads milestone_open_idx only; with both, the projects in scope drive it
 * (milestone_project_idx per project) rather than a join testing the project of every late
 * milestone of the zone. The page's own filters (kind, severity, officer) need the per-row query;
 * without them the counts come from the roll-ups kept by triggers (milestone_day_stat, and
 * park_milestone_day_stat for a park alone, link_milestone_day_stat over a chain's links for a
 * chain alone — migrations 20261206_0019, 0020, 20261207_0037).
 */
export async function lateMilestoneCounts(db: Db, s: WarningScope, cut: Cutoffs, filtered: boolean) {
  const rank = rankCase(dateCond('milestone.planned_date', cut));
  if ((s.park && s.chainId) || filtered) {
    let mq = db
      .selectFrom('milestone')
      .where('milestone.actual_date', 'is', null)
      .where('milestone.planned_date', '<', s.today);
    if (s.park || s.chainId || s.officerId)
      mq = mq.where('milestone.project_id', 'in', projectsInWarningScope(db, s).select('project.id'));
    return mq
      .where(lateMilestoneOnly(s, cut))
      .select([rank.as('r'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`1`)
      .execute();
  }
  if (s.chainId) {
    const links = await chainLinkIdList(db, s.chainId);
    return db
      .selectFrom('link_milestone_day_stat')
      .where('link_milestone_day_stat.link_id', 'in', links.length > 0 ? links : [''])
      .where('link_milestone_day_stat.planned_date', '<', s.today)
      .select([
        rankCase(dateCond('link_milestone_day_stat.planned_date', cut)).as('r'),
        (eb) => eb.fn.sum<number>('link_milestone_day_stat.milestones').as('n'),
      ])
      .groupBy(sql`1`)
      .execute();
  }
  if (s.park)
    return db
      .selectFrom('park_milestone_day_stat')
      .where('park_milestone_day_stat.park', '=', s.park)
      .where('park_milestone_day_stat.planned_date', '<', s.today)
      .select([
        rankCase(dateCond('park_milestone_day_stat.planned_date', cut)).as('r'),
        (eb) => eb.fn.sum<number>('park_milestone_day_stat.milestones').as('n'),
      ])
      .groupBy(sql`1`)
      .execute();
  return db
    .selectFrom('milestone_day_stat')
    .where('milestone_day_stat.planned_date', '<', s.today)
    .select([
      rankCase(dateCond('milestone_day_stat.planned_date', cut)).as('r'),
      (eb) => eb.fn.sum<number>('milestone_day_stat.milestones').as('n'),
    ])
    .groupBy(sql`1`)
    .execute();
}

/** The first `limit` late open milestones in scope, earliest planned date first. */
export function firstLateMilestones(db: Db, s: WarningScope, cut: Cutoffs, limit: number) {
  return projectsInWarningScope(db, s)
    .innerJoin('milestone', 'milestone.project_id', 'project.id')
    .where('milestone.actual_date', 'is', null)
    .where('milestone.planned_date', '<', s.today)
    .where(lateMilestoneOnly(s, cut))
    .select([
      'project.id as pid',
      'project.name as pname',
      'milestone.id as mid',
      'milestone.name as mname',
      'milestone.planned_date as planned',
    ])
    .orderBy('milestone.planned_date')
    .orderBy('milestone.id')
    .limit(limit)
    .execute();
}

/** Working factor requests past their deadline, of the projects in scope (as the cockpit's figures). */
function overdueRequests(db: Db, s: WarningScope, cut: Cutoffs) {
  let rq = db
    .selectFrom('factor_request')
    .leftJoin('department', 'department.id', 'factor_request.department_id')
    .leftJoin('project', 'project.id', 'factor_request.project_id')
    .where('factor_request.status', 'in', [...REQUEST_WORKING_STATUSES])
    .where('factor_request.deadline', '<', s.today);
  rq = rq
    .where(kindOnly(s, 'request_overdue'))
    .where(severityOnly(s, dateCond('factor_request.deadline', cut)));
  if (s.officerId) rq = rq.where('project.officer_id', '=', s.officerId);
  if (s.park) rq = rq.where('project.park', '=', s.park);
  if (s.chainId) {
    const chainId = s.chainId;
    rq = rq.where('project.link_id', 'in', chainLinkIds(db, chainId));
  }
  return rq;
}

export function overdueRequestCounts(db: Db, s: WarningScope, cut: Cutoffs) {
  return overdueRequests(db, s, cut)
    .select([
      rankCase(dateCond('factor_request.deadline', cut)).as('r'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(sql`1`)
    .execute();
}

/** The first `limit` overdue requests in scope, earliest deadline first, with their unit. */
export function firstOverdueRequests(db: Db, s: WarningScope, cut: Cutoffs, limit: number) {
  return overdueRequests(db, s, cut)
    .select([
      'factor_request.id as id',
      'factor_request.title as title',
      'factor_request.deadline as deadline',
      'department.name as dept',
      'project.id as pid',
      'project.name as pname',
    ])
    .orderBy('factor_request.deadline')
    .orderBy('factor_request.id')
    .limit(limit)
    .execute();
}

/** The dispatch round whose deadline passed last before `today`. */
export function lastClosedRound(db: Db, today: string) {
  return db
    .selectFrom('round')
    .select(['id', 'title', 'deadline'])
    .where('deadline', '<', today)
    .orderBy('deadline', 'desc')
    .executeTakeFirst();
}

/** The round's projects in scope that have sent no report. */
function missingReports(db: Db, s: WarningScope, roundId: string) {
  return projectsInWarningScope(db, s)
    .innerJoin('round_project', 'round_project.project_id', 'project.id')
    .where('round_project.round_id', '=', roundId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('round_report')
            .select('round_report.id')
            .where('round_report.round_id', '=', roundId)
            .whereRef('round_report.project_id', '=', 'project.id'),
        ),
      ),
    );
}

export function missingReportCount(db: Db, s: WarningScope, roundId: string) {
  return missingReports(db, s, roundId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
}

export function firstMissingReports(db: Db, s: WarningScope, roundId: string, limit: number) {
  return missingReports(db, s, roundId)
    .select(['project.id as pid', 'project.name as pname'])
    .orderBy('project.id')
    .limit(limit)
    .execute();
}
