import type { Kysely, Transaction } from 'kysely';
import { cumulativeBefore, type PriorFigures } from '../../../../shared/src/round-figures';
import type {
  Database,
  RoundPhotoTable,
  RoundReminderTable,
  RoundReportRevisionTable,
  RoundReportTable,
  RoundTable,
} from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** Rounds with how many projects each asks, how many reported and how many of those late, newest first. */
export async function listRoundRows(db: Q, limit: number) {
  const rounds = await db
    .selectFrom('round')
    .selectAll()
    .orderBy('period_end', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const expected = await db
    .selectFrom('round_project')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', ids)
    .groupBy('round_id')
    .execute();
  const reported = await db
    .selectFrom('round_report')
    .select([
      'round_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('late').as('late'),
    ])
    .where('round_id', 'in', ids)
    .groupBy('round_id')
    .execute();
  return rounds.map((r) => ({
    ...r,
    expected: Number(expected.find((e) => e.round_id === r.id)?.n ?? 0),
    reported: Number(reported.find((e) => e.round_id === r.id)?.n ?? 0),
    late: Number(reported.find((e) => e.round_id === r.id)?.late ?? 0),
  }));
}

export function findRound(db: Q, id: string): Promise<RoundTable | undefined> {
  return db.selectFrom('round').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Project ids the selection rule picks: by stage (any of) and priority (any of); empty lists mean any. */
export async function selectProjectIds(
  db: Q,
  rule: { stages: string[]; priorities: string[] },
): Promise<string[]> {
  let q = db.selectFrom('project').select('id').where('stage', 'not in', ['paused', 'cancelled']);
  if (rule.stages.length > 0) q = q.where('stage', 'in', rule.stages);
  if (rule.priorities.length > 0) q = q.where('priority', 'in', rule.priorities);
  const rows = await q.orderBy('code').execute();
  return rows.map((r) => r.id);
}

export async function insertRound(db: Q, row: RoundTable, projectIds: string[]): Promise<void> {
  await db.insertInto('round').values(row).execute();
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500).map((project_id) => ({ round_id: row.id, project_id }));
    if (chunk.length > 0) await db.insertInto('round_project').values(chunk).execute();
  }
}

/**
 * The projects of a round with their report (if any) and reminder count; `firmId` narrows to the
 * projects that firm invests in (an enterprise sees only its own).
 */
export async function roundProjectRows(db: Q, roundId: string, firmId: string | null | undefined) {
  let q = db
    .selectFrom('round_project')
    .innerJoin('project', 'project.id', 'round_project.project_id')
    .leftJoin('app_user as officer', 'officer.id', 'project.officer_id')
    .leftJoin('chain_link', 'chain_link.id', 'project.link_id')
    .leftJoin('chain', 'chain.id', 'chain_link.chain_id')
    .leftJoin('round_report', (j) =>
      j
        .onRef('round_report.round_id', '=', 'round_project.round_id')
        .onRef('round_report.project_id', '=', 'project.id'),
    )
    .select([
      'project.id as project_id',
      'project.code as code',
      'project.name as name',
      'project.park as park',
      'project.stage as stage',
      'project.priority as priority',
      'project.total_investment as total_investment',
      'officer.display_name as officer_name',
      'chain.name as chain_name',
      'round_report.id as report_id',
      'round_report.submitted_at as submitted_at',
      'round_report.late as late',
      'round_report.reporter_name as reporter_name',
      'round_report.version as report_version',
      'round_report.investment_period as investment_period',
      'round_report.funds_period as funds_period',
      'round_report.exports_period as exports_period',
      'round_report.investment_in_stats as investment_in_stats',
      'round_report.investment_cumulative as investment_cumulative',
      'round_report.funds_cumulative as funds_cumulative',
      'round_report.output_period as output_period',
      'round_report.tax_period as tax_period',
      (eb) =>
        eb
          .selectFrom('round_reminder')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('round_reminder.round_id', '=', 'round_project.round_id')
          .whereRef('round_reminder.project_id', '=', 'project.id')
          .as('reminders'),
    ])
    .where('round_project.round_id', '=', roundId);
  if (firmId !== undefined) {
    // The firm's projects: those it invests in or signs for (项目公司), as project.policy.ts.
    q = q.where((eb) =>
      eb.or([
        eb('project.company_firm_id', '=', firmId ?? ''),
        eb(
          'project.id',
          'in',
          eb
            .selectFrom('project_investor')
            .select('project_id')
            .where('firm_id', '=', firmId ?? ''),
        ),
      ]),
    );
  }
  return q.orderBy('project.code').execute();
}

export function isRoundProject(db: Q, roundId: string, projectId: string) {
  return db
    .selectFrom('round_project')
    .select('project_id')
    .where('round_id', '=', roundId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

export function findReportOf(db: Q, roundId: string, projectId: string) {
  return db
    .selectFrom('round_report')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

export function findReport(db: Q, id: string) {
  return db.selectFrom('round_report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertReport(db: Q, row: RoundReportTable) {
  await db.insertInto('round_report').values(row).execute();
}

/**
 * Writes a correction only if the report is still at `version` (the one its writer read); false
 * when someone wrote it in between (the caller answers 409).
 */
export async function updateReportVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<RoundReportTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('round_report')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRevision(db: Q, row: RoundReportRevisionTable) {
  await db.insertInto('round_report_revision').values(row).execute();
}

/** Every version of a report, newest first. */
export function revisionsOf(db: Q, reportId: string) {
  return db
    .selectFrom('round_report_revision')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
}

export function photosOf(db: Q, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('round_photo')
    .select(['id', 'report_id', 'file_name', 'mime', 'size', 'created_at'])
    .where('report_id', 'in', reportIds)
    .orderBy('created_at')
    .execute();
}

export function photoContent(db: Q, reportId: string, photoId: string) {
  return db
    .selectFrom('round_photo')
    .select(['file_name', 'mime', 'content'])
    .where('id', '=', photoId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

export interface ReportListFilter {
  roundId?: string | undefined;
  projectId?: string | undefined;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  park?: string | undefined;
  chainId?: string | undefined;
  limit: number;
  offset: number;
}

/** Round reports: by round, project, the round's period end, park or chain; newest first. */
export async function listReportRows(db: Q, f: ReportListFilter, firmId: string | null | undefined) {
  let q = db
    .selectFrom('round_report')
    .innerJoin('round', 'round.id', 'round_report.round_id')
    .innerJoin('project', 'project.id', 'round_report.project_id');
  if (f.roundId) q = q.where('round_report.round_id', '=', f.roundId);
  if (f.projectId) q = q.where('round_report.project_id', '=', f.projectId);
  if (f.periodFrom) q = q.where('round.period_end', '>=', f.periodFrom);
  if (f.periodTo) q = q.where('round.period_end', '<=', f.periodTo);
  if (f.park) q = q.where('project.park', '=', f.park);
  if (f.chainId) {
    const chainId = f.chainId;
    q = q.where('project.link_id', 'in', (eb) =>
      eb.selectFrom('chain_link').select('id').where('chain_id', '=', chainId),
    );
  }
  if (firmId !== undefined) {
    // The firm's projects: those it invests in or signs for (项目公司), as project.policy.ts.
    q = q.where((eb) =>
      eb.or([
        eb('project.company_firm_id', '=', firmId ?? ''),
        eb(
          'project.id',
          'in',
          eb
            .selectFrom('project_investor')
            .select('project_id')
            .where('firm_id', '=', firmId ?? ''),
        ),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll('round_report')
    .select([
      'round.title as round_title',
      'round.period_key as period_key',
      'project.name as project_name',
      'project.code as project_code',
    ])
    .orderBy('round.period_end', 'desc')
    .orderBy('project.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function investorFirms(db: Q, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_investor')
    .select('firm_id')
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.firm_id);
}

/**
 * Each project's running cumulative investment and funds from its reports in rounds whose period
 * ended before `periodStart` (earlier periods only: a month round does not add the week rounds
 * inside it, which would count the same investment twice). See shared/src/round-figures.ts.
 */
export async function priorCumulatives(
  db: Q,
  projectIds: readonly string[],
  periodStart: string,
): Promise<Map<string, { investment: number; funds: number }>> {
  const prior = new Map<string, { investment: PriorFigures[]; funds: PriorFigures[] }>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const rows = await db
      .selectFrom('round_report')
      .innerJoin('round', 'round.id', 'round_report.round_id')
      .select([
        'round_report.project_id as project_id',
        'round_report.investment_period as investment_period',
        'round_report.investment_cumulative as investment_cumulative',
        'round_report.funds_period as funds_period',
        'round_report.funds_cumulative as funds_cumulative',
      ])
      .where('round_report.project_id', 'in', projectIds.slice(i, i + 500))
      .where('round.period_end', '<', periodStart)
      .orderBy('round.period_end')
      .orderBy('round_report.submitted_at')
      .execute();
    for (const r of rows) {
      const p = prior.get(r.project_id) ?? { investment: [], funds: [] };
      p.investment.push({ period: Number(r.investment_period), cumulative: num(r.investment_cumulative) });
      p.funds.push({ period: Number(r.funds_period), cumulative: num(r.funds_cumulative) });
      prior.set(r.project_id, p);
    }
  }
  const out = new Map<string, { investment: number; funds: number }>();
  for (const id of projectIds) {
    const p = prior.get(id);
    out.set(id, {
      investment: p ? cumulativeBefore(p.investment) : 0,
      funds: p ? cumulativeBefore(p.funds) : 0,
    });
  }
  return out;
}

/** A bigint column as a number (PostgreSQL returns bigint as a string), keeping null. */
/** A project's officer (专员), or undefined if there is no such project. */
export function projectOfficer(db: Q, projectId: string) {
  return db.selectFrom('project').select('officer_id').where('id', '=', projectId).executeTakeFirst();
}

/** The zone's name, for the round's printed header. */
export function zoneName(db: Q) {
  return db.selectFrom('zone').select('name').executeTakeFirst();
}

export async function insertReminder(db: Q, row: RoundReminderTable): Promise<void> {
  await db.insertInto('round_reminder').values(row).execute();
}

export async function insertPhoto(db: Q, row: RoundPhotoTable): Promise<void> {
  await db.insertInto('round_photo').values(row).execute();
}

export function num(v: number | string | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}
