/**
 * Bulk firm import speed (issue 4): writes a CSV of N synthetic firms (the bench generator's firm
 * rows, in the template's Chinese headers), then on a fresh database each time:
 *
 * 1. raw reference — the same firm rows as plain batched INSERTs (500 rows a statement, 5,000 a
 *    transaction, search text precomputed, the per-row search upkeep in place): what the database
 *    alone costs;
 * 2. bulk import, per-row search upkeep (SQLite's FTS trigger fires per row — "before");
 * 3. bulk import as shipped (the batch's search rows built in one INSERT…SELECT — "after");
 *
 * both imports through the same service as `lianzhao import firms` (read, check, match, write,
 * audit), in batches of 5,000. Run through bench/import-speed.ts:
 *
 *   node --import tsx bench/import-speed.ts --mode bulk [--rows 200000] [--db sqlite|postgres] [--skip raw,per-row]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import type { Database } from '../server/src/db/database';
import type { ServiceContext } from '../server/src/plugins/context';
import { DEFAULT_SEED, Generation } from './generate/context';
import { firmGenerator } from './generate/tables/firm.generator';

const SIZE_ZH: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const HEADER = '企业名称,统一社会信用代码,简称,所在地区,行业代码,注册资本,企业规模,区内企业,产业链环节';

type FirmRow = Record<string, unknown>;

/**
 * The demo zone's sample firms use the first USCC seeds (makeUscc(i)), as the generator does: its
 * first rows are skipped so every row is a new firm.
 */
const SKIP_ROWS = 1000;

/** `n` rows of the firm generator (province scale has 5M to take from). */
function* firmRows(n: number): Generator<FirmRow> {
  const gen = new Generation({ seed: DEFAULT_SEED, scale: 'province', passwordHash: '' });
  let i = 0;
  for (const row of gen.rows(firmGenerator)) {
    if (i++ < SKIP_ROWS) continue;
    if (i > SKIP_ROWS + n) return;
    yield row;
  }
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The CSV people would load: one firm per line, the template's headers. */
async function writeCsv(file: string, n: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${HEADER}\n`);
  let lines: string[] = [];
  for (const f of firmRows(n)) {
    lines.push(
      [
        f.name,
        f.uscc,
        f.short_name,
        f.region,
        f.industry_code,
        f.registered_capital,
        SIZE_ZH[String(f.size_class)],
        f.is_local ? '是' : '否',
        f.chain_link,
      ]
        .map(csvField)
        .join(','),
    );
    if (lines.length === 10_000) {
      await write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  await write(lines.length ? `${lines.join('\n')}\n` : '');
  await new Promise<void>((r) => out.end(() => r()));
  return fs.statSync(file).size;
}

export async function bulkImportBench(opts: { rows: number; db: 'sqlite' | 'postgres'; skip: string[] }) {
  const { createTestDb } = await import('../server/src/test/test-db');
  const { initInstance } = await import('../server/src/modules/system/init.service');
  const { TestClock } = await import('../server/src/test/test-clock');
  const { findUserByUsername } = await import('../server/src/modules/user/user.repository');
  const { createBulkJob, getBulkJob } = await import('../server/src/modules/import/bulk/bulk.service');
  const { runBulkJob } = await import('../server/src/modules/import/bulk/bulk-run');

  const tag = `[${opts.db}]`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bulk-bench-'));
  // The CSV of a million-row run is large: removed however the run ends.
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'firms.csv');
  let t0 = performance.now();
  const bytes = await writeCsv(file, opts.rows);
  console.log(
    `${tag} wrote ${opts.rows} firms as CSV (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  /** A fresh database with the demo zone, and a context acting as the demo officer. */
  async function fresh() {
    const db = await createTestDb();
    const clock = new TestClock();
    await initInstance(db, clock, { demo: true, demoPassword: 'Bench@2026x' });
    const user = await findUserByUsername(db.kysely, 'officer');
    if (!user) throw new Error('no officer');
    const ctx: ServiceContext = {
      db,
      clock,
      ip: 'bench',
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        role: 'officer',
        departmentId: user.department_id,
        firmId: user.firm_id,
        via: 'session',
        sessionId: null,
      },
    };
    return {
      ctx,
      db: {
        close: async () => {
          await db.close();
          // The SQLite test files of a million-row run are large: remove this process's own.
          const tmp = path.join(os.tmpdir(), 'lianzhao-test');
          for (const f of fs.existsSync(tmp) ? fs.readdirSync(tmp) : []) {
            if (f.startsWith(`t_${process.pid}_`)) fs.rmSync(path.join(tmp, f), { force: true });
          }
        },
        kysely: db.kysely,
      },
    };
  }

  const report = (label: string, rows: number, ms: number, extra = '') =>
    console.log(
      `${tag} ${label.padEnd(34)} ${rows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(rows / (ms / 1000))} rows/s${extra}`,
    );

  if (!opts.skip.includes('raw')) {
    const { db } = await fresh();
    try {
      t0 = performance.now();
      let chunk: FirmRow[] = [];
      let inTrx: FirmRow[][] = [];
      const flush = async () => {
        const statements = inTrx;
        inTrx = [];
        await db.kysely.transaction().execute(async (trx) => {
          for (const c of statements) {
            await trx
              .insertInto('firm')
              .values(c as unknown as Insertable<Database['firm']>[])
              .execute();
          }
        });
      };
      for (const r of firmRows(opts.rows)) {
        chunk.push(r);
        if (chunk.length === 500) {
          inTrx.push(chunk);
          chunk = [];
          if (inTrx.length === 10) await flush();
        }
      }
      if (chunk.length) inTrx.push(chunk);
      if (inTrx.length) await flush();
      report('raw batched INSERTs (reference)', opts.rows, performance.now() - t0);
    } finally {
      await db.close();
    }
  }

  // On PostgreSQL the search text is set by the INSERT itself: there is no per-row upkeep to compare.
  const modes: Array<{ label: string; searchIndex: 'per-row' | 'batched' }> =
    opts.db === 'sqlite'
      ? [
          { label: 'bulk import, per-row search upkeep', searchIndex: 'per-row' },
          { label: 'bulk import (batched search rows)', searchIndex: 'batched' },
        ]
      : [{ label: 'bulk import', searchIndex: 'batched' }];
  for (const mode of modes) {
    if (opts.skip.includes(mode.searchIndex)) continue;
    const { db, ctx } = await fresh();
    try {
      t0 = performance.now();
      const { jobId } = await createBulkJob(ctx, { path: file, fileName: 'firms.csv', batchSize: 5000 });
      let batches = 0;
      await runBulkJob(ctx, jobId, {
        searchIndex: mode.searchIndex,
        onBatch: (b) => {
          if (++batches % 40 === 0) {
            report(`  … batch ${b.batch}`, b.rowsRead, performance.now() - t0);
          }
        },
      });
      const ms = performance.now() - t0;
      const job = await getBulkJob(ctx, jobId);
      if (job.status !== 'done' || job.batchesFailed > 0) throw new Error(`bulk import: ${job.message}`);
      report(mode.label, job.rowsRead, ms, ` (created ${job.created}, updated ${job.updated})`);
    } finally {
      await db.close();
    }
  }
}
