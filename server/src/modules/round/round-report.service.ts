import { sniffAttachmentType } from '../../../../shared/src/attachments';
import type { ReportFiled, ReportRevision } from '../../../../shared/src/contract/round';
import { toShanghaiDate } from '../../../../shared/src/dates';
import { isLateReport, ROUND_LIMITS } from '../../../../shared/src/dispatch';
import type { RequestType } from '../../../../shared/src/request-status';
import { cumulativeDisagrees, expectedCumulative } from '../../../../shared/src/round-figures';
import type { RoundReportTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { isUniqueViolation } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { recordReportedFigures } from '../project/figure-source';
import { assertProjectVisible } from '../project/project.policy';
import { createRequest } from '../request/request.service';
import { assertMayReport } from './round.policy';
import { presentReportFigures } from './round.presenter';
import * as repo from './round.repository';

/**
 * A project's report in a dispatch round (调度报送): the figures of the period (固定资产投资 and
 * whether it is 入统, funds in place, exports, output and tax once producing), the cumulative
 * figures, narrative, problems and site photos; a photo; problems → a factor request. (Reading
 rounds and the list of reports: round.service.ts.)
 */

export interface ReportInput {
  projectId: string;
  investmentPeriod: number;
  /** Whether the period's investment is counted in the statistics (入统); default yes. */
  investmentInStats?: boolean | undefined;
  fundsPeriod: number;
  exportsPeriod?: number | undefined;
  outputPeriod?: number | null | undefined;
  taxPeriod?: number | null | undefined;
  /** Omitted: the running figure from the records (earlier reports + this period). */
  investmentCumulative?: number | null | undefined;
  fundsCumulative?: number | null | undefined;
  narrative: string;
  problems?: string | null | undefined;
  photos?: Array<{ fileName: string; contentBase64: string }> | undefined;
  /** The version of the report this correction starts from; omitted for a first filing. */
  version?: number | undefined;
}

function decodePhotos(input: ReportInput) {
  return (input.photos ?? []).map((p) => {
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
}

/**
 * Files (or corrects) a project's report in a round. Who may: the project's own rule
 * (round.policy.ts). A correction carries the `version` it read (409 when someone wrote the report
 * in between, or when a first filing finds one already there); the reporter becomes whoever wrote
 * the figures last, and every version is kept as a revision. Filing after the deadline day marks it
 * late (a correction keeps the first filing's lateness). The cumulative figures are checked against
 * the records: a disagreement is stored as stated and reported back as a warning.
 */
export async function submitReport(
  ctx: ServiceContext,
  roundId: string,
  input: ReportInput,
): Promise<ReportFiled> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const round = await repo.findRound(db, roundId);
  if (!round) throw errors.notFound('round');
  await assertMayReport(db, actor, input.projectId);
  if (!(await repo.isRoundProject(db, roundId, input.projectId))) throw errors.notFound('project');
  const photos = decodePhotos(input);
  const prior = (await repo.priorCumulatives(db, [input.projectId], round.period_start)).get(
    input.projectId,
  ) ?? { investment: 0, funds: 0 };
  const expected = {
    investment: expectedCumulative(prior.investment, input.investmentPeriod),
    funds: expectedCumulative(prior.funds, input.fundsPeriod),
  };
  const nowIso = ctx.clock.now().toISOString();
  const late = isLateReport(round.deadline, toShanghaiDate(nowIso)) ? 1 : 0;
  const reporter = { reporter_id: actor.userId, reporter_name: actor.displayName, reporter_role: actor.role };
  const fields = {
    investment_period: input.investmentPeriod,
    investment_in_stats: input.investmentInStats === false ? 0 : 1,
    funds_period: input.fundsPeriod,
    exports_period: input.exportsPeriod ?? 0,
    output_period: input.outputPeriod ?? null,
    tax_period: input.taxPeriod ?? null,
    investment_cumulative:
      input.investmentCumulative === undefined ? expected.investment : input.investmentCumulative,
    funds_cumulative: input.fundsCumulative === undefined ? expected.funds : input.fundsCumulative,
    narrative: input.narrative,
    problems: input.problems?.trim() || null,
  };
  const write = () =>
    db.transaction().execute(async (trx) => {
      const existing = await repo.findReportOf(trx, roundId, input.projectId);
      // A write must start from the version it read: none for a first filing.
      if ((existing?.version ?? undefined) !== input.version) throw errors.stale();
      let id: string;
      let version: number;
      if (existing) {
        id = existing.id;
        version = existing.version + 1;
        const patch = { ...fields, ...reporter, updated_at: nowIso };
        if (!(await repo.updateReportVersioned(trx, id, existing.version, patch))) throw errors.stale();
        await writeAudit(trx, ctx, {
          entity: 'round_report',
          entityId: id,
          action: 'update',
          before: { ...existing },
          after: { ...patch, version },
        });
      } else {
        id = newId();
        version = 1;
        const firms = await repo.investorFirms(trx, input.projectId);
        const row: RoundReportTable = {
          id,
          round_id: roundId,
          project_id: input.projectId,
          firm_id: actor.role === 'enterprise' ? actor.firmId : (firms[0] ?? null),
          ...reporter,
          ...fields,
          submitted_at: nowIso,
          late,
          is_sample: 0,
          version,
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
      await repo.insertRevision(trx, { report_id: id, version, ...reporter, ...fields, written_at: nowIso });
      await addPhotos(ctx, trx, id, photos, nowIso);
      await recordReportedFigures(trx, ctx, input.projectId);
      return { id, version, late: existing ? existing.late === 1 : late === 1 };
    });
  // Two first filings at once: the unique (round, project) index lets one in; the other is stale.
  const result = await write().catch((err: unknown) => {
    throw isUniqueViolation(err) ? errors.stale() : err;
  });
  return {
    id: result.id,
    version: result.version,
    late: result.late,
    cumulative: {
      investment: fields.investment_cumulative,
      investmentExpected: expected.investment,
      investmentDisagrees: cumulativeDisagrees(fields.investment_cumulative, expected.investment),
      funds: fields.funds_cumulative,
      fundsExpected: expected.funds,
      fundsDisagrees: cumulativeDisagrees(fields.funds_cumulative, expected.funds),
    },
  };
}

/** Every version of a report, newest first: who wrote it, when, and the figures as written. */
export async function listRevisions(
  ctx: ServiceContext,
  reportId: string,
): Promise<{ items: ReportRevision[] }> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const report = await repo.findReport(db, reportId);
  if (!report) throw errors.notFound('round_report');
  await assertProjectVisible(db, actor, report.project_id);
  const rows = await repo.revisionsOf(db, reportId);
  return {
    items: rows.map((r) => ({
      version: r.version,
      reporterName: r.reporter_name,
      reporterRole: r.reporter_role,
      writtenAt: r.written_at,
      ...presentReportFigures(r),
    })),
  };
}

async function addPhotos(
  ctx: ServiceContext,
  trx: Parameters<typeof repo.photosOf>[0],
  reportId: string,
  photos: ReturnType<typeof decodePhotos>,
  nowIso: string,
) {
  const count = (await repo.photosOf(trx, [reportId])).length;
  if (count + photos.length > ROUND_LIMITS.maxPhotos) {
    throw errors.badRequest('TOO_MANY_PHOTOS', {
      zh: `每份报送最多 ${ROUND_LIMITS.maxPhotos} 张照片`,
      en: `At most ${ROUND_LIMITS.maxPhotos} photos per report`,
    });
  }
  for (const p of photos) {
    const photoId = newId();
    await repo.insertPhoto(trx, {
      id: photoId,
      report_id: reportId,
      file_name: p.fileName,
      mime: p.mime,
      size: p.bytes.length,
      content: p.bytes,
      created_at: nowIso,
    });
    await writeAudit(trx, ctx, {
      entity: 'round_photo',
      entityId: photoId,
      action: 'create',
      after: { reportId, fileName: p.fileName, size: p.bytes.length },
    });
  }
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
