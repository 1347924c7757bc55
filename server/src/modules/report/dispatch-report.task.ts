import type { Kysely } from 'kysely';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import type { Database } from '../../db/database';
import { num, priorCumulatives } from '../round/round.service';
import { type RollupInput, rollUp, UNGROUPED } from '../round/round-rollup';

/**
 * The figures of a dispatch report (调度报告): one round (the given one, else the latest begun),
 * its projects with their reports, roll-ups per chain, park and officer, late and blocked projects.
 * A read task: plain params in, plain data out; the .docx/.xlsx are drawn from this on the main thread.
 */
type Db = Kysely<Database>;

const ORDER = new Map(PROJECT_STAGES.map((s) => [s.key as string, s.order]));
const STARTED = ORDER.get('started') as number;
const PRODUCING = ORDER.get('producing') as number;

export interface DispatchRow extends RollupInput {
  projectId: string;
  code: string;
  name: string;
  stage: string;
  /** The figure the report states (null if none or not reported); RollupInput's is the effective one. */
  investmentCumulativeStated: number | null;
  narrative: string | null;
  problems: string | null;
  lateMilestones: Array<{ name: string; planned: string; days: number }>;
  overdueRequests: number;
  /** The project's 总投资 as recorded, null when unknown (the report prints —, not 0). */
  totalInvestmentStated: number | null;
  /** Each overdue working request: what, which unit holds it, days past its deadline (存在问题). */
  overdueRequestItems: Array<{ title: string; unit: string | null; days: number }>;
}

/** Rolls the rows up into the report's summary figures (pure; unit-tested). */
export function summarise(rows: DispatchRow[]) {
  const order = (s: string) => ORDER.get(s) ?? 0;
  return {
    projects: rows.length,
    started: rows.filter((r) => order(r.stage) >= STARTED).length,
    producing: rows.filter((r) => order(r.stage) >= PRODUCING).length,
    reported: rows.filter((r) => r.reported).length,
    lateReports: rows.filter((r) => r.late).length,
    totalInvestment: rows.reduce((s, r) => s + r.totalInvestment, 0),
    investmentPeriod: rows.reduce((s, r) => s + r.investmentPeriod, 0),
    fundsPeriod: rows.reduce((s, r) => s + r.fundsPeriod, 0),
    withProblems: rows.filter((r) => r.problems).length,
    lateProjects: rows.filter((r) => r.lateMilestones.length > 0).length,
    blocked: rows.filter((r) => r.problems || r.overdueRequests > 0).length,
    investmentInStats: rows.reduce((s, r) => s + (r.investmentInStats ? r.investmentPeriod : 0), 0),
    investmentCumulative: rows.reduce((s, r) => s + r.investmentCumulative, 0),
    fundsCumulative: rows.reduce((s, r) => s + r.fundsCumulative, 0),
    byChain: rollUp(rows, (r) => r.chain ?? UNGROUPED.chain),
    byPark: rollUp(rows, (r) => r.park ?? UNGROUPED.park),
    byOfficer: rollUp(rows, (r) => r.officer ?? UNGROUPED.officer),
  };
}

export async function dispatchReportData(db: Db, p: { roundId?: string | undefined; today: string }) {
  let rq = db.selectFrom('round').selectAll();
  rq = p.roundId
    ? rq.where('id', '=', p.roundId)
    : rq.where('period_start', '<=', p.today).orderBy('period_end', 'desc').orderBy('created_at', 'desc');
  const round = await rq.executeTakeFirst();
  if (!round) return null;
  const base = await db
    .selectFrom('round_project')
    .innerJoin('project', 'project.id', 'round_project.project_id')
    .leftJoin('chain_link', 'chain_link.id', 'project.link_id')
    .leftJoin('chain', 'chain.id', 'chain_link.chain_id')
    .leftJoin('app_user as officer', 'officer.id', 'project.officer_id')
    .leftJoin('round_report', (j) =>
      j
        .onRef('round_report.round_id', '=', 'round_project.round_id')
        .onRef('round_report.project_id', '=', 'project.id'),
    )
    .select([
      'project.id as id',
      'project.code as code',
      'project.name as name',
      'project.park as park',
      'project.stage as stage',
      'project.total_investment as total_investment',
      'chain.name as chain',
      'officer.display_name as officer',
      'round_report.id as report_id',
      'round_report.late as late',
      'round_report.investment_period as investment_period',
      'round_report.funds_period as funds_period',
      'round_report.investment_in_stats as investment_in_stats',
      'round_report.exports_period as exports_period',
      'round_report.output_period as output_period',
      'round_report.tax_period as tax_period',
      'round_report.investment_cumulative as investment_cumulative',
      'round_report.funds_cumulative as funds_cumulative',
      'round_report.narrative as narrative',
      'round_report.problems as problems',
    ])
    .where('round_project.round_id', '=', round.id)
    .orderBy('project.total_investment', 'desc')
    .orderBy('project.code')
    .execute();
  const ids = base.map((b) => b.id);
  const milestones: Array<{ project_id: string; name: string; planned_date: string | null }> = [];
  const requests: Array<{
    project_id: string | null;
    title: string;
    unit: string | null;
    deadline: string | null;
  }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    milestones.push(
      ...(await db
        .selectFrom('milestone')
        .select(['project_id', 'name', 'planned_date'])
        .where('project_id', 'in', chunk)
        .where('actual_date', 'is', null)
        .where('planned_date', '<', p.today)
        .orderBy('planned_date')
        .execute()),
    );
    requests.push(
      ...(await db
        .selectFrom('factor_request')
        .leftJoin('department', 'department.id', 'factor_request.department_id')
        .select([
          'factor_request.project_id as project_id',
          'factor_request.title as title',
          'department.name as unit',
          'factor_request.deadline as deadline',
        ])
        .where('factor_request.project_id', 'in', chunk)
        .where('factor_request.status', 'in', [...REQUEST_WORKING_STATUSES])
        .where('factor_request.deadline', '<', p.today)
        .orderBy('factor_request.deadline')
        .orderBy('factor_request.id')
        .execute()),
    );
  }
  const prior = await priorCumulatives(db, ids, round.period_start);
  // Looked up per project below: maps, not a scan of every row per project (2,000 × 2,000).
  const milestonesOf = new Map<string, typeof milestones>();
  for (const m of milestones) {
    const list = milestonesOf.get(m.project_id);
    if (list) list.push(m);
    else milestonesOf.set(m.project_id, [m]);
  }
  const days = (d: string) => Math.round((Date.parse(p.today) - Date.parse(d)) / 86_400_000);
  const requestsOf = new Map<string, DispatchRow['overdueRequestItems']>();
  for (const r of requests) {
    if (!r.project_id) continue;
    const item = { title: r.title, unit: r.unit, days: days(r.deadline as string) };
    const list = requestsOf.get(r.project_id);
    if (list) list.push(item);
    else requestsOf.set(r.project_id, [item]);
  }
  const rows: DispatchRow[] = base.map((b) => {
    const before = prior.get(b.id) ?? { investment: 0, funds: 0 };
    const investmentPeriod = Number(b.investment_period ?? 0);
    const fundsPeriod = Number(b.funds_period ?? 0);
    const stated = num(b.investment_cumulative);
    return {
      projectId: b.id,
      code: b.code,
      name: b.name,
      park: b.park,
      chain: b.chain,
      officer: b.officer,
      stage: b.stage,
      totalInvestment: Number(b.total_investment ?? 0),
      reported: b.report_id !== null,
      late: Number(b.late ?? 0) === 1,
      investmentPeriod,
      investmentInStats: b.report_id !== null && Number(b.investment_in_stats) === 1,
      fundsPeriod,
      exportsPeriod: Number(b.exports_period ?? 0),
      outputPeriod: num(b.output_period),
      taxPeriod: num(b.tax_period),
      investmentCumulativeStated: stated,
      // Stated cumulative, else the running figure (earlier reports + this period); see RollupInput.
      investmentCumulative: stated ?? before.investment + investmentPeriod,
      fundsCumulative: num(b.funds_cumulative) ?? before.funds + fundsPeriod,
      narrative: b.narrative,
      problems: b.problems,
      lateMilestones: (milestonesOf.get(b.id) ?? []).map((m) => ({
        name: m.name,
        planned: m.planned_date as string,
        days: days(m.planned_date as string),
      })),
      overdueRequests: requestsOf.get(b.id)?.length ?? 0,
      totalInvestmentStated: num(b.total_investment),
      overdueRequestItems: requestsOf.get(b.id) ?? [],
    };
  });
  const zone = await db.selectFrom('zone').select('name').executeTakeFirst();
  // 签发 (report-issue.service.ts): an issued round's file carries its 文号, 发文单位 and 抄送.
  const issue = await db
    .selectFrom('report_issue')
    .select(['doc_number', 'issuer', 'cc', 'issued_on'])
    .where('round_id', '=', round.id)
    // A withdrawn (作废) issue no longer heads the document; the one in force, if any, does.
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return {
    issue: issue
      ? { docNumber: issue.doc_number, issuer: issue.issuer, cc: issue.cc, issuedOn: issue.issued_on }
      : null,
    zoneName: zone?.name ?? '开发区',
    today: p.today,
    round: {
      id: round.id,
      title: round.title,
      periodKey: round.period_key,
      periodStart: round.period_start,
      periodEnd: round.period_end,
      deadline: round.deadline,
    },
    rows,
    summary: summarise(rows),
  };
}

export type DispatchReportData = NonNullable<Awaited<ReturnType<typeof dispatchReportData>>>;
