import type { RemindResult, Round, RoundDetail, RoundReport } from '../../../../shared/src/contract/round';
import { addDays, periodOf } from '../../../../shared/src/dates';
import { ROUND_LIMITS, type RoundKind, roundStatus } from '../../../../shared/src/dispatch';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { cumulativeDisagrees, expectedCumulative } from '../../../../shared/src/round-figures';
import type { RoundTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { notify, usersOfFirm } from '../notify/notify.service';
import { presentReportFigures } from './round.presenter';
import * as repo from './round.repository';

// The dispatch report (调度报告) reads cumulative figures the way a round's report does.
export { num, priorCumulatives } from './round.repository';

import { roundRollups } from './round-rollup';

/**
 * 调度 dispatch rounds: an admin sets a round (a week or month, a deadline, which projects); each
 * project's firm or officer files one report (figures of the period, narrative, problems, photos);
 * missing reports are reminded; a round closes when its deadline day has passed (computed, never
 * stored); reports after the deadline are marked late. Filing a report: round-report.service.ts.
 */

/** Enterprise users see only the projects their firm invests in; everyone else sees all. */
export function firmScope(ctx: ServiceContext): string | null | undefined {
  const actor = requireActor(ctx);
  return actor.role === 'enterprise' ? actor.firmId : undefined;
}

function presentRound(r: RoundTable, day: string) {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as RoundKind,
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    deadline: r.deadline,
    selection: JSON.parse(r.selection_json) as { stages: string[]; priorities: string[] },
    status: roundStatus(r.deadline, day),
    isSample: r.is_sample === 1,
    createdAt: r.created_at,
  };
}

export async function listRounds(ctx: ServiceContext): Promise<{ items: Round[]; total: number }> {
  const day = today(ctx);
  const firmId = firmScope(ctx);
  const rows = await repo.listRoundRows(ctx.db.kysely, 200);
  const items: Round[] = [];
  for (const r of rows) {
    const base = { ...presentRound(r, day), expected: r.expected, reported: r.reported, late: r.late };
    if (firmId === undefined) {
      items.push(base);
      continue;
    }
    // An enterprise: only rounds that ask one of its projects, counted over its projects.
    const own = await repo.roundProjectRows(ctx.db.kysely, r.id, firmId);
    if (own.length === 0) continue;
    items.push({
      ...base,
      expected: own.length,
      reported: own.filter((o) => o.report_id).length,
      late: own.filter((o) => Number(o.late) === 1).length,
    });
  }
  return { items, total: items.length };
}

export interface CreateRoundInput {
  kind: RoundKind;
  /** Any day of the period (defaults to today). */
  date?: string | undefined;
  title?: string | undefined;
  deadline?: string | undefined;
  stages?: string[] | undefined;
  priorities?: string[] | undefined;
  isSample?: boolean | undefined;
}

/** Sets a round; the project set is taken by the rule now and frozen. */
export async function createRound(ctx: ServiceContext, input: CreateRoundInput): Promise<Round> {
  requireActor(ctx);
  const day = today(ctx);
  const period = periodOf(input.kind, input.date ?? day);
  const stages = input.stages?.length
    ? input.stages
    : PROJECT_STAGES.filter((s) => s.order !== null && s.key !== 'full_capacity').map((s) => s.key);
  const priorities = input.priorities ?? [];
  const deadline = input.deadline ?? addDays(period.end, 1);
  if (deadline < period.start) {
    throw errors.validation([
      {
        path: 'deadline',
        message: { zh: '截止日期不能早于调度期开始', en: 'The deadline cannot be before the period starts' },
      },
    ]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const row: RoundTable = {
    id: newId(),
    title: input.title?.trim() || `${period.label.zh}重点项目调度`,
    kind: input.kind,
    period_key: period.key,
    period_start: period.start,
    period_end: period.end,
    deadline,
    selection_json: JSON.stringify({ stages, priorities }),
    is_sample: input.isSample ? 1 : 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const ids = await repo.selectProjectIds(trx, { stages, priorities });
    if (ids.length === 0) {
      throw errors.badRequest('ROUND_EMPTY', { zh: '没有符合条件的项目', en: 'No project matches the rule' });
    }
    if (ids.length > ROUND_LIMITS.maxProjects) {
      throw errors.badRequest('ROUND_TOO_LARGE', {
        zh: `一轮调度最多 ${ROUND_LIMITS.maxProjects} 个项目，请收窄范围`,
        en: `At most ${ROUND_LIMITS.maxProjects} projects per round: narrow the rule`,
      });
    }
    await repo.insertRound(trx, row, ids);
    await writeAudit(trx, ctx, {
      entity: 'round',
      entityId: row.id,
      action: 'create',
      after: { ...row, projects: ids.length },
    });
    return { ...presentRound(row, day), expected: ids.length, reported: 0, late: 0 };
  });
}

/**
 * A round with its projects (an enterprise: its own), who has reported, each report's figures with
 * the running cumulative from earlier rounds (the form pre-fills from it; a stated cumulative that
 * disagrees is flagged), and the roll-ups per zone, park, chain and officer.
 */
export async function getRound(ctx: ServiceContext, id: string): Promise<RoundDetail> {
  const day = today(ctx);
  const db = ctx.db.kysely;
  const round = await repo.findRound(db, id);
  if (!round) throw errors.notFound('round');
  const firmId = firmScope(ctx);
  const rows = await repo.roundProjectRows(db, id, firmId);
  if (firmId !== undefined && rows.length === 0) throw errors.notFound('round');
  const prior = await repo.priorCumulatives(
    db,
    rows.map((r) => r.project_id),
    round.period_start,
  );
  const zone = await repo.zoneName(db);
  const projects = rows.map((r) => {
    const before = prior.get(r.project_id) ?? { investment: 0, funds: 0 };
    const reported = r.report_id !== null;
    const investmentPeriod = repo.num(r.investment_period);
    const fundsPeriod = repo.num(r.funds_period);
    const expected = {
      investment: expectedCumulative(before.investment, investmentPeriod ?? 0),
      funds: expectedCumulative(before.funds, fundsPeriod ?? 0),
    };
    const investmentCumulative = repo.num(r.investment_cumulative);
    const fundsCumulative = repo.num(r.funds_cumulative);
    return {
      projectId: r.project_id,
      code: r.code,
      name: r.name,
      park: r.park,
      chainName: r.chain_name,
      stage: r.stage,
      priority: r.priority,
      totalInvestment: repo.num(r.total_investment),
      officerName: r.officer_name,
      reportId: r.report_id,
      /** The version a correction sends back (null before a report). */
      reportVersion: r.report_version === null ? null : Number(r.report_version),
      submittedAt: r.submitted_at,
      late: Number(r.late ?? 0) === 1,
      reporterName: r.reporter_name,
      investmentPeriod,
      investmentInStats: reported ? Number(r.investment_in_stats) === 1 : null,
      fundsPeriod,
      exportsPeriod: repo.num(r.exports_period),
      outputPeriod: repo.num(r.output_period),
      taxPeriod: repo.num(r.tax_period),
      investmentCumulative,
      fundsCumulative,
      /** Running figures before this round (earlier periods), for the form to add this period to. */
      priorInvestmentCumulative: before.investment,
      priorFundsCumulative: before.funds,
      cumulativeDisagrees:
        reported &&
        (cumulativeDisagrees(investmentCumulative, expected.investment) ||
          cumulativeDisagrees(fundsCumulative, expected.funds)),
      reminders: Number(r.reminders ?? 0),
      // For the roll-ups: a missing stated cumulative falls back to the running figure.
      effective: {
        investmentCumulative: investmentCumulative ?? expected.investment,
        fundsCumulative: fundsCumulative ?? expected.funds,
      },
    };
  });
  const rollups = roundRollups(
    projects.map((p) => ({
      park: p.park,
      chain: p.chainName,
      officer: p.officerName,
      totalInvestment: p.totalInvestment ?? 0,
      reported: p.reportId !== null,
      late: p.late,
      investmentPeriod: p.investmentPeriod ?? 0,
      investmentInStats: p.investmentInStats ?? false,
      fundsPeriod: p.fundsPeriod ?? 0,
      exportsPeriod: p.exportsPeriod ?? 0,
      outputPeriod: p.outputPeriod,
      taxPeriod: p.taxPeriod,
      ...p.effective,
    })),
    zone?.name ?? '全区',
  );
  return {
    ...presentRound(round, day),
    expected: rows.length,
    reported: rows.filter((r) => r.report_id).length,
    late: rows.filter((r) => Number(r.late) === 1).length,
    projects: projects.map(({ effective: _e, ...p }) => p),
    rollups,
  };
}

/**
 * Reminds every project of the round without a report: its firm's users get an inbox notification
 * (and the outbound channel, if one forwards reminders); each reminder is recorded.
 */
export async function remindMissing(ctx: ServiceContext, roundId: string): Promise<RemindResult> {
  const actor = requireActor(ctx);
  const round = await repo.findRound(ctx.db.kysely, roundId);
  if (!round) throw errors.notFound('round');
  const nowIso = ctx.clock.now().toISOString();
  const rows = await repo.roundProjectRows(ctx.db.kysely, roundId, undefined);
  const missing = rows.filter((r) => !r.report_id);
  let notified = 0;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const m of missing) {
      const users = new Set<string>();
      for (const firmId of await repo.investorFirms(trx, m.project_id)) {
        for (const u of await usersOfFirm(trx, firmId)) users.add(u);
      }
      const officer = await repo.projectOfficer(trx, m.project_id);
      if (officer?.officer_id) users.add(officer.officer_id);
      await notify(trx, nowIso, users, {
        kind: 'round.reminder',
        title: `请报送：${round.title}（${m.name}），截止 ${round.deadline}`,
        entity: 'round',
        entityId: round.id,
        dedupeKey: `round.reminder:${round.id}:${m.project_id}:${nowIso.slice(0, 10)}`,
      });
      notified += users.size;
      await repo.insertReminder(trx, {
        id: newId(),
        round_id: roundId,
        project_id: m.project_id,
        recipients: users.size,
        actor_name: actor.displayName,
        at: nowIso,
      });
    }
    await writeAudit(trx, ctx, {
      entity: 'round',
      entityId: roundId,
      action: 'remind',
      after: { projects: missing.length, notified },
    });
  });
  return { projects: missing.length, notified };
}

/** Round reports by the filter, newest first (an enterprise: its own projects' only). */
export async function listReports(
  ctx: ServiceContext,
  f: repo.ReportListFilter,
): Promise<{ items: RoundReport[]; total: number }> {
  const { rows, total } = await repo.listReportRows(ctx.db.kysely, f, firmScope(ctx));
  const photos = await repo.photosOf(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      periodKey: r.period_key,
      projectId: r.project_id,
      projectCode: r.project_code,
      projectName: r.project_name,
      reporterName: r.reporter_name,
      version: r.version,
      ...presentReportFigures(r),
      submittedAt: r.submitted_at,
      late: r.late === 1,
      isSample: r.is_sample === 1,
      photos: photos
        .filter((p) => p.report_id === r.id)
        .map((p) => ({ id: p.id, fileName: p.file_name, mime: p.mime, size: p.size })),
    })),
  };
}
