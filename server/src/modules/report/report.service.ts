import type { ReadRunner } from '../../db/read-pool';
import { requireActor, today } from '../../lib/fields';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { dispatchDocx } from './dispatch-docx';
import { dispatchXlsx } from './dispatch-xlsx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The dispatch report of a round (the latest begun one by default). The figures come from a read
 * task (off the event loop); drawing the document is quick and happens here.
 */
export async function dispatchReport(
  ctx: ServiceContext,
  reads: ReadRunner,
  format: 'docx' | 'xlsx',
  roundId?: string,
) {
  requireActor(ctx);
  const data = await reads.run('report.dispatch', { roundId, today: today(ctx) });
  if (!data) throw errors.notFound('round');
  const content = format === 'docx' ? await dispatchDocx(data) : await dispatchXlsx(data);
  return { content, fileName: `调度报告-${data.round.periodKey}.${format}` };
}
