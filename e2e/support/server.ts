import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../server/src/test/free-port';
import { runNow } from './run-clock';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_PASSWORD = 'E2e#Demo2026';

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real product (`lianzhao serve`, the compiled server) on a fresh data folder with the
 * demo zone and a free port, exactly as a user would, and waits until it listens and /readyz answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` first (npm test does)');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-e2e-'));
  // The demo zone, loaded once per run (global-setup.ts): the server finds it instead of seeding it —
  // unless the test asks for another demo (e.g. LIANZHAO_DEMO_SAMPLE_SIZE), which the server then seeds.
  const demoDb = inject('lzE2eDemoDb');
  const ownDemo = Object.keys(env).some((k) => k.startsWith('LIANZHAO_DEMO_'));
  if (demoDb && !ownDemo) fs.copyFileSync(demoDb, path.join(dataDir, 'lianzhao.sqlite'));
  const child: ChildProcess = spawn(process.execPath, ['bin/lianzhao.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIANZHAO_DATA_DIR: dataDir,
      LIANZHAO_DEMO_PASSWORD: E2E_PASSWORD,
      // The run's clock (run-clock.ts); a test may start its server at another time.
      LIANZHAO_CLOCK_START: runNow().toISOString(),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  // Ready when the server prints its banner (after listen); no polling, no sleeps.
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not become ready: ${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Lianzhao is running:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${output}`));
    });
  });
  await ready;
  // A server that dies under a test fails it only as "connection refused": say why it went.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.warn(
      `[e2e server] ${url} exited unexpectedly (code ${code}, signal ${signal}); its last output:\n${output.slice(-3000)}`,
    );
  });
  const health = await fetch(`${url}/readyz`);
  if (!health.ok) throw new Error(`server not ready: /readyz answered ${health.status}: ${output}`);
  return {
    url,
    dataDir,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // It closes its connections and exits; a server that hangs is killed after 5 s.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
