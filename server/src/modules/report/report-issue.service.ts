import type {
  IssueReportInput,
  ReportIssue,
  ReportIssueList,
  WithdrawIssueInput,
} from '../../../../shared/src/contract/report';
import type { RoundKind } from '../../../../shared/src/dispatch';
import type { ReportIssueTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { isUniqueViolation } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import * as repo from './report-issue.repository';

/**
 * 签发: a dispatch report leaves the system as an official document with a 文号 (期数 per year and
 * round kind, taken atomically in the database), the 发文单位 and the 抄送 line. A round has one
 * issue in force; the .docx of an issued round carries it. An issue can be withdrawn (作废) with a
 * reason: it stays listed with its number, and the round can be issued again with the next number
 * (a number is never given twice).
 */

const KIND_WORD: Record<RoundKind, string> = { week: '周调度', month: '月调度' };

/** 文号 as printed: 周调度〔2026〕第3期 (〔〕 are the brackets GB/T 9704 prescribes for the year). */
export function docNumber(kind: RoundKind, year: number, n: number): string {
  return `${KIND_WORD[kind]}〔${year}〕第${n}期`;
}

export function presentIssue(r: ReportIssueTable): ReportIssue {
  return {
    id: r.id,
    roundId: r.round_id,
    kind: r.kind as RoundKind,
    year: Number(r.year),
    number: Number(r.number),
    docNumber: r.doc_number,
    issuer: r.issuer,
    cc: r.cc,
    issuedOn: r.issued_on,
    issuedByName: r.issued_by_name,
    withdrawnAt: r.withdrawn_at,
    withdrawnByName: r.withdrawn_by_name,
    withdrawReason: r.withdraw_reason,
  };
}

const alreadyIssued = (doc: string) =>
  errors.conflict('REPORT_ALREADY_ISSUED', {
    zh: `该轮调度报告已签发（${doc}）`,
    en: `This round's report has already been issued (${doc})`,
  });

/** Issues a round's report: takes the next number of its kind this year and records the issue. */
export async function issueReport(ctx: ServiceContext, input: IssueReportInput): Promise<ReportIssue> {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  try {
    return await ctx.db.kysely.transaction().execute(async (trx) => {
      const round = await repo.roundKind(trx, input.roundId);
      if (!round) throw errors.notFound('round');
      const existing = await repo.issueOfRound(trx, round.id);
      if (existing) throw alreadyIssued(existing.doc_number);
      const number = await repo.takeNumber(trx, round.kind, year);
      const row: ReportIssueTable = {
        id: newId(),
        round_id: round.id,
        kind: round.kind,
        year,
        number,
        doc_number: docNumber(round.kind as RoundKind, year, number),
        issuer: input.issuer,
        cc: input.cc,
        issued_by: actor.userId,
        issued_by_name: actor.displayName,
        issued_on: day,
        created_at: ctx.clock.now().toISOString(),
        withdrawn_at: null,
        withdrawn_by: null,
        withdrawn_by_name: null,
        withdraw_reason: null,
      };
      await repo.insertIssue(trx, row);
      await writeAudit(trx, ctx, {
        entity: 'report_issue',
        entityId: row.id,
        action: 'issue',
        after: { ...row },
      });
      return presentIssue(row);
    });
  } catch (err) {
    // Two issues of one round at once: the second waits for the first and hits the unique index.
    if (!isUniqueViolation(err)) throw err;
    const won = await repo.issueOfRound(ctx.db.kysely, input.roundId);
    throw alreadyIssued(won?.doc_number ?? '');
  }
}

/** Issued reports, newest first, and what the issue form offers (the last issue's unit and 抄送). */
export async function listReportIssues(ctx: ServiceContext): Promise<ReportIssueList> {
  requireActor(ctx);
  const rows = await repo.listIssues(ctx.db.kysely, 200);
  const last = rows[0];
  const zone = last ? null : await repo.zoneName(ctx.db.kysely);
  return {
    items: rows.map(presentIssue),
    defaults: last
      ? { issuer: last.issuer, cc: last.cc }
      : { issuer: `${zone?.name ?? '开发区'}管理委员会`, cc: '' },
  };
}

/**
 * 作废: withdraws an issued report with a reason (audited). The row keeps its 文号 and is listed as
 * withdrawn; the round has no issue in force until it is issued again, with a new number.
 */
export async function withdrawReportIssue(
  ctx: ServiceContext,
  id: string,
  input: WithdrawIssueInput,
): Promise<ReportIssue> {
  const actor = requireActor(ctx);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findIssue(trx, id);
    if (!before) throw errors.notFound('report_issue');
    const withdrawn = { at: ctx.clock.now().toISOString(), by: actor.userId, byName: actor.displayName };
    const n = await repo.markWithdrawn(trx, id, { ...withdrawn, reason: input.reason });
    if (n === 0) {
      throw errors.conflict('REPORT_ISSUE_WITHDRAWN', {
        zh: `该期报告已作废（${before.doc_number}）`,
        en: `This issue has already been withdrawn (${before.doc_number})`,
      });
    }
    const after = (await repo.findIssue(trx, id)) as ReportIssueTable;
    await writeAudit(trx, ctx, {
      entity: 'report_issue',
      entityId: id,
      action: 'withdraw',
      before: { ...before },
      after: { ...after },
    });
    return presentIssue(after);
  });
}
