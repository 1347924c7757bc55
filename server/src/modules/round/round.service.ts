import { sniffAttachmentType } from '../../../../shared/src/attachments';
import { addDays, periodOf, toShanghaiDate } from '../../../../shared/src/dates';
import { isLateReport, ROUND_LIMITS, type RoundKind, roundStatus } from '../../../../shared/src/dispatch';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { RequestType } from '../../../../shared/src/request-status';
import type { RoundReportTable, RoundTable } from '../../db/database';
import { requireActor, today } from '../../lib/fields';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { notify, usersOfFirm } from '../notify/notify.service';
import { assertProjectVisible } from '../project/project.policy';
import { createRequest } from '../request/request.service';
import * as repo from './round.repository';

/**
 * 调度 dispatch rounds: an admin sets a round (a week or month, a deadline, which projects); each
 * project's firm or officer files one report (figures of the period, narrative, problems, photos);
 * missing reports are reminded; a round closes when its deadline day has passed (computed, never
 * stored); reports after the deadline are marked late.
 */

/** Enterprise users see only the projects their firm invests in; everyone else sees all. */
function firmScope(ctx: ServiceContext): string | null | undefined {
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

export async function listRounds(ctx: ServiceContext) {
  const day = today(ctx);
  const firmId = firmScope(ctx);
  const rows = await repo.listRoundRows(ctx.db.kysely, 200);
  const items = [];
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
export async function createRound(ctx: ServiceContext, input: CreateRoundInput) {
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

/** A round with its projects (an enterprise: its own) and who has reported. */
export async function getRound(ctx: ServiceContext, id: string) {
  const day = today(ctx);
  const round = await repo.findRound(ctx.db.kysely, id);
  if (!round) throw errors.notFound('round');
  const firmId = firmScope(ctx);
  const rows = await repo.roundProjectRows(ctx.db.kysely, id, firmId);
  if (firmId !== undefined && rows.length === 0) throw errors.notFound('round');
  return {
    ...presentRound(round, day),
    expected: rows.length,
    reported: rows.filter((r) => r.report_id).length,
    late: rows.filter((r) => Number(r.late) === 1).length,
    projects: rows.map((r) => ({
      projectId: r.project_id,
      code: r.code,
      name: r.name,
      park: r.park,
      stage: r.stage,
      priority: r.priority,
      officerName: r.officer_name,
      reportId: r.report_id,
      submittedAt: r.submitted_at,
      late: Number(r.late ?? 0) === 1,
      reporterName: r.reporter_name,
      investmentPeriod: r.investment_period === null ? null : Number(r.investment_period),
      fundsPeriod: r.funds_period === null ? null : Number(r.funds_period),
      reminders: Number(r.reminders ?? 0),
    })),
  };
}

export interface ReportInput {
  projectId: string;
  investmentPeriod: number;
  fundsPeriod: number;
  exportsPeriod?: number | undefined;
  investmentCumulative?: number | null | undefined;
  fundsCumulative?: number | null | undefined;
  narrative: string;
  problems?: string | null | undefined;
  photos?: Array<{ fileName: string; contentBase64: string }> | undefined;
}

/**
 * Files (or corrects) a project's report in a round. An enterprise reports only its own projects
 * (others are 404); officers and admins report any project of the round. Filing after the deadline
 * day marks it late (a correction keeps the first filing's lateness).
 */
export async function submitReport(ctx: ServiceContext, roundId: string, input: ReportInput) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const round = await repo.findRound(db, roundId);
  if (!round) throw errors.notFound('round');
  await assertProjectVisible(db, actor, input.projectId);
  if (!(await repo.isRoundProject(db, roundId, input.projectId))) throw errors.notFound('project');
  const photos = (input.photos ?? []).map((p) => {
    const bytes = Buffer.from(p.contentBase64, 'base64');
    const mime = sniffAttachmentType(bytes);
    if (!mime?.startsWith('image/') || bytes.length > ROUND_LIMITS.maxPhotoBytes) {
      throw errors.validation([
        {
          path: 'photos',
          message: {
            zh: `现场照片须为 PNG 或 JPEG 图片，每张不超过 ${ROUND_LIMITS.maxPhotoBytes / 1024 / 1024} MB`,
            en: `Photos must be PNG or JPEG images of at most ${ROUND_LIMITS.maxPhotoBytes / 1024 / 1024} MB`,
          },
        },
      ]);
    }
    return { fileName: p.fileName, mime, bytes };
  });
  const nowIso = ctx.clock.now().toISOString();
  const late = isLateReport(round.deadline, toShanghaiDate(nowIso)) ? 1 : 0;
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findReportOf(trx, roundId, input.projectId);
    const firms = await repo.investorFirms(trx, input.projectId);
    const fields = {
      investment_period: input.investmentPeriod,
      funds_period: input.fundsPeriod,
      exports_period: input.exportsPeriod ?? 0,
      investment_cumulative: input.investmentCumulative ?? null,
      funds_cumulative: input.fundsCumulative ?? null,
      narrative: input.narrative,
      problems: input.problems?.trim() || null,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.updateReport(trx, id, { ...fields, version: existing.version + 1, updated_at: nowIso });
      await writeAudit(trx, ctx, {
        entity: 'round_report',
        entityId: id,
        action: 'update',
        before: { ...existing },
        after: fields,
      });
    } else {
      id = newId();
      const row: RoundReportTable = {
        id,
        round_id: roundId,
        project_id: input.projectId,
        firm_id: actor.role === 'enterprise' ? actor.firmId : (firms[0] ?? null),
        reporter_id: actor.userId,
        reporter_name: actor.displayName,
        reporter_role: actor.role,
        ...fields,
        submitted_at: nowIso,
        late,
        is_sample: 0,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      };
      await repo.insertReport(trx, row);
      await writeAudit(trx, ctx, {
        entity: 'round_report',
        entityId: id,
        action: 'create',
        after: { ...row },
      });
    }
    const count = (await repo.photosOf(trx, [id])).length;
    if (count + photos.length > ROUND_LIMITS.maxPhotos) {
      throw errors.badRequest('TOO_MANY_PHOTOS', {
        zh: `每份报送最多 ${ROUND_LIMITS.maxPhotos} 张照片`,
        en: `At most ${ROUND_LIMITS.maxPhotos} photos per report`,
      });
    }
    for (const p of photos) {
      const photoId = newId();
      await trx
        .insertInto('round_photo')
        .values({
          id: photoId,
          report_id: id,
          file_name: p.fileName,
          mime: p.mime,
          size: p.bytes.length,
          content: p.bytes,
          created_at: nowIso,
        })
        .execute();
      await writeAudit(trx, ctx, {
        entity: 'round_photo',
        entityId: photoId,
        action: 'create',
        after: { reportId: id, fileName: p.fileName, size: p.bytes.length },
      });
    }
    return { id, late: existing ? existing.late === 1 : late === 1 };
  });
}

export async function listReports(ctx: ServiceContext, f: repo.ReportListFilter) {
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
      investmentPeriod: Number(r.investment_period),
      fundsPeriod: Number(r.funds_period),
      exportsPeriod: Number(r.exports_period),
      investmentCumulative: r.investment_cumulative === null ? null : Number(r.investment_cumulative),
      fundsCumulative: r.funds_cumulative === null ? null : Number(r.funds_cumulative),
      narrative: r.narrative,
      problems: r.problems,
      submittedAt: r.submitted_at,
      late: r.late === 1,
      isSample: r.is_sample === 1,
      photos: photos
        .filter((p) => p.report_id === r.id)
        .map((p) => ({ id: p.id, fileName: p.file_name, mime: p.mime, size: p.size })),
    })),
  };
}

/** A photo's bytes, if the caller may see its report's project. */
export async function getPhoto(ctx: ServiceContext, reportId: string, photoId: string) {
  const actor = requireActor(ctx);
  const report = await repo.findReport(ctx.db.kysely, reportId);
  if (!report) throw errors.notFound('photo');
  await assertProjectVisible(ctx.db.kysely, actor, report.project_id);
  const photo = await repo.photoContent(ctx.db.kysely, reportId, photoId);
  if (!photo) throw errors.notFound('photo');
  return photo;
}

/**
 * Reminds every project of the round without a report: its firm's users get an inbox notification
 * (and the outbound channel, if one forwards reminders); each reminder is recorded.
 */
export async function remindMissing(ctx: ServiceContext, roundId: string) {
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
      const officer = await trx
        .selectFrom('project')
        .select('officer_id')
        .where('id', '=', m.project_id)
        .executeTakeFirst();
      if (officer?.officer_id) users.add(officer.officer_id);
      await notify(trx, nowIso, users, {
        kind: 'round.reminder',
        title: `请报送：${round.title}（${m.name}），截止 ${round.deadline}`,
        entity: 'round',
        entityId: round.id,
        dedupeKey: `round.reminder:${round.id}:${m.project_id}:${nowIso.slice(0, 10)}`,
      });
      notified += users.size;
      await trx
        .insertInto('round_reminder')
        .values({
          id: newId(),
          round_id: roundId,
          project_id: m.project_id,
          recipients: users.size,
          actor_name: actor.displayName,
          at: nowIso,
        })
        .execute();
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

/** The problems of a report become a factor request in one step (要素保障). */
export async function problemsToRequest(
  ctx: ServiceContext,
  reportId: string,
  input: { type: RequestType; title?: string | undefined },
) {
  const actor = requireActor(ctx);
  const report = await repo.findReport(ctx.db.kysely, reportId);
  if (!report) throw errors.notFound('round_report');
  await assertProjectVisible(ctx.db.kysely, actor, report.project_id);
  if (!report.problems) {
    throw errors.badRequest('NO_PROBLEMS', { zh: '该报送没有填写问题', en: 'This report lists no problems' });
  }
  return createRequest(ctx, {
    projectId: report.project_id,
    type: input.type,
    title: input.title?.trim() || report.problems.slice(0, 60),
    description: report.problems,
  });
}
