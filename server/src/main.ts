import { buildApp } from './app';
import { type AppConfig, DEFAULT_DEMO_PASSWORD } from './config';
import { openDatabase } from './db/connect';
import { splitPgPool } from './db/pool-size';
import { holdServerLock } from './db/server-lock';
import { processClock } from './lib/clock';
import { DEMO_USERS } from './modules/demo/demo-foundation';
import { interruptOrphanedJobs } from './modules/import/job-recovery.service';
import { startSweeper } from './modules/notify/sweep.service';
import { initInstance } from './modules/system/init.service';

/** Starts the product: migrate, load the demo zone on first start, serve UI and API. */
export async function serve(config: AppConfig): Promise<void> {
  // SQLite: held while serving, so `restore` refuses to swap the file under a live server.
  const lock = config.databaseUrl ? null : holdServerLock(config.dataDir);
  // Two read workers: this machine class has two cores. On PostgreSQL their pools come out of the
  // process's connection budget (LIANZHAO_PG_POOL_SIZE), so the process never holds more than it.
  const readWorkers = 2;
  const pools = splitPgPool(config.pgPoolSize, readWorkers);
  const db = openDatabase(config, { pgPoolSize: pools.main });
  const clock = processClock(config);
  const init = await initInstance(db, clock, { demo: true, demoPassword: config.demoPassword }).catch(
    async (err: unknown) => {
      await db.close();
      lock?.release();
      throw err;
    },
  );
  // Jobs left running by a process that died (kill -9, power cut): interrupted now, resumable at once.
  const interrupted = await interruptOrphanedJobs({ db, actor: null, ip: null, clock });
  const app = await buildApp({
    db,
    config,
    logger: true,
    clock,
    readWorkers,
    readWorkerPgPoolSize: pools.perWorker,
  });
  // Escalations and outbound messages: recomputed from the data every minute (idempotent).
  const stopSweeper = startSweeper(db, clock, app.escalationSources, app.log, undefined, {
    publicUrl: config.publicUrl,
  });
  const shutdown = async () => {
    stopSweeper();
    await app.close();
    await db.close();
    lock?.release();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = db.dialect === 'sqlite' ? db.sqlitePath : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  链招 Lianzhao is running:  http://${config.host}:${config.port}`,
    `  API docs:                 http://${config.host}:${config.port}/api/docs`,
    `  Database:                 ${where}`,
  ];
  if (config.clockStart) {
    lines.push(
      `  Clock:                    started at ${config.clockStart.toISOString()} (LIANZHAO_CLOCK_START)`,
    );
  }
  const demoUsers = await db.kysely
    .selectFrom('app_user')
    .select('username')
    .where('username', 'in', ['leader', 'officer', 'dept', 'firm'])
    .execute();
  if (demoUsers.length > 0) {
    if (init.status === 'created') lines.push('  Demo zone loaded (first start).');
    const pw =
      config.demoPassword === DEFAULT_DEMO_PASSWORD ? config.demoPassword : '(LIANZHAO_DEMO_PASSWORD)';
    lines.push(`  Demo logins (password ${pw}):`);
    for (const u of DEMO_USERS)
      lines.push(`    ${u.username.padEnd(8)} ${u.role.padEnd(11)} ${u.displayName}`);
  }
  if (interrupted > 0) lines.push(`  Imports interrupted by an earlier stop: ${interrupted} (resumable).`);
  console.log(`${lines.join('\n')}\n`);
}
