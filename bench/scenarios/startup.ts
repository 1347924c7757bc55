/**
 * Start-up of the built product (issue 12), timed from outside as a user meets it: `lianzhao --help`,
 * and `lianzhao serve` on a demo database from the spawn to the first 200 on /healthz, then its memory
 * once idle. SQLite only (the default install); the demo database is loaded once into .bench/startup.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../../scripts/build-server.mjs';
import { serverBuildIsCurrent } from '../../scripts/server-build-state.mjs';
import { freePort } from '../../server/src/test/free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'lianzhao.mjs');
const DATA_DIR = path.join(ROOT, '.bench', 'startup');
/** How long a started server is left alone before its memory is read. */
const IDLE_MS = 3_000;

export interface StartupBenchResult {
  runs: number;
  /** Wall milliseconds of `lianzhao --help`: min, median, max. */
  helpMs: [number, number, number];
  /** Wall milliseconds from spawning `lianzhao serve` to the first 200 on /healthz. */
  firstOkMs: [number, number, number];
  /** Resident memory of the idle server (MiB; Linux), read IDLE_MS after its first 200. */
  idleRssMiB: [number, number, number] | null;
  /** The 1-minute load average before and after: read the figures against it. */
  load: [number, number];
}

function spread(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const mid =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  return [sorted[0] ?? 0, mid ?? 0, sorted[sorted.length - 1] ?? 0];
}

function env(port?: number): NodeJS.ProcessEnv {
  const base = { ...process.env, LIANZHAO_DATA_DIR: DATA_DIR, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  return port === undefined ? base : { ...base, PORT: String(port) };
}

function rssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** One start: spawn, poll /healthz every 5 ms until it answers 200, wait idle, read memory, stop. */
async function startOnce(): Promise<{ firstOkMs: number; rss: number | null }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], { env: env(port), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let firstOkMs = -1;
  try {
    while (firstOkMs < 0) {
      if (child.exitCode !== null) throw new Error(`lianzhao serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) firstOkMs = performance.now() - started;
      else await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { firstOkMs, rss: child.pid ? rssMiB(child.pid) : null };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function runStartupBench(runs: number): Promise<StartupBenchResult> {
  const loadBefore = os.loadavg()[0] ?? 0;
  if (!serverBuildIsCurrent()) await buildServer();
  if (!fs.existsSync(path.join(DATA_DIR, 'lianzhao.sqlite'))) {
    const init = spawnSync(process.execPath, [BIN, 'init'], { env: env(), encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`lianzhao init failed: ${init.stdout}${init.stderr}`);
  }
  const help: number[] = [];
  const firstOk: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = spawnSync(process.execPath, [BIN, '--help'], { env: env(), encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`lianzhao --help failed: ${res.stderr}`);
    help.push(performance.now() - t);
    const start = await startOnce();
    firstOk.push(start.firstOkMs);
    if (start.rss !== null) rss.push(start.rss);
  }
  return {
    runs,
    helpMs: spread(help),
    firstOkMs: spread(firstOk),
    idleRssMiB: rss.length === runs ? spread(rss) : null,
    load: [loadBefore, os.loadavg()[0] ?? 0],
  };
}

export function formatStartupTable(r: StartupBenchResult): string {
  const f = ([lo, mid, hi]: [number, number, number], digits = 0) =>
    `${mid.toFixed(digits)}  (${lo.toFixed(digits)}–${hi.toFixed(digits)})`;
  return [
    `lianzhao --help           ${f(r.helpMs)} ms`,
    `serve → first 200 /healthz ${f(r.firstOkMs)} ms`,
    `idle RSS                  ${r.idleRssMiB ? `${f(r.idleRssMiB, 1)} MiB` : 'n/a (no /proc)'}`,
    `median (min–max) of ${r.runs} runs; load average ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}`,
  ].join('\n');
}
