import type { Compliance } from '../../../../shared/src/contract/agreement';
import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { visibleProject } from '../agreement/agreement.policy';
import type { complianceReadTasks } from './compliance.read-tasks';
import * as repo from './compliance.repository';
import { complianceNoticeDocx } from './compliance-notice';

type Reads = ReadRunner<typeof complianceReadTasks>;

/**
 * 履约考核 of a year (default: the current one): every commitment in force against the figures, with
 * the zone's summary. An enterprise sees only its own projects (read task `compliance.list`).
 */
export async function listCompliance(
  ctx: ServiceContext,
  reads: Reads,
  q: {
    year?: number | undefined;
    projectId?: string | undefined;
    park?: string | undefined;
    chain?: string | undefined;
  },
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
  });
}

/** The number of commitments behind this year (the cockpit's figure). */
export async function behindCount(ctx: ServiceContext, reads: Reads): Promise<number> {
  return (await listCompliance(ctx, reads, {})).summary.behind;
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
  const data = await listCompliance(ctx, reads, { year, projectId });
  if (data.items.length === 0) throw errors.notFound('agreement');
  const order = { behind: 0, no_data: 1, not_due: 2, met: 3 } as const;
  const items = [...data.items].sort((a, b) => order[a.status] - order[b.status]);
  const file = await complianceNoticeDocx({
    zoneName: await repo.zoneName(ctx.db.kysely),
    today: today(ctx),
    year: data.year,
    signingCompany: (await repo.signingCompanyOf(ctx.db.kysely, projectId)) ?? project.name,
    items,
  });
  return { file, fileName: `履约提醒函-${project.code}-${data.year}.docx` };
}
