import type { Kysely } from 'kysely';
import { daysBetween } from '../../../../shared/src/dates';
import {
  type Severity,
  STAGE_NORM_DEFAULTS,
  severityOrder,
  type WarningKind,
  warningSeverity,
} from '../../../../shared/src/dispatch';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import type { Database } from '../../db/database';
import { type CockpitScope, scopedProjects } from '../cockpit/cockpit.repository';

/**
 * Early warnings (预警): what needs a leader now, each with its reason, most severe first.
 * A read task: it scans open milestones, active projects, working requests and the last closed round.
 */
type Db = Kysely<Database>;

export interface Warning {
  kind: WarningKind;
  severity: Severity;
  days: number;
  reason: Bilingual;
  projectId: string | null;
  projectName: string | null;
  link: string;
}

const STAGE_LABEL = Object.fromEntries(PROJECT_STAGES.map((s) => [s.key, s]));

/** The zone's stage norms in days: the stage_norm rows over the shared defaults. */
export async function stageNorms(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('stage_norm').select(['stage', 'max_days']).execute();
  return { ...STAGE_NORM_DEFAULTS, ...Object.fromEntries(rows.map((r) => [r.stage, Number(r.max_days)])) };
}

export async function warningsData(
  db: Db,
  s: Omit<CockpitScope, 'year'> & { limit: number },
): Promise<Warning[]> {
  const scope = { ...s, year: 0 };
  const out: Warning[] = [];

  const milestones = await scopedProjects(db, scope)
    .innerJoin('milestone', 'milestone.project_id', 'project.id')
    .select([
      'project.id as pid',
      'project.name as pname',
      'milestone.name as mname',
      'milestone.planned_date as planned',
    ])
    .where('milestone.actual_date', 'is', null)
    .where('milestone.planned_date', '<', s.today)
    .execute();
  for (const m of milestones) {
    const days = daysBetween(m.planned as string, s.today);
    out.push({
      kind: 'milestone_late',
      severity: warningSeverity('milestone_late', days),
      days,
      reason: {
        zh: `节点“${m.mname}”计划 ${m.planned} 完成，已逾期 ${days} 天`,
        en: `Milestone “${m.mname}” was due ${m.planned}: ${days} days late`,
      },
      projectId: m.pid,
      projectName: m.pname,
      link: `/projects/${m.pid}`,
    });
  }

  const norms = await stageNorms(db);
  const staying = await scopedProjects(db, scope)
    .select([
      'project.id as pid',
      'project.name as pname',
      'project.stage as stage',
      'project.stage_date as since',
    ])
    .where('project.stage', 'in', Object.keys(norms))
    .where('project.stage_date', 'is not', null)
    .execute();
  for (const p of staying) {
    const norm = norms[p.stage] as number;
    const days = daysBetween(p.since as string, s.today);
    if (days <= norm) continue;
    const label = STAGE_LABEL[p.stage];
    out.push({
      kind: 'stage_stuck',
      severity: warningSeverity('stage_stuck', days, norm),
      days,
      reason: {
        zh: `处于“${label?.zh ?? p.stage}”阶段已 ${days} 天，超过园区标准 ${norm} 天`,
        en: `In stage “${label?.en ?? p.stage}” for ${days} days, over the zone norm of ${norm}`,
      },
      projectId: p.pid,
      projectName: p.pname,
      link: `/projects/${p.pid}`,
    });
  }

  let rq = db
    .selectFrom('factor_request')
    .leftJoin('department', 'department.id', 'factor_request.department_id')
    .leftJoin('project', 'project.id', 'factor_request.project_id')
    .select([
      'factor_request.id as id',
      'factor_request.title as title',
      'factor_request.deadline as deadline',
      'department.name as dept',
      'project.id as pid',
      'project.name as pname',
    ])
    .where('factor_request.status', 'in', [...REQUEST_WORKING_STATUSES])
    .where('factor_request.deadline', '<', s.today);
  if (s.park) rq = rq.where('project.park', '=', s.park);
  for (const r of await rq.execute()) {
    const days = daysBetween(r.deadline as string, s.today);
    out.push({
      kind: 'request_overdue',
      severity: warningSeverity('request_overdue', days),
      days,
      reason: {
        zh: `要素保障“${r.title}”（${r.dept ?? '未分派'}）期限 ${r.deadline}，已超期 ${days} 天`,
        en: `Factor request “${r.title}” (${r.dept ?? 'unassigned'}) was due ${r.deadline}: ${days} days overdue`,
      },
      projectId: r.pid,
      projectName: r.pname,
      link: `/requests/${r.id}`,
    });
  }

  const round = await db
    .selectFrom('round')
    .select(['id', 'title', 'deadline'])
    .where('deadline', '<', s.today)
    .orderBy('deadline', 'desc')
    .executeTakeFirst();
  if (round) {
    const missing = await scopedProjects(db, scope)
      .innerJoin('round_project', 'round_project.project_id', 'project.id')
      .select(['project.id as pid', 'project.name as pname'])
      .where('round_project.round_id', '=', round.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('round_report')
              .select('round_report.id')
              .where('round_report.round_id', '=', round.id)
              .whereRef('round_report.project_id', '=', 'project.id'),
          ),
        ),
      )
      .execute();
    for (const m of missing) {
      const days = daysBetween(round.deadline, s.today);
      out.push({
        kind: 'round_missing',
        severity: warningSeverity('round_missing', days),
        days,
        reason: {
          zh: `调度“${round.title}”截止 ${round.deadline}，未报送`,
          en: `Dispatch round “${round.title}” closed ${round.deadline}: not reported`,
        },
        projectId: m.pid,
        projectName: m.pname,
        link: `/rounds/${round.id}`,
      });
    }
  }

  out.sort((a, b) => severityOrder(a.severity) - severityOrder(b.severity) || b.days - a.days);
  return out.slice(0, s.limit);
}

/** Counts by severity (the cockpit's badge), over the full list. */
export function countBySeverity(items: Warning[]): Record<Severity, number> {
  const c: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const w of items) c[w.severity] += 1;
  return c;
}
