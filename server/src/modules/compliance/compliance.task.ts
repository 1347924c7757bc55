import type { Kysely } from 'kysely';
import type { CommitmentMeasure, ComplianceStatus } from '../../../../shared/src/agreement';
import type { Compliance } from '../../../../shared/src/contract/agreement';
import type { Database } from '../../db/database';
import { departmentProjectIds } from '../agreement/agreement-scope';
import {
  type CommitmentFact,
  type ComplianceAll,
  complianceOf,
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
}

/**
 * Loads what compliance needs in four reads (commitments in force with their project, the figures of
 * those projects and of their firms, the projects' stage events) and computes it in memory. A read
 * task: it runs off the event loop (compliance.read-tasks.ts).
 */
export async function complianceData(db: Db, p: ComplianceParams): Promise<ComplianceAll> {
  let q = db
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
    .where('c.superseded_by', 'is', null)
    .where('p.stage', '!=', 'cancelled');
  if (p.projectId) q = q.where('c.project_id', '=', p.projectId);
  if (p.firmId !== undefined) {
    const firmId = p.firmId;
    q = q.where((eb) =>
      eb.or([
        eb(
          'c.project_id',
          'in',
          eb.selectFrom('project_investor').select('project_id').where('firm_id', '=', firmId),
        ),
        eb('p.company_firm_id', '=', firmId),
      ]),
    );
  }
  if (p.departmentId !== undefined) {
    const departmentId = p.departmentId;
    q = q.where('c.project_id', 'in', departmentProjectIds(db, departmentId));
  }
  if (p.park) q = q.where('p.park', '=', p.park);
  if (p.officerId) q = q.where('p.officer_id', '=', p.officerId);
  if (p.chainId) {
    const chainId = p.chainId;
    q = q.where('p.link_id', 'in', (eb) =>
      eb.selectFrom('chain_link').select('chain_link.id').where('chain_link.chain_id', '=', chainId),
    );
  }
  const rows = await q.orderBy('p.code').orderBy('c.due_year').orderBy('c.id').execute();
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
  if (projectIds.length > 0) {
    const committed = db
      .selectFrom('agreement_commitment')
      .select('project_id')
      .where('superseded_by', 'is', null);
    const own = await db
      .selectFrom('actual_figure')
      .select(['id', 'project_id', 'firm_id', 'year', 'period', 'measure', 'value', 'source', 'created_at'])
      .where('project_id', 'in', p.projectId ? [p.projectId] : committed)
      .where('year', '<=', p.year)
      .execute();
    const leadFirm = db
      .selectFrom('project_investor')
      .select('firm_id')
      .where('position', '=', 0)
      .where('project_id', 'in', p.projectId ? [p.projectId] : committed);
    const firmLevel = await db
      .selectFrom('actual_figure')
      .select(['id', 'project_id', 'firm_id', 'year', 'period', 'measure', 'value', 'source', 'created_at'])
      .where('project_id', 'is', null)
      .where('firm_id', 'in', leadFirm)
      .where('year', '<=', p.year)
      .execute();
    const leads = await db
      .selectFrom('project_investor')
      .select(['project_id', 'firm_id'])
      .where('position', '=', 0)
      .where('project_id', 'in', p.projectId ? [p.projectId] : committed)
      .execute();
    const wanted = new Set(projectIds);
    const byProjectMeasure = new Set<string>();
    for (const r of own) {
      if (!r.project_id || !wanted.has(r.project_id)) continue;
      const f: FigureFact = { ...r, year: Number(r.year), value: Number(r.value) };
      const list = figures.get(r.project_id);
      if (list) list.push(f);
      else figures.set(r.project_id, [f]);
      byProjectMeasure.add(`${r.project_id}|${r.measure}`);
    }
    const firmRows = new Map<string, FigureFact[]>();
    for (const r of firmLevel) {
      if (!r.firm_id) continue;
      const list = firmRows.get(r.firm_id) ?? [];
      list.push({ ...r, year: Number(r.year), value: Number(r.value) });
      firmRows.set(r.firm_id, list);
    }
    // A firm's own table (no project named) stands in for a project's measure the project lacks.
    for (const l of leads) {
      if (!wanted.has(l.project_id)) continue;
      const extra = (firmRows.get(l.firm_id) ?? []).filter(
        (r) => !byProjectMeasure.has(`${l.project_id}|${r.measure}`),
      );
      if (extra.length > 0) figures.set(l.project_id, [...(figures.get(l.project_id) ?? []), ...extra]);
    }
    const events = await db
      .selectFrom('project_stage_event')
      .select(['project_id', 'to_stage', 'date'])
      .where('project_id', 'in', p.projectId ? [p.projectId] : committed)
      .where('to_stage', 'in', [
        'started',
        'structure_done',
        'completed',
        'commissioning',
        'producing',
        'full_capacity',
      ])
      .execute();
    for (const e of events) {
      const list = stages.get(e.project_id) ?? [];
      list.push({ projectId: e.project_id, toStage: e.to_stage, date: e.date });
      stages.set(e.project_id, list);
    }
  }
  return complianceOf({ year: p.year, today: p.today, commitments, figures, stages });
}

/** The order a page lists: the rows someone has to act on first. */
const STATUS_ORDER: Record<ComplianceStatus, number> = { behind: 0, no_data: 1, met: 2, not_due: 3 };

/**
 * One page of a year's compliance (the API's answer; a read task). The whole year is computed in
 * the worker and only the page crosses back: a zone's 40k items answered whole were 17 MB
 * serialised on the event loop.
 */
export async function compliancePage(
  db: Db,
  p: ComplianceParams & { status?: ComplianceStatus | undefined; page: number; pageSize: number },
): Promise<Compliance> {
  const all = await complianceData(db, p);
  // Array.prototype.sort is stable: within a status the items keep their project-code order.
  const wanted = all.items
    .filter((i) => p.status === undefined || i.status === p.status)
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const from = (p.page - 1) * p.pageSize;
  return {
    year: all.year,
    summary: all.summary,
    items: wanted.slice(from, from + p.pageSize),
    total: wanted.length,
    page: p.page,
    pageSize: p.pageSize,
  };
}
