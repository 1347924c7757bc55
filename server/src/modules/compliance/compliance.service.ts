import { AGREEMENT_LIMITS } from '../../../../shared/src/agreement';
import type { Compliance, ComplianceQuery } from '../../../../shared/src/contract/agreement';
import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { visibleProject } from '../agreement/agreement.policy';
import type { complianceReadTasks } from './compliance.read-tasks';
import * as repo from './compliance.repository';

type Reads = ReadRunner<typeof complianceReadTasks>;

/**
 * 履约考核 of a year (default: the current one): one page of the commitments in force against the
 * figures, with the zone's summary, computed off the event loop (read task `compliance.list`). An
 * enterprise sees only its own projects, a department only those it is assigned to.
 */
export async function listCompliance(
  ctx: ServiceContext,
  reads: Reads,
  q: Partial<ComplianceQuery>,
): Promise<Compliance> {
  const actor = requireActor(ctx);
  const day = today(ctx);
  if (q.projectId) await visibleProject(ctx.db.kysely, actor, q.projectId);
  return reads.run('compliance.list', {
    year: q.year ?? Number(day.slice(0, 4)),
    today: day,
    projectId: q.projectId,
    park: q.park,
    chainId: q.chain,
    firmId: actor.role === 'enterprise' ? (actor.firmId ?? '') : undefined,
    // A department user without a department is assigned to nothing: '' matches no project.
    departmentId: actor.role === 'department' ? (actor.departmentId ?? '') : undefined,
    status: q.status,
    page: q.page ?? 1,
    pageSize: q.pageSize ?? AGREEMENT_LIMITS.defaultPageSize,
  });
}

/** 履约提醒函 (.docx) for a project: its commitments of the year, those behind first. */
export async function complianceNotice(
  ctx: ServiceContext,
  reads: Reads,
  projectId: string,
  year?: number,
): Promise<{ file: Buffer; fileName: string }> {
  const actor = requireActor(ctx);
  const project = await visibleProject(ctx.db.kysely, actor, projectId);
  // A project's commitments fit one page (a few agreements of at most maxCommitments each).
  const data = await listCompliance(ctx, reads, { year, projectId, pageSize: AGREEMENT_LIMITS.maxPageSize });
  if (data.items.length === 0) throw errors.notFound('agreement');
  const order = { behind: 0, no_data: 1, not_due: 2, met: 3 } as const;
  const items = [...data.items].sort((a, b) => order[a.status] - order[b.status]);
  // The .docx writer loads on the first notice, not at every start (issue 19: start-up).
  const { complianceNoticeDocx } = await import('./compliance-notice');
  const file = await complianceNoticeDocx({
    zoneName: await repo.zoneName(ctx.db.kysely),
    today: today(ctx),
    year: data.year,
    signingCompany: (await repo.signingCompanyOf(ctx.db.kysely, projectId)) ?? project.name,
    items,
  });
  return { file, fileName: `履约提醒函-${project.code}-${data.year}.docx` };
}
