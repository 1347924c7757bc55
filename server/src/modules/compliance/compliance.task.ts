import type { Kysely } from 'kysely';
import type { CommitmentMeasure } from '../../../../shared/src/agreement';
import type { Compliance } from '../../../../shared/src/contract/agreement';
import type { Database } from '../../db/database';
import { type CommitmentFact, complianceOf, type FigureFact, type StageFact } from './compliance-compute';

type Db = Kysely<Database>;

export interface ComplianceParams {
  year: number;
  today: string;
  projectId?: string | undefined;
  /** An enterprise's own firm: only projects it invests in or signs for (项目公司). */
  firmId?: string | undefined;
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
export async function complianceData(db: Db, p: ComplianceParams): Promise<Compliance> {
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
