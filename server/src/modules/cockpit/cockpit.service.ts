import type { ReadRunner } from '../../db/read-pool';
import { requireActor, today } from '../../lib/fields';
import type { ServiceContext } from '../../plugins/context';

export interface CockpitQuery {
  year?: number | undefined;
  park?: string | undefined;
  chain?: string | undefined;
}

/** The cockpit (驾驶舱) for a year and an optional park/chain, off the event loop (read task). */
export async function getCockpit(ctx: ServiceContext, reads: ReadRunner, q: CockpitQuery) {
  requireActor(ctx);
  const day = today(ctx);
  const [cockpit, warnings] = await Promise.all([
    reads.run('cockpit.data', {
      year: q.year ?? Number(day.slice(0, 4)),
      today: day,
      park: q.park,
      chainId: q.chain,
    }),
    // Counts by severity and the ten most severe: SQL counts them, only those ten are built.
    reads.run('warning.list', { today: day, park: q.park, chainId: q.chain, limit: 10 }),
  ]);
  return { ...cockpit, warnings: { ...warnings.counts, total: warnings.total, top: warnings.items } };
}

/**
 * Early warnings, most severe first: the first `limit` of them, and the total of all (the number
 * the cockpit shows, so its "all warnings" link lands on a page with the same count).
 */
export async function listWarnings(
  ctx: ServiceContext,
  reads: ReadRunner,
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
