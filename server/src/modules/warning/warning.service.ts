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
  q: { park?: string | undefined; chain?: string | undefined; limit?: number | undefined },
) {
  requireActor(ctx);
  const page = await reads.run('warning.list', {
    today: today(ctx),
    park: q.park,
    chainId: q.chain,
    limit: q.limit ?? 500,
  });
  return { items: page.items, total: page.total };
}
