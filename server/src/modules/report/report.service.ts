import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import type { reportReadTasks } from './report.read-tasks';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The dispatch report of a round (the latest begun one by default). Figures and the file are both
 * made in a read task (a worker thread on SQLite), so packing the zip never stalls the event loop.
 */
export async function dispatchReport(
  ctx: ServiceContext,
  reads: ReadRunner<typeof reportReadTasks>,
  format: 'docx' | 'xlsx',
  roundId?: string,
) {
  requireActor(ctx);
  const file = await reads.run('report.dispatch-file', { roundId, today: today(ctx), format });
  if (!file) throw errors.notFound('round');
  return { content: Buffer.from(file.content), fileName: file.fileName };
}
