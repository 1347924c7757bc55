import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { type Db, openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { systemClock } from '../lib/clock';
import { bulkReportCsv, claimBulkJob, createBulkJob, getBulkJob } from '../modules/import/bulk/bulk.service';
import { type BatchOutcome, runBulkJob } from '../modules/import/bulk/bulk-run';
import { findUserByUsername } from '../modules/user/user.repository';
import type { ServiceContext } from '../plugins/context';
import { AppError } from '../plugins/errors';

/**
 * `lianzhao import firms <file>`: the bulk firm import from a shell, through the same service as
 * POST /api/imports/firms/bulk. The import acts as a user (`--as`, default admin) so the audit
 * trail names a person and the firm policy applies; audit rows carry ip "cli".
 */

async function withUser(username: string, fn: (ctx: ServiceContext, db: Db) => Promise<void>): Promise<void> {
  const db = openDatabase(loadConfig());
  try {
    await migrateToLatest(db);
    const user = await findUserByUsername(db.kysely, username);
    if (!user || user.disabled) {
      console.error(`no active user ${username} (use --as <username>)`);
      process.exitCode = 2;
      return;
    }
    const ctx: ServiceContext = {
      db,
      ip: 'cli',
      clock: systemClock,
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role as NonNullable<ServiceContext['actor']>['role'],
        departmentId: user.department_id,
        firmId: user.firm_id,
        via: 'token',
        sessionId: null,
      },
    };
    await fn(ctx, db);
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.fields.map((f) => `  ${f.path}: ${f.message.zh} / ${f.message.en}`).join('\n');
      console.error(`${err.bilingual.zh} / ${err.bilingual.en}${fields ? `\n${fields}` : ''}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    await db.close();
  }
}

function printBatch(b: BatchOutcome, startedAt: number, rowsAtStart: number): void {
  const s = (performance.now() - startedAt) / 1000;
  const rate = Math.round((b.rowsRead - rowsAtStart) / Math.max(s, 0.001));
  const what = b.committed
    ? `committed: ${b.counts.created} created, ${b.counts.updated} updated, ${b.counts.unchanged} unchanged`
    : `refused (${b.badRows} bad rows, nothing written)`;
  console.log(
    `batch ${b.batch} rows ${b.firstRow}–${b.lastRow} ${what} in ${(b.ms / 1000).toFixed(1)} s · ${b.rowsRead} rows read, ${rate} rows/s`,
  );
}

export async function importFirmsCommand(
  file: string,
  o: { batch?: string; resume?: string; as: string; maxBatches?: string },
): Promise<void> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) {
    console.error(`no such file: ${file}`);
    process.exitCode = 2;
    return;
  }
  const batchSize = o.batch === undefined ? undefined : Number(o.batch);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    console.error('--batch must be a positive whole number');
    process.exitCode = 2;
    return;
  }
  await withUser(o.as, async (ctx) => {
    let jobId: string;
    if (o.resume) {
      await claimBulkJob(ctx, o.resume, full);
      jobId = o.resume;
    } else {
      jobId = (await createBulkJob(ctx, { path: full, fileName: path.basename(full), batchSize })).jobId;
    }
    const before = await getBulkJob(ctx, jobId);
    console.log(
      `${o.resume ? 'resuming' : 'started'} job ${jobId} (${before.format}${before.encoding ? `, ${before.encoding}` : ''}, batches of ${before.batchSize})` +
        (o.resume ? ` after row ${before.resumeRow}` : ''),
    );
    // Ctrl-C stops between batches: what is committed stays, and the job can be resumed.
    const stop = new AbortController();
    const onSigint = () => {
      console.log('stopping after the current batch…');
      stop.abort();
    };
    process.once('SIGINT', onSigint);
    const startedAt = performance.now();
    try {
      await runBulkJob(ctx, jobId, {
        signal: stop.signal,
        maxBatches: o.maxBatches === undefined ? undefined : Number(o.maxBatches),
        onBatch: (b) => printBatch(b, startedAt, before.rowsRead),
        log: { error: (obj, msg) => console.error(msg, obj) },
      });
    } finally {
      process.off('SIGINT', onSigint);
    }
    const job = await getBulkJob(ctx, jobId);
    const s = (performance.now() - startedAt) / 1000;
    console.log(job.message ?? job.status);
    console.log(
      `${job.rowsRead - before.rowsRead} rows in ${s.toFixed(1)} s = ${Math.round((job.rowsRead - before.rowsRead) / Math.max(s, 0.001))} rows/s`,
    );
    if (job.batchesFailed > 0) console.log(`report: lianzhao import report ${jobId} > report.csv`);
    if (job.resumable) {
      console.log(`resume: lianzhao import firms ${file} --resume ${jobId}`);
      process.exitCode = 3;
    }
  });
}

/** Writes the report of a bulk import (CSV) to stdout. */
export async function importReportCommand(jobId: string, o: { as: string }): Promise<void> {
  await withUser(o.as, async (ctx) => {
    for await (const chunk of bulkReportCsv(ctx, jobId)) process.stdout.write(chunk);
  });
}
