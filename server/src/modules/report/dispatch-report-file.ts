import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { dispatchReportData } from './dispatch-report.task';

type Db = Kysely<Database>;

/**
 * The whole report file, drawn in the read worker too: packing a .docx/.xlsx (zip compression) is
 * CPU work that would otherwise stall the event loop for every other request.
 */
export async function dispatchReportFile(
  db: Db,
  p: { roundId?: string | undefined; today: string; format: 'docx' | 'xlsx' },
) {
  const data = await dispatchReportData(db, p);
  if (!data) return null;
  const { dispatchDocx } = await import('./dispatch-docx');
  const { dispatchXlsx } = await import('./dispatch-xlsx');
  const content = p.format === 'docx' ? await dispatchDocx(data) : await dispatchXlsx(data);
  return { content: new Uint8Array(content), fileName: `调度报告-${data.round.periodKey}.${p.format}` };
}
