import { openPostgres, openSqlite } from '../../db/connect';
import { systemClock } from '../../lib/clock';
import { createBulkJob } from '../../modules/import/bulk/bulk.service';
import { runBulkJob } from '../../modules/import/bulk/bulk-run';
import { findUserByUsername } from '../../modules/user/user.repository';

/**
 * Child process for the crashed-job test: starts a bulk firm import of `file` as the demo officer,
 * prints the job id and each finished batch on stdout, until it is killed.
 */
const [kind, target, file] = process.argv.slice(2);
if (!kind || !target || !file) throw new Error('usage: bulk-import-runner sqlite|postgres <file|url> <csv>');
const db = kind === 'sqlite' ? openSqlite(target) : openPostgres(target);
const user = await findUserByUsername(db.kysely, 'officer');
if (!user) throw new Error('no demo officer');
const ctx = {
  db,
  clock: systemClock,
  ip: null,
  actor: {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: 'officer' as const,
    departmentId: null,
    firmId: null,
    via: 'session' as const,
    sessionId: null,
  },
};
const { jobId } = await createBulkJob(ctx, { path: file, fileName: 'crash.csv', batchSize: 20 });
process.stdout.write(`job ${jobId}\n`);
await runBulkJob(ctx, jobId, { onBatch: (b) => process.stdout.write(`batch ${b.batch}\n`) });
process.stdout.write('done\n');
