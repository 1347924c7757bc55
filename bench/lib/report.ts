import fs from 'node:fs';
import path from 'node:path';
import type { EventLoopDelay, HttpStreamResult } from './http-load';
import type { LatencySummary } from './stats';

export interface ScenarioResult {
  scenario: string;
  db: 'sqlite' | 'postgres';
  scale: string;
  seconds: number;
  connections: number;
  /** SQLite read worker threads the app ran with (0: reads on the main thread). */
  readWorkers: number;
  http: HttpStreamResult;
  /** The slow side stream, for scenarios that have one. */
  background: HttpStreamResult | null;
  raw: LatencySummary | null;
  /** HTTP req/s divided by raw SQL ops/s: the share of the database's speed the API delivers. */
  ratio: number | null;
  /** Null when the app ran in other processes (scenarios with `runApart`): not measured there. */
  eventLoop: EventLoopDelay | null;
  /** Rows per request kind, for scenarios that mix kinds (in the results file). */
  kinds?: Record<string, HttpStreamResult>;
  /** Lines the scenario prints under the table (per-kind figures, checks, how it ran). */
  notes?: string[];
}

const HEAD = [
  'scenario',
  'db',
  'scale',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'raw ops/s',
  'raw p50',
  'raw p99',
  'HTTP/raw',
  'loop p99',
  'loop max',
] as const;

const f = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);

function cells(r: ScenarioResult): string[] {
  return [
    r.scenario,
    r.db,
    r.scale,
    f(r.http.perSecond, 0),
    f(r.http.p50Ms),
    f(r.http.p95Ms),
    f(r.http.p99Ms),
    r.raw ? f(r.raw.perSecond, 0) : '—',
    r.raw ? f(r.raw.p50Ms, 2) : '—',
    r.raw ? f(r.raw.p99Ms, 2) : '—',
    r.ratio === null ? '—' : f(r.ratio, 2),
    f(r.eventLoop?.p99Ms),
    f(r.eventLoop?.maxMs),
  ];
}

/** A plain-text table (latencies in ms; loop = the server's event-loop delay during the HTTP run). */
export function formatTable(results: ScenarioResult[]): string {
  const rows = [HEAD.slice(), ...results.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  for (const r of results) {
    if (r.http.non2xx + r.http.errors > 0) {
      out.push(
        `! ${r.scenario}/${r.db}: ${r.http.non2xx} non-2xx responses, ${r.http.errors} errors/timeouts`,
      );
    }
    if (r.connections !== 10 || r.seconds !== results[0]?.seconds) {
      out.push(`  ${r.scenario}/${r.db}: ${r.connections} connections, ${r.seconds} s (HTTP and raw)`);
    }
    for (const note of r.notes ?? []) out.push(`  ${r.scenario}/${r.db}: ${note}`);
    if (r.background) {
      const b = r.background;
      out.push(
        `  ${r.scenario}/${r.db} slow stream: ${b.requests} requests, p50 ${f(b.p50Ms)} ms, p95 ${f(b.p95Ms)} ms, p99 ${f(b.p99Ms)} ms, max ${f(b.maxMs)} ms`,
      );
    }
  }
  return out.join('\n');
}

export function writeResults(dir: string, payload: object): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `results-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
