import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import type { Db } from '../db/connect';
import { processClock } from '../lib/clock';
import { bulkReportCsv, claimBulkJob, createBulkJob, getBulkJob } from '../modules/import/bulk/bulk.service';
import { type BatchOutcome, runBulkJob } from '../modules/import/bulk/bulk-run';
import { findUserByUsername } from '../modules/user/user.repository';
import type { ServiceContext } from '../plugins/context';
import { type CliIo, configOf, type ExitCode, refuse, say } from './io';
import { withDatabase } from './with-database';

/**
 * `lianzhao import firms <file>`: the bulk firm import from a shell, through the same service as
 * POST /api/imports/firms/bulk. The import acts as a user (`--as`, default admin) so the audit
 * trail names a person and the firm policy applies; audit rows carry ip "cli".
 */

function asUser(
  io: CliIo,
  username: string,
  fn: (ctx: ServiceContext, db: Db) => Promise<ExitCode>,
): Promise<ExitCode> {
  return withDatabase(io, async (db) => {
    const user = await findUserByUsername(db.kysely, username);
    if (!user || user.disabled) return refuse(io, `no active user ${username} (use --as <username>)`);
    const ctx: ServiceContext = {
      db,
      ip: 'cli',
      clock: processClock(configOf(io)),
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
    return fn(ctx, db);
  });
}

function printBatch(io: CliIo, b: BatchOutcome, startedAt: number, rowsAtStart: number): void {
  const s = (performance.now() - startedAt) / 1000;
  const rate = Math.round((b.rowsRead - rowsAtStart) / Math.max(s, 0.001));
  const what = b.committed
    ? `committed: ${b.counts.created} created, ${b.counts.updated} updated, ${b.counts.unchanged} unchanged`
    : `refused (${b.badRows} bad rows, nothing written)`;
  say(
    io,
    `batch ${b.batch} rows ${b.firstRow}–${b.lastRow} ${what} in ${(b.ms / 1000).toFixed(1)} s · ${b.rowsRead} rows read, ${rate} rows/s`,
  );
}

export async function importFirmsCommand(
  io: CliIo,
  file: string,
  o: { batch?: string; resume?: string; as: string; maxBatches?: string },
): Promise<ExitCode> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) return refuse(io, `no such file: ${file}`);
  const batchSize = o.batch === undefined ? undefined : Number(o.batch);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    return refuse(io, '--batch must be a positive whole number');
  }
  return asUser(io, o.as, async (ctx) => {
    let jobId: string;
    if (o.resume) {
      await claimBulkJob(ctx, o.resume, full);
      jobId = o.resume;
    } else {
      jobId = (await createBulkJob(ctx, { path: full, fileName: path.basename(full), batchSize })).jobId;
    }
    const before = await getBulkJob(ctx, jobId);
    say(
      io,
      `${o.resume ? 'resuming' : 'started'} job ${jobId} (${before.format}${before.encoding ? `, ${before.encoding}` : ''}, batches of ${before.batchSize})` +
        (o.resume ? ` after row ${before.resumeRow}` : ''),
    );
    // Ctrl-C stops between batches: what is committed stays, and the job can be resumed.
    const stop = new AbortController();
    const onSigint = () => {
      say(io, 'stopping after the current batch…');
      stop.abort();
    };
    process.once('SIGINT', onSigint);
    const startedAt = performance.now();
    try {
      await runBulkJob(ctx, jobId, {
        signal: stop.signal,
        maxBatches: o.maxBatches === undefined ? undefined : Number(o.maxBatches),
        onBatch: (b) => printBatch(io, b, startedAt, before.rowsRead),
        log: { error: (obj, msg) => io.err(`${msg} ${inspect(obj)}\n`) },
      });
    } finally {
      process.off('SIGINT', onSigint);
    }
    const job = await getBulkJob(ctx, jobId);
    const s = (performance.now() - startedAt) / 1000;
    say(io, job.message ?? job.status);
    say(
      io,
      `${job.rowsRead - before.rowsRead} rows in ${s.toFixed(1)} s = ${Math.round((job.rowsRead - before.rowsRead) / Math.max(s, 0.001))} rows/s`,
    );
    if (job.batchesFailed > 0) say(io, `report: lianzhao import report ${jobId} > report.csv`);
    if (!job.resumable) return 0;
    say(io, `resume: lianzhao import firms ${file} --resume ${jobId}`);
    return 3;
  });
}

/** Writes the report of a bulk import (CSV) to stdout. */
export function importReportCommand(io: CliIo, jobId: string, o: { as: string }): Promise<ExitCode> {
  return asUser(io, o.as, async (ctx) => {
    for await (const chunk of bulkReportCsv(ctx, jobId)) io.out(chunk);
    return 0;
  });
}
