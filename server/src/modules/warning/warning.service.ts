import type { ReadRunner } from '../../db/read-pool';
import { requireActor, type ServiceContext, today } from '../../plugins/context';
import { scopeFilterOptions } from '../scope/project-scope';
import type { warningReadTasks } from './warning.read-tasks';
import { projectOfficers } from './warning.repository';
import type { WarningFilter } from './warning-filter';

/**
 * Early warnings, most severe first: the first `limit` of them, and the total of all (the number
 * the cockpit shows, so its "all warnings" link lands on a page with the same count).
 */
export async function listWarnings(
  ctx: ServiceContext,
  reads: ReadRunner<typeof warningReadTasks>,
  q: {
    park?: string | undefined;
    chain?: string | undefined;
  } & WarningFilter & {
      limit?: number | undefined;
      offset?: number | undefined;
    },
) {
  requireActor(ctx);
  const limit = q.limit ?? 500;
  const offset = q.offset ?? 0;
  // The list's order is total (severity, days, stable id), so page n + 1 starts where n ended.
  const page = await reads.run('warning.list', {
    today: today(ctx),
    park: q.park,
    chainId: q.chain,
    kind: q.kind,
    severity: q.severity,
    officerId: q.officerId,
    limit: offset + limit,
  });
  return { items: page.items.slice(offset, offset + limit), total: page.total };
}

/** The choices of the warnings page's filters: the cockpit's parks and chains, and project officers. */
export async function warningFilterOptions(ctx: ServiceContext) {
  requireActor(ctx);
  const { parks, chains } = await scopeFilterOptions(ctx.db.kysely);
  return { parks, chains, officers: await projectOfficers(ctx.db.kysely) };
}
