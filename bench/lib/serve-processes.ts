/**
 * App processes under test started from outside, as a zone runs them: `lianzhao serve` (the built
 * product) on its own port each, all on one database. The in-process app of the other scenarios is
 * one process by construction; a scenario about several processes needs real ones.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer } from '../../scripts/build-server.mjs';
import { serverBuildIsCurrent } from '../../scripts/server-build-state.mjs';
import { freePort } from '../../server/src/test/free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'lianzhao.mjs');
/** A served process that has not answered /healthz by then has failed to start. */
const START_LIMIT_MS = 120_000;

export type ServeDatabase =
  /** The bench's SQLite file: served from a data folder holding a link to it as `lianzhao.sqlite`. */
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServeProcesses {
  baseUrls: string[];
  pids: number[];
  /** What a failed process wrote to stderr (for the error message). */
  stderr(): string;
  /**
   * CPU seconds the processes have used so far (all their threads: main, read workers, GC), or null
   * where /proc cannot tell (not Linux). Unlike response times, CPU per request barely moves with
   * the machine's load, so it compares runs on a shared machine.
   */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** The data folder `lianzhao serve` reads for SQLite, with the bench file linked in as its database. */
function sqliteDataDir(file: string): string {
  const dir = path.join(path.dirname(file), `serve-${path.basename(file, '.sqlite')}`);
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, 'lianzhao.sqlite');
  fs.rmSync(link, { force: true });
  // SQLite follows the link, so its -wal and -shm files are the bench file's own.
  fs.symlinkSync(file, link);
  return dir;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux build node runs on). */
const USER_HZ = 100;

/** utime + stime of these processes from /proc, in seconds; null when a stat file cannot be read. */
export function processCpuSeconds(pids: readonly number[]): number | null {
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
    // state is the 3rd field, utime the 14th and stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return Number.isFinite(ticks) ? ticks / USER_HZ : null;
}

async function waitHealthy(child: ChildProcess, baseUrl: string): Promise<void> {
  const until = performance.now() + START_LIMIT_MS;
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`lianzhao serve exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`lianzhao serve at ${baseUrl} did not answer /healthz in ${START_LIMIT_MS / 1000} s`);
}

/**
 * Starts `count` processes of `lianzhao serve` on free loopback ports, their clocks starting at
 * `clockStart` (the generated world's time, so sessions and audit rows sit after the data), and
 * waits until each answers /healthz.
 */
export async function startServeProcesses(
  database: ServeDatabase,
  count: number,
  clockStart: Date,
): Promise<ServeProcesses> {
  if (!serverBuildIsCurrent()) await buildServer();
  const children: ChildProcess[] = [];
  const baseUrls: string[] = [];
  let stderr = '';
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  // LZ_BENCH_SERVE_NODE_ARGS: node flags for the served processes, e.g. `--cpu-prof
  // --cpu-prof-dir=/tmp/prof` to see where their time goes (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = (process.env.LZ_BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        LIANZHAO_CLOCK_START: clockStart.toISOString(),
        DATABASE_URL: database.kind === 'postgres' ? database.url : '',
        ...(database.kind === 'sqlite' ? { LIANZHAO_DATA_DIR: sqliteDataDir(database.file) } : {}),
      };
      const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve'], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = `${stderr}${chunk.toString()}`.slice(-4_000);
      });
      children.push(child);
      baseUrls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(children.map((child, i) => waitHealthy(child, baseUrls[i] as string)));
  } catch (err) {
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${stderr}`);
  }
  return {
    baseUrls,
    pids: children.map((c) => c.pid ?? -1),
    stderr: () => stderr,
    cpuSeconds: () => processCpuSeconds(children.map((c) => c.pid ?? -1)),
    stop,
  };
}
