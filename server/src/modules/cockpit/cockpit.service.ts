import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import type { warningReadTasks } from '../warning/warning.read-tasks';
import type { cockpitReadTasks } from './cockpit.read-tasks';

export interface CockpitQuery {
  year?: number | undefined;
  park?: string | undefined;
  chain?: string | undefined;
}

/** The cockpit (驾驶舱) for a year and an optional park/chain, off the event loop (read task). */
export async function getCockpit(
  ctx: ServiceContext,
  reads: ReadRunner<typeof cockpitReadTasks & typeof warningReadTasks>,
  q: CockpitQuery,
) {
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
  return {
    ...cockpit,
    warnings: { ...warnings.counts, total: warnings.total, top: warnings.items },
    // 履约: commitments behind in the last complete year (its figures are in), in the park or chain
    // viewed — counted by the warnings' own compliance read (the commitment_behind warnings).
    compliance: warnings.compliance,
  };
}
