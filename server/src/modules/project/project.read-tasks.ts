import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { type ProjectListParams, projectListPage } from './project-list-page';

/**
 * A list page's JSON, computed in a read worker when one is idle (issue 19: a page nobody asked for
 * since the last write is computed there, so it never holds the event loop while kept pages are
 * served). The worker writes the JSON too: the main thread only sends the bytes.
 */
export const projectReadTasks = {
  'project.listPage': async (db: Kysely<Database>, p: ProjectListParams) =>
    JSON.stringify(await projectListPage(db, p)),
};
