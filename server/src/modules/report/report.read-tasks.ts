import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { dispatchReportData } from './dispatch-report.task';
import { dispatchReportFile } from './dispatch-report-file';

/**
 * The dispatch report (issue 6): its data and its drawn file, off the event loop — drawing a .docx
 * of 2,000 projects is seconds of JavaScript (registered in server/src/read-tasks.ts).
 */
export const reportReadTasks = {
  'report.dispatch': (db: Kysely<Database>, p: Parameters<typeof dispatchReportData>[1]) =>
    dispatchReportData(db, p),
  'report.dispatch-file': (db: Kysely<Database>, p: Parameters<typeof dispatchReportFile>[1]) =>
    dispatchReportFile(db, p),
};
