import type { Kysely } from 'kysely';
import type { CommitmentMeasure, ComplianceStatus } from '../../../../shared/src/agreement';
import type { Compliance, ComplianceItem } from '../../../../shared/src/contract/agreement';
import type { Database } from '../../db/database';
import { departmentProjectIds } from '../agreement/agreement-scope';
import { chainLinkIds } from '../scope/project-scope';
import {
  type CommitmentFact,
  type ComplianceAll,
  complianceOf,
  DEADLINE_EVENT_STAGES,
  type FigureFact,
  type StageFact,
} from './compliance-compute';

type Db = Kysely<Database>;

export interface ComplianceParams {
  year: number;
  today: string;
  projectId?: string | undefined;
  /** An enterprise's own firm: only projects it invests in or signs for (项目公司). */
  firmId?: string | undefined;
  /** A department: only the projects it is assigned to (agreement-scope.ts). */
  departmentId?: string | undefined;
  /** The warnings' scope (the cockpit's park and chain, the warnings page's officer). */
  park?: string | undefined;
  chainId?: string | undefined;
  officerId?: string | undefined;
  /** Projects per batch (COMPLIANCE_BATCH): a test makes it small, so its few projects cross batches. */
  batchSize?: number | undefined;
  /**
   * Projects with a commitment are read by key up to this many (default COMPLIANCE_BATCH), past it
   * found by walking the projects: a test sets 0 so the walk is checked against the keyed read.
   */
  keyedUpTo?: number | undefined;
}

/**
 * Projects per batch. The whole zone at once held every commitment, figure and item in the worker
 * (300k projects: several GB of objects, half the time spent collecting them, and the worker's
 * parallel collections took the cores the event loop needed); a batch's are garbage by the next.
 * 1,000 keeps each `in (…)` list far below both databases' parameter limits.
 */
export const COMPLIANCE_BATCH = 1000;

type Summary = ComplianceAll['summary'];

/**
 * The next batch of projects with commitments in force, in project-code order after
 * `afterCode` (the code is unique): the scope and filters are applied here, once per batch.
 */
async function nextProjects(
  db: Db,
  p: ComplianceParams,
  afterCode: string | null,
  committed: readonly string[] | null,
): Promise<Array<{ id: string; code: string }>> {
  if (committed?.length === 0) return [];
  let q = db
    .selectFrom('project as p')
    .select(['p.id', 'p.code'])
    .where('p.stage', '!=', 'cancelled')
    .where((eb) =>
      committed
        ? eb('p.id', 'in', committed)
        : eb.exists(
            eb
              .selectFrom('agreement_commitment as c')
              .select('c.id')
              .whereRef('c.project_id', '=', 'p.id')
              .where('c.superseded_by', 'is', null),
          ),
    );
  if (afterCode !== null) q = q.where('p.code', '>', afterCode);
  if (p.projectId) q = q.where('p.id', '=', p.projectId);
  if (p.firmId !== undefined) {
    const firmId = p.firmId;
    q = q.where((eb) =>
      eb.or([
        eb(
          'p.id',
          'in',
          eb.selectFrom('project_investor').select('project_id').where('firm_id', '=', firmId),
        ),
        eb('p.company_firm_id', '=', firmId),
      ]),
    );
  }
  if (p.departmentId !== undefined) q = q.where('p.id', 'in', departmentProjectIds(db, p.departmentId));
  if (p.park) q = q.where('p.park', '=', p.park);
  if (p.officerId) q = q.where('p.officer_id', '=', p.officerId);
  if (p.chainId) {
    const chainId = p.chainId;
    q = q.where('p.link_id', 'in', chainLinkIds(db, chainId));
  }
  return q
    .orderBy('p.code')
    .limit(p.batchSize ?? COMPLIANCE_BATCH)
    .execute();
}

const FIGURE_COLUMNS = [
  'id',
  'project_id',
  'firm_id',
  'year',
  'period',
  'measure',
  'value',
  'source',
  'created_at',
] as const;

/**
 * Compliance of a batch of projects: their commitments in force, their own figures and,
 * for a measure a project lacks, its lead firm's own table (figures without a project), and their
 * stage events; computed in memory (compliance-compute.ts).
 */
async function batchOf(db: Db, p: ComplianceParams, ids: readonly string[]): Promise<ComplianceAll> {
  const rows = await db
    .selectFrom('agreement_commitment as c')
    .innerJoin('agreement as a', 'a.id', 'c.agreement_id')
    .innerJoin('project as p', 'p.id', 'c.project_id')
    .select([
      'c.id as commitment_id',
      'c.agreement_id',
      'a.number',
      'a.is_sample',
      'c.project_id',
      'p.code',
      'p.name',
      'p.land_mu',
      'c.measure',
      'c.value',
      'c.due_year',
      'c.due_date',
    ])
    // By the commitment's project (its index), not the project's code: SQLite then walked every
    // commitment in force for each batch.
    .where('c.project_id', 'in', ids)
    .where('c.superseded_by', 'is', null)
    .orderBy('p.code')
    .orderBy('c.due_year')
    .orderBy('c.id')
    .execute();
  const commitments: CommitmentFact[] = rows.map((r) => ({
    commitmentId: r.commitment_id,
    agreementId: r.agreement_id,
    agreementNumber: r.number,
    projectId: r.project_id,
    projectCode: r.code,
    projectName: r.name,
    projectLandMu: r.land_mu === null ? null : Number(r.land_mu),
    isSample: Number(r.is_sample) === 1,
    measure: r.measure as CommitmentMeasure,
    value: r.value === null ? null : Number(r.value),
    dueYear: Number(r.due_year),
    dueDate: r.due_date,
  }));
  const projectIds = [...new Set(commitments.map((c) => c.projectId))];
  const figures = new Map<string, FigureFact[]>();
  const stages = new Map<string, StageFact[]>();
  if (projectIds.length === 0)
    return complianceOf({ year: p.year, today: p.today, commitments, figures, stages });
  const own = await db
    .selectFrom('actual_figure')
    .select(FIGURE_COLUMNS)
    .where('project_id', 'in', projectIds)
    .where('year', '<=', p.year)
    .execute();
  const leads = await db
    .selectFrom('project_investor')
    .select(['project_id', 'firm_id'])
    .where('position', '=', 0)
    .where('project_id', 'in', projectIds)
    .execute();
  const leadFirms = [...new Set(leads.map((l) => l.firm_id))];
  const firmLevel =
    leadFirms.length === 0
      ? []
      : await db
          .selectFrom('actual_figure')
          .select(FIGURE_COLUMNS)
          .where('firm_id', 'in', leadFirms)
          .where('year', '<=', p.year)
          .execute();
  const byProjectMeasure = new Set<string>();
  for (const r of own) {
    if (!r.project_id) continue;
    const f: FigureFact = { ...r, year: Number(r.year), value: Number(r.value) };
    const list = figures.get(r.project_id);
    if (list) list.push(f);
    else figures.set(r.project_id, [f]);
    byProjectMeasure.add(`${r.project_id}|${r.measure}`);
  }
  const firmRows = new Map<string, FigureFact[]>();
  for (const r of firmLevel) {
    // Only the firm's own table: `project_id is null` is left out of the SQL, where SQLite took it
    // for the project index and read every firm's table for each batch.
    if (!r.firm_id || r.project_id !== null) continue;
    const list = firmRows.get(r.firm_id) ?? [];
    list.push({ ...r, year: Number(r.year), value: Number(r.value) });
    firmRows.set(r.firm_id, list);
  }
  // A firm's own table (no project named) stands in for a project's measure the project lacks.
  for (const l of leads) {
    const extra = (firmRows.get(l.firm_id) ?? []).filter(
      (r) => !byProjectMeasure.has(`${l.project_id}|${r.measure}`),
    );
    if (extra.length > 0) figures.set(l.project_id, [...(figures.get(l.project_id) ?? []), ...extra]);
  }
  const events = await db
    .selectFrom('project_stage_event')
    .select(['project_id', 'to_stage', 'date'])
    .where('project_id', 'in', projectIds)
    .where('to_stage', 'in', [...DEADLINE_EVENT_STAGES])
    .execute();
  for (const e of events) {
    const list = stages.get(e.project_id) ?? [];
    list.push({ projectId: e.project_id, toStage: e.to_stage, date: e.date });
    stages.set(e.project_id, list);
  }
  return complianceOf({ year: p.year, today: p.today, commitments, figures, stages });
}

/**
 * The projects with a commitment in force, when they are at most one batch (from the commitments'
 * project index); null when there are more. With few agreements in a big zone — the usual case — a
 * batch then reads those projects by key instead of walking every project in code order to look
 * for a commitment (1M projects, none committed: 700 ms on every cockpit and warnings read).
 */
async function fewCommittedProjects(db: Db, upTo: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom('agreement_commitment')
    .select('project_id')
    .distinct()
    .where('superseded_by', 'is', null)
    .limit(upTo + 1)
    .execute();
  return rows.length > upTo ? null : rows.map((r) => r.project_id);
}

/**
 * A year's compliance, a batch of projects at a time in project-code order: `visit` sees each
 * batch's items (then they are dropped), and the summary over every batch is returned. A read task's
 * body: it runs off the event loop (compliance.read-tasks.ts), and its memory is one batch's, not
 * the zone's.
 */
export async function eachCompliance(
  db: Db,
  p: ComplianceParams,
  visit: (items: readonly ComplianceItem[]) => void,
): Promise<{ year: number; summary: Summary }> {
  const summary: Summary = {
    agreementsDue: 0,
    agreementsBehind: 0,
    met: 0,
    behind: 0,
    notDue: 0,
    noData: 0,
    behindByMeasure: {},
  };
  const committed = await fewCommittedProjects(db, p.keyedUpTo ?? COMPLIANCE_BATCH);
  let after: string | null = null;
  for (;;) {
    const projects = await nextProjects(db, p, after, committed);
    if (projects.length === 0) break;
    const batch = await batchOf(
      db,
      p,
      projects.map((x) => x.id),
    );
    visit(batch.items);
    const s = batch.summary;
    // An agreement is one project's, and a batch holds whole projects: its distinct counts add up.
    summary.agreementsDue += s.agreementsDue;
    summary.agreementsBehind += s.agreementsBehind;
    summary.met += s.met;
    summary.behind += s.behind;
    summary.notDue += s.notDue;
    summary.noData += s.noData;
    for (const [m, n] of Object.entries(s.behindByMeasure) as Array<[CommitmentMeasure, number]>) {
      summary.behindByMeasure[m] = (summary.behindByMeasure[m] ?? 0) + n;
    }
    if (projects.length < (p.batchSize ?? COMPLIANCE_BATCH)) break;
    after = projects[projects.length - 1]?.code ?? null;
  }
  return { year: p.year, summary };
}

/** The order a page lists: the rows someone has to act on first. */
const STATUS_ORDER: readonly ComplianceStatus[] = ['behind', 'no_data', 'met', 'not_due'];

/**
 * One page of a year's compliance (the API's answer; a read task). Items come in project-code
 * order; of each status only the first `page × pageSize` are kept, which is enough: the page's
 * items are among the first `page × pageSize` of the list ordered by status, and that prefix is the
 * kept lists one after another. Only the page crosses back to the event loop.
 */
export async function compliancePage(
  db: Db,
  p: ComplianceParams & { status?: ComplianceStatus | undefined; page: number; pageSize: number },
): Promise<Compliance> {
  const from = (p.page - 1) * p.pageSize;
  const end = from + p.pageSize;
  const kept: Record<ComplianceStatus, ComplianceItem[]> = { behind: [], no_data: [], met: [], not_due: [] };
  let total = 0;
  const { year, summary } = await eachCompliance(db, p, (items) => {
    for (const i of items) {
      if (p.status !== undefined && i.status !== p.status) continue;
      total += 1;
      const list = kept[i.status];
      if (list.length < end) list.push(i);
    }
  });
  return {
    year,
    summary,
    items: STATUS_ORDER.flatMap((s) => kept[s]).slice(from, end),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}
