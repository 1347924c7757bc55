import { openPostgres, openSqlite } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { systemClock } from '../../lib/clock';
import { writeAudit } from '../../modules/audit/audit.writer';

/**
 * Child process for the crash test: writes batches of audit rows, one transaction per batch, and
 * reports each commit on stdout until it is killed.
 */
const [kind, target] = process.argv.slice(2);
if (!kind || !target) throw new Error('usage: bulk-writer sqlite|postgres <file|url>');
const db = kind === 'sqlite' ? openSqlite(target) : openPostgres(target);
await migrateToLatest(db);
const ctx = { db, actor: null, ip: null, clock: systemClock };
for (let batch = 0; batch < 100_000; batch++) {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < 200; i++) {
      await writeAudit(trx, ctx, {
        entity: 'crash-test',
        entityId: `batch-${batch}`,
        action: 'bulk',
        after: { i },
      });
    }
  });
  process.stdout.write(`committed ${batch}\n`);
}
