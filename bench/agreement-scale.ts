/**
 * 履约考核 and 亩均 evaluation at zone and province size (issue 14). A fresh database with
 * `--projects N` projects and `--firms F` firms made by SQL (one lead investor, one agreement with
 * four commitments — total investment due 2024; output, tax, jobs due 2025 — per project; the
 * projects' statistics-bureau figures for 2024/2025, a tenth with a second, disagreeing tax-bureau
 * figure; half the firms with their own land, energy and R&D table), then, in one run:
 *
 * 1. the compliance read (GET /api/compliance?year=2025, zone-wide: the whole year computed, one
 *    page answered) and the 亩均 compute (the read task of POST /api/mu-evaluations, rows made) timed
 *    in process beside the same captured statements replayed raw;
 * 2. the real app (read workers as in main.ts) answering POST /api/mu-evaluations (a run, then a
 *    rerun that replaces it), GET /api/compliance and GET /api/mu-evaluations/:year, while two
 *    clients time GET /healthz and a one-project read (GET /api/projects/:id) back to back: the
 *    evaluation must not stall other requests (both before vs during, and the event loop's delay).
 *
 *   node --import tsx bench/agreement-scale.ts --db sqlite|postgres --projects 10000 --firms 50000 [--runs 3]
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../server/src/app';
import { type Db, openPostgres, openSqlite } from '../server/src/db/connect';
import { compliancePage } from '../server/src/modules/compliance/compliance.task';
import { muPrepare } from '../server/src/modules/mu-evaluation/mu.task';
import { initInstance } from '../server/src/modules/system/init.service';
import { fill, filledAlready, rollupsMatch, TODAY, YEAR } from './lib/agreement-fill';
import { captureStatements } from './lib/capture-sql';
import { watchStalls } from './lib/stall-watch';
import type { Statement } from './scenarios/types';

const PASSWORD = 'Bench-Agree-2026!';

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}
function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? Number.NaN;
}

async function replay(db: Db, ops: Statement[]): Promise<number> {
  if (db.sqliteRaw) {
    const t0 = performance.now();
    for (const o of ops) {
      const st = db.sqliteRaw.prepare(o.sql);
      if (st.reader) st.all(...(o.params as unknown[]));
      else st.run(...(o.params as unknown[]));
    }
    return performance.now() - t0;
  }
  const client = new pg.Client({ connectionString: db.databaseUrl as string });
  await client.connect();
  const t0 = performance.now();
  for (const o of ops) await client.query(o.sql, o.params as unknown[]);
  const ms = performance.now() - t0;
  await client.end();
  return ms;
}

async function inProcess(db: Db, runs: number, which: ReadonlySet<string>) {
  const reads: Array<[string, string, () => Promise<unknown>, (k: typeof db.kysely) => Promise<unknown>]> = [
    [
      'compliance',
      'compliance 2025 (zone)',
      () => compliancePage(db.kysely, COMPLIANCE_PAGE),
      (k) => compliancePage(k, COMPLIANCE_PAGE),
    ],
    [
      'mu',
      '亩均 compute 2025',
      () => muPrepare(db.kysely, { year: YEAR, evaluationId: 'bench' }),
      (k) => muPrepare(k, { year: YEAR, evaluationId: 'bench' }),
    ],
  ];
  for (const [name, label, read, capture] of reads) {
    if (!which.has(name)) continue;
    const ops = await captureStatements(db, capture);
    const app: number[] = [];
    const raw: number[] = [];
    let size = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const out = (await read()) as { total?: number; rows?: unknown[] };
      app.push(performance.now() - t0);
      size = out.rows ? `${out.rows.length} firms` : `${out.total} items, one page answered`;
      raw.push(await replay(db, ops));
    }
    console.log(
      `${db.dialect.padEnd(8)} ${label.padEnd(24)} in process median ${median(app).toFixed(0).padStart(7)} ms   raw SQL (same ${ops.length} statements) median ${median(raw).toFixed(0).padStart(7)} ms   ratio ${(median(app) / median(raw)).toFixed(2)}   (${size}, ${runs} runs)`,
    );
  }
}

const COMPLIANCE_PAGE = { year: YEAR, today: TODAY, page: 1, pageSize: 50 };

interface LongAnswer {
  status: number;
  body: Buffer;
}

/**
 * One request with no time limit: fetch gives up after 300 s without headers, and a zone-wide job
 * on a loaded machine (before batching, compliance at 300k projects) may take longer.
 */
function longRequest(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: string },
): Promise<LongAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** GET `url` back to back until `until` settles; the latencies in ms. */
async function getWhile(url: string, cookie: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const times: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}

/** The jobs timed over HTTP, by the short names `--jobs` takes. */
const JOB_NAMES = ['mu-run', 'mu-rerun', 'compliance', 'mu-read'] as const;

async function overHttp(
  db: Db,
  readWorkers: number,
  n: number,
  only: ReadonlySet<string>,
  stallsDir: string | undefined,
) {
  const app = await buildApp({
    db,
    logger: false,
    clock: { now: () => new Date(`${TODAY}T02:00:00Z`) },
    readWorkers,
    config: {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: false,
      trustProxy: false,
      webDist: '/nonexistent',
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login ${login.status} ${await login.text()}`);
    const cookie =
      (login.headers.getSetCookie().find((c) => c.startsWith('lz_session=')) ?? '').split(';')[0] ?? '';
    const csrf = ((await login.json()) as { csrfToken?: string }).csrfToken ?? '';
    // A project in the middle of the generated ones: the read a user opening a project page makes.
    const project = `${base}/api/projects/p${String(Math.floor(n / 2)).padStart(8, '0')}`;
    const health = `${base}/healthz`;
    /** Both small reads back to back, each on its own client, until `until` settles. */
    const smallWhile = (until: Promise<unknown>) =>
      Promise.all([getWhile(health, cookie, until), getWhile(project, cookie, until)]);
    const idleLoop = monitorEventLoopDelay({ resolution: 10 });
    idleLoop.enable();
    const [idleHealth, idleProject] = await smallWhile(new Promise((resolve) => setTimeout(resolve, 2000)));
    idleLoop.disable();
    const line = (label: string, xs: number[]) =>
      `${label.padEnd(22)} ${String(xs.length).padStart(6)} requests  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;
    console.log(
      `${db.dialect.padEnd(8)} idle (2 s): event loop delay p99 ${(idleLoop.percentile(99) / 1e6).toFixed(1)} ms max ${(idleLoop.max / 1e6).toFixed(1)} ms`,
    );
    console.log(`${db.dialect.padEnd(8)} idle (2 s): ${line('GET /healthz', idleHealth)}`);
    console.log(`${db.dialect.padEnd(8)} idle (2 s): ${line('GET /api/projects/:id', idleProject)}`);
    const run = () =>
      longRequest(`${base}/api/mu-evaluations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ year: YEAR }),
      });
    const jobs: Array<[(typeof JOB_NAMES)[number], string, () => Promise<LongAnswer>]> = [
      ['mu-run', 'POST /api/mu-evaluations', run],
      // A rerun replaces the year's stored ranking: the old rows are deleted as well.
      ['mu-rerun', 'POST /api/mu-evaluations (rerun)', run],
      [
        'compliance',
        'GET /api/compliance?year=2025',
        () => longRequest(`${base}/api/compliance?year=${YEAR}`, { headers: { cookie } }),
      ],
      [
        'mu-read',
        'GET /api/mu-evaluations/2025',
        () => longRequest(`${base}/api/mu-evaluations/${YEAR}`, { headers: { cookie } }),
      ],
    ];
    for (const [name, label, start] of jobs) {
      if (!only.has(name)) continue;
      const stalls = stallsDir ? await watchStalls() : null;
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      // The process's peak resident memory while the job runs (the read workers are threads of it).
      let peakRss = process.memoryUsage.rss();
      const rssTimer = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }, 200);
      const t0 = performance.now();
      const job = start().then(({ status, body }) => {
        if (status >= 300) throw new Error(`${label}: ${status} ${body.toString()}`);
        return { ms: performance.now() - t0, bytes: body.byteLength };
      });
      const [during, read] = await smallWhile(job);
      const { ms, bytes } = await job;
      loop.disable();
      clearInterval(rssTimer);
      console.log(
        `${db.dialect.padEnd(8)} ${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms (${(bytes / 1e3).toFixed(1)} kB answer); event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms max ${(loop.max / 1e6).toFixed(1)} ms; peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
      );
      console.log(`${db.dialect.padEnd(8)}   meanwhile ${line('GET /healthz', during)}`);
      console.log(`${db.dialect.padEnd(8)}   meanwhile ${line('GET /api/projects/:id', read)}`);
      if (stalls && stallsDir) {
        const file = path.join(stallsDir, `${db.dialect}-${name}.cpuprofile`);
        for (const l of (await stalls.stop(file)).lines) console.log(`${db.dialect.padEnd(8)}   ${l}`);
      }
    }
  } finally {
    await app.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      projects: { type: 'string', default: '10000' },
      firms: { type: 'string', default: '50000' },
      runs: { type: 'string', default: '3' },
      'read-workers': { type: 'string', default: '2' },
      'skip-http': { type: 'boolean', default: false },
      'skip-in-process': { type: 'boolean', default: false },
      jobs: { type: 'string', default: JOB_NAMES.join(',') },
      reuse: { type: 'boolean', default: false },
      'check-rollups': { type: 'boolean', default: false },
      stalls: { type: 'string' },
      'in-process': { type: 'string', default: 'compliance,mu' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      `node --import tsx bench/agreement-scale.ts --db sqlite|postgres --projects N --firms F [--runs 3] [--read-workers 2] [--skip-in-process] [--in-process compliance,mu] [--skip-http] [--reuse] [--check-rollups] [--stalls DIR] [--jobs ${JOB_NAMES.join(',')}]`,
    );
    return;
  }
  const n = Number(values.projects);
  const f = Number(values.firms);
  let db: Db;
  if (values.db === 'postgres') {
    const base = process.env.LZ_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = process.env.LZ_BENCH_PG_DB ?? 'lz_agreement_scale';
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!(values.reuse && exists)) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
    }
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    db = openPostgres(url.toString());
  } else {
    const file = path.join(import.meta.dirname, '..', '.bench', 'agreement-scale.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!values.reuse) for (const x of ['', '-wal', '-shm']) fs.rmSync(`${file}${x}`, { force: true });
    db = openSqlite(file);
  }
  await initInstance(
    db,
    { now: () => new Date(`${TODAY}T01:00:00Z`) },
    { demo: false, adminPassword: PASSWORD },
  );
  const t0 = performance.now();
  // `--reuse`: an earlier run's database of the same size, migrated to this checkout (initInstance).
  const reused = values.reuse && (await filledAlready(db, n, f));
  if (!reused) await fill(db, n, f);
  console.log(
    `${db.dialect}: ${n} projects, ${f} firms, ${n} agreements, ${4 * n} commitments, ~${Math.round(4.1 * n + 1.5 * f)} figures ${reused ? 'reused from an earlier run' : `made in ${((performance.now() - t0) / 1000).toFixed(1)} s`}`,
  );
  if (values['check-rollups']) {
    const ok = await rollupsMatch(db);
    console.log(
      `${db.dialect}: stored cockpit roll-ups ${ok ? 'equal' : 'DIFFER FROM'} a recount of the records`,
    );
    if (!ok) process.exitCode = 1;
  }
  const reads = new Set(values['in-process'].split(',').map((r) => r.trim()));
  if (!values['skip-in-process']) await inProcess(db, Number(values.runs), reads);
  const only = new Set(values.jobs.split(',').map((j) => j.trim()));
  const unknown = [...only].filter((j) => !(JOB_NAMES as readonly string[]).includes(j));
  if (unknown.length > 0)
    throw new Error(`--jobs: unknown ${unknown.join(', ')} (known: ${JOB_NAMES.join(', ')})`);
  if (!values['skip-http']) await overHttp(db, Number(values['read-workers']), n, only, values.stalls);
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
