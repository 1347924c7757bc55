import type { ReadRunner } from '../../db/read-pool';
import { requireActor, type ServiceContext, today } from '../../plugins/context';
import type { warningReadTasks } from './warning.read-tasks';

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
    limit: offset + limit,
  });
  return { items: page.items.slice(offset, offset + limit), total: page.total };
}
