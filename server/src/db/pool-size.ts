import os from 'node:os';

/**
 * Connections one app process may hold on PostgreSQL when LIANZHAO_PG_POOL_SIZE is not set: five per
 * core of the app's machine, at least 10. Each request holds a connection only while its statements
 * run, so a few per core keep the cores busy; the sum over all app processes must stay below the
 * server's `max_connections` (100 by default), which is why it is configurable.
 */
export function defaultPgPoolSize(cores = os.availableParallelism()): number {
  return Math.max(10, 5 * cores);
}

export interface PgPoolSizes {
  /** The main thread's pool (every ordinary request). */
  main: number;
  /** Each read worker's own pool (and how many of its jobs run at once). */
  perWorker: number;
}

/**
 * Splits one process's connection budget between the main pool and the read workers' pools, so the
 * configured size is what the process holds at most: the workers (heavy reads: cockpit, reports,
 * exports) share a quarter, at least one connection each; the main thread keeps the rest, at least 2.
 */
export function splitPgPool(total: number, workers: number): PgPoolSizes {
  if (workers <= 0) return { main: total, perWorker: 0 };
  const perWorker = Math.max(1, Math.floor(total / 4 / workers));
  return { main: Math.max(2, total - perWorker * workers), perWorker };
}
