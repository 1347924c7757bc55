import os from 'node:os';
import type { Db } from '../../server/src/db/connect';
import { defaultPgPoolSize } from '../../server/src/db/pool-size';
import type { HttpStreamResult } from '../lib/http-load';
import { type MixedOp, type MixedResult, runMixedClients } from '../lib/mixed-clients';
import type { ScenarioResult } from '../lib/report';
import { type ServeDatabase, startServeProcesses } from '../lib/serve-processes';
import { mixed200Scenario } from './anchor';
import type { ApartContext, Scenario, ScenarioContext } from './types';

/**
 * Issue 19's "200 users on two app processes": mixed-200's reads (lists, project pages, search,
 * cockpit) with versioned edits among them, through the HTTP API of real `lianzhao serve` processes
 * — two on one PostgreSQL database, the clients spread over both; one on SQLite (one process by
 * design: one writer on one file, the heavy reads in its read workers). At the end it checks that no
 * edit was lost: each edit raises a project's 预计就业 (expectedJobs) by one, so the field must have
 * risen by exactly the number of PATCHes answered 200.
 */
const CLIENTS = 200;
const PG_PROCESSES = 2;
/** One edit after every this many reads: 2 edits per mixed-200's 20 requests. */
const READS_PER_EDIT = 10;
/**
 * Projects the edits go to: few enough that two people sometimes edit one at once (the 409 path is
 * taken), many enough that they are not one queue.
 */
const EDIT_TARGETS = 60;
const TIMEOUT_SECONDS = 30;
/** Freshly started processes: their read workers start and their caches fill before the timing. */
const MIN_WARMUP_SECONDS = 5;

/** The row a read path counts in: the same paths as mixed-200's. */
export function readKind(path: string): string {
  if (path.startsWith('/api/cockpit')) return 'cockpit';
  if (/^\/api\/projects\/[^/?]+$/.test(path)) return 'detail';
  if (path.startsWith('/api/projects?'))
    return new URLSearchParams(path.slice(path.indexOf('?') + 1)).has('q') ? 'search' : 'list';
  return 'other';
}

/** mixed-200's reads in their order, an edit of the next target after every READS_PER_EDIT of them. */
export function mixOps(reads: string[], targets: string[]): MixedOp[] {
  if (targets.length === 0) throw new Error('no project to edit');
  const ops: MixedOp[] = [];
  let edits = 0;
  reads.forEach((path, i) => {
    ops.push({ type: 'read', kind: readKind(path), path });
    if ((i + 1) % READS_PER_EDIT === 0)
      ops.push({ type: 'edit', projectId: targets[edits++ % targets.length] as string });
  });
  return ops;
}

export interface LostUpdate {
  id: string;
  before: number;
  after: number;
  saved: number;
}

/**
 * The projects whose counter did not rise by exactly the edits saved on them (a missing project
 * counts as a loss). Empty: no update was lost, and none was applied twice.
 */
export function lostUpdates(
  before: ReadonlyMap<string, number | null>,
  after: ReadonlyMap<string, number | null>,
  saved: ReadonlyMap<string, number>,
): LostUpdate[] {
  const lost: LostUpdate[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    const n = saved.get(id) ?? 0;
    const rise = a === undefined ? Number.NaN : (a ?? 0) - (b ?? 0);
    if (rise !== n)
      lost.push({ id, before: b ?? 0, after: a === undefined ? Number.NaN : (a ?? 0), saved: n });
  }
  for (const [id, n] of saved) {
    if (!before.has(id)) lost.push({ id, before: Number.NaN, after: Number.NaN, saved: n });
  }
  return lost;
}

/** EDIT_TARGETS projects spread over the table (generated ids that exist). */
async function editTargets(ctx: ScenarioContext): Promise<string[]> {
  const total = ctx.generation.count('project');
  const g = ctx.generation.contextFor('project');
  const ids = new Set<string>();
  for (let i = 0; i < EDIT_TARGETS * 2 && ids.size < EDIT_TARGETS; i++)
    ids.add(g.idOf('project', ctx.rng.int(0, total - 1)));
  const found = await ctx.db.kysely
    .selectFrom('project')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  if (found.length === 0) throw new Error('no generated project found: regenerate the bench data');
  return found.map((r) => r.id).sort();
}

async function counters(db: Db, ids: string[]): Promise<Map<string, number | null>> {
  const rows = await db.kysely
    .selectFrom('project')
    .select(['id', 'expected_jobs'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.expected_jobs === null ? null : Number(r.expected_jobs)]));
}

async function csrfTokenOf(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie, accept: 'application/json' } });
  const body = (await res.json()) as { csrfToken?: string | null };
  if (!res.ok || !body.csrfToken) throw new Error(`no CSRF token from /api/auth/me (${res.status})`);
  return body.csrfToken;
}

/** Issue 19's goal for this scenario: p99 of every request at most this. */
const GOAL_P99_MS = 500;

/**
 * What a closed loop allows (Little's law): each client always has one request out, so the mean
 * response time is clients ÷ throughput whatever the server does. A p99 under the goal needs at
 * least clients ÷ goal requests per second (the mean cannot exceed the p99); the note puts the run's
 * throughput beside that floor, so a slow run reads as "not enough req/s", not as a slow statement.
 */
export function closedLoopNote(clients: number, perSecond: number, goalMs = GOAL_P99_MS): string {
  const meanMs = perSecond > 0 ? (clients * 1000) / perSecond : Number.POSITIVE_INFINITY;
  const needed = Math.ceil((clients * 1000) / goalMs);
  return `closed loop (no think time): mean response = ${clients} clients ÷ ${perSecond.toFixed(1)} req/s = ${Number.isFinite(meanMs) ? meanMs.toFixed(0) : '∞'} ms; p99 ≤ ${goalMs} ms needs ≥ ${needed} req/s (this run: ${perSecond >= needed ? 'enough' : `${(perSecond / needed).toFixed(2)}× of it`})`;
}

/**
 * The app processes' CPU per answered request over the timed window: SQLite's work is in it (the
 * database runs in the process), PostgreSQL's is not. Response times on a shared machine swing with
 * its load; CPU per request moves less (still ±15% between runs on the 2 shared cores), so it is the
 * better figure to compare runs and commits by — over several runs, in alternating order.
 */
export function cpuNote(
  cpuSeconds: number | null,
  requests: number,
  processes: number,
  databaseInProcess: boolean,
): string {
  if (cpuSeconds === null) return 'app CPU: not measured (no /proc on this system)';
  const perRequest = requests > 0 ? ((cpuSeconds * 1000) / requests).toFixed(2) : '—';
  const what = `${processes} process${processes === 1 ? '' : 'es'}, all threads, timed window; ${databaseInProcess ? 'database in process, included' : 'database server not included'}`;
  return `app CPU (${what}): ${cpuSeconds.toFixed(1)} s for ${requests} requests = ${perRequest} ms per request`;
}

const f = (n: number, digits = 1) => (Number.isNaN(n) ? '—' : n.toFixed(digits));

function kindLines(kinds: Record<string, HttpStreamResult>, all: HttpStreamResult): string[] {
  const rows = [...Object.entries(kinds), ['all', all] as const].map(([kind, s]) => [
    kind,
    String(s.requests),
    f(s.perSecond),
    f(s.p50Ms),
    f(s.p95Ms),
    f(s.p99Ms),
    f(s.maxMs),
    String(s.non2xx),
    String(s.errors),
  ]);
  const head = ['kind', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)];
}

function notes(
  run: MixedResult,
  how: string,
  targets: number,
  lost: LostUpdate[],
  load: [number, number],
): string[] {
  const e = run.edits;
  const saved = [...e.perProject.values()].reduce((s, n) => s + n, 0);
  return [
    how,
    ...kindLines(run.kinds, run.all),
    closedLoopNote(CLIENTS, run.all.perSecond),
    `edits (warm-up included): ${e.ok} saved (${e.okAfterRetry} on the retry after a re-read), ${e.clashes} answered 409 (version clash: a correct answer, not in non-2xx), ${e.gaveUp} given up after a second 409, ${e.unknown} without an answer`,
    lost.length === 0
      ? `lost updates: none (expectedJobs of the ${targets} edited projects rose by exactly the ${saved} saved edits)`
      : `LOST UPDATES on ${lost.length} projects: ${lost
          .slice(0, 5)
          .map((l) => `${l.id} ${l.before}→${l.after} with ${l.saved} saved`)
          .join('; ')}`,
    `load average (1 min) ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after`,
    'raw side: none — the edits are read-then-write with a version check, so a replay of captured statements would update nothing after its first pass (the version moved on); mixed-200 has none either',
  ];
}

async function runMixedWrites(ctx: ApartContext): Promise<ScenarioResult> {
  const db = ctx.db;
  const database: ServeDatabase | null = db.databaseUrl
    ? { kind: 'postgres', url: db.databaseUrl }
    : db.sqlitePath
      ? { kind: 'sqlite', file: db.sqlitePath }
      : null;
  if (!database) throw new Error('mixed-200-writes: the bench database has neither a URL nor a file');
  const processes = database.kind === 'postgres' ? PG_PROCESSES : 1;
  const reads = (await mixed200Scenario.prepare(ctx)).paths;
  const targets = await editTargets(ctx);
  const before = await counters(db, targets);
  const loadBefore = os.loadavg()[0] ?? 0;
  const served = await startServeProcesses(database, processes, ctx.now());
  let run: MixedResult;
  let cpuAtStart: number | null = null;
  let cpuUsed: number | null = null;
  try {
    const cookie = await ctx.login(served.baseUrls[0] as string);
    const csrfToken = await csrfTokenOf(served.baseUrls[0] as string, cookie);
    run = await runMixedClients({
      baseUrls: served.baseUrls,
      cookie,
      csrfToken,
      clients: CLIENTS,
      ops: mixOps(reads, targets),
      seconds: ctx.seconds,
      warmupSeconds: Math.max(ctx.warmupSeconds, MIN_WARMUP_SECONDS),
      timeoutSeconds: TIMEOUT_SECONDS,
      onMeasureStart: () => {
        cpuAtStart = served.cpuSeconds();
      },
    });
    const cpuAtEnd = served.cpuSeconds();
    if (cpuAtStart !== null && cpuAtEnd !== null) cpuUsed = cpuAtEnd - cpuAtStart;
  } finally {
    await served.stop();
  }
  const lost = lostUpdates(before, await counters(db, targets), run.edits.perProject);
  // A lost update fails the run as an error would.
  if (lost.length > 0) process.exitCode = 1;
  const pool = process.env.LIANZHAO_PG_POOL_SIZE ?? `${defaultPgPoolSize()} (default)`;
  const how =
    database.kind === 'postgres'
      ? `${processes} × lianzhao serve on one database (pids ${served.pids.join(', ')}), ${CLIENTS / processes} clients each; LIANZHAO_PG_POOL_SIZE ${pool} per process`
      : `1 × lianzhao serve (pid ${served.pids.join(', ')}): SQLite is one process by design (one writer on one file; the heavy reads go to its read workers), all ${CLIENTS} clients on it`;
  return {
    scenario: 'mixed-200-writes',
    db: db.dialect,
    scale: ctx.scale,
    seconds: run.seconds,
    connections: CLIENTS,
    // As main.ts runs: two read workers per process.
    readWorkers: 2,
    http: run.all,
    background: null,
    raw: null,
    ratio: null,
    eventLoop: null,
    kinds: run.kinds,
    notes: [
      ...notes(run, how, targets.length, lost, [loadBefore, os.loadavg()[0] ?? 0]),
      cpuNote(cpuUsed, run.all.requests, processes, database.kind === 'sqlite'),
    ],
  };
}

export const mixedWritesScenario: Scenario = {
  name: 'mixed-200-writes',
  description: `${CLIENTS} clients: mixed-200's reads plus a versioned project edit after every ${READS_PER_EDIT} reads (409 → re-read, retry once); PostgreSQL on ${PG_PROCESSES} lianzhao serve processes, SQLite on one; checks no edit was lost`,
  // The reads alone (for explain.ts); the run itself is runApart.
  prepare: (ctx) => mixed200Scenario.prepare(ctx),
  runApart: runMixedWrites,
};
