import type { ReadRunner } from './db/read-pool';
import { auditReadTasks } from './modules/audit/audit.read-tasks';
import { chainReadTasks } from './modules/chain/chain.read-tasks';
import { cockpitReadTasks } from './modules/cockpit/cockpit.read-tasks';
import { complianceReadTasks } from './modules/compliance/compliance.read-tasks';
import { muReadTasks } from './modules/mu-evaluation/mu.read-tasks';
import { reportReadTasks } from './modules/report/report.read-tasks';
import { requestReadTasks } from './modules/request/request.read-tasks';
import { systemReadTasks } from './modules/system/system.read-tasks';
import { targetReadTasks } from './modules/target/target.read-tasks';
import { warningReadTasks } from './modules/warning/warning.read-tasks';

/**
 * Every heavy read the app may run off the event loop, gathered from the areas that own them (each
 * area keeps its table in `<area>.read-tasks.ts`; its services take a runner typed by that table).
 * Composition only, like app.ts: db/read-pool runs a table without knowing any area.
 */
export const READ_TASKS = {
  ...auditReadTasks,
  ...requestReadTasks,
  ...chainReadTasks,
  ...cockpitReadTasks,
  ...warningReadTasks,
  ...targetReadTasks,
  ...reportReadTasks,
  ...systemReadTasks,
  ...complianceReadTasks,
  ...muReadTasks,
};

/**
 * Where a worker thread loads READ_TASKS from (it cannot be handed functions): this file under tsx;
 * in the built server (decision 012) the `read-tasks.mjs` entry beside the chunk this code sits in,
 * since a chunk's exports carry bundler names, an entry's keep theirs.
 */
export const READ_TASKS_MODULE = /\.[cm]?ts$/.test(import.meta.url)
  ? import.meta.url
  : new URL('./read-tasks.mjs', import.meta.url).href;

export type AppReadRunner = ReadRunner<typeof READ_TASKS>;

declare module 'fastify' {
  interface FastifyInstance {
    reads: AppReadRunner;
  }
  interface FastifyRequest {
    /** Heavy reads (lists over large tables, cockpit, reports) run through this, off the event loop. */
    reads: AppReadRunner;
  }
}
