import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runClockStart } from './run-clock';
import { E2E_PASSWORD, ROOT } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A SQLite file with the demo zone loaded (`lianzhao init`), copied into each server's data folder. */
    lzE2eDemoDb: string | null;
    /**
     * The browser tier's clock (run-clock.ts): `start` is the run's "now", taken at `takenAt` (real
     * ms). The demo load, every server and every browser context run on it.
     */
    lzE2eClock: { start: string; takenAt: number };
  }
}

/**
 * vitest globalSetup of the browser tier: loads the demo zone once with the built CLI, so each test
 * file's server starts on a copy instead of seeding it again. The server is the compiled one
 * (`npm test` and `npm run test:e2e` build it first; bin/lianzhao.mjs rebuilds a stale one).
 */
export default function setup(project: TestProject): () => void {
  const clock = { start: runClockStart(new Date()).toISOString(), takenAt: Date.now() };
  project.provide('lzE2eClock', clock);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-e2e-demo-'));
  const res = spawnSync(process.execPath, ['bin/lianzhao.mjs', 'init'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LIANZHAO_DATA_DIR: dataDir,
      LIANZHAO_DEMO_PASSWORD: E2E_PASSWORD,
      LIANZHAO_CLOCK_START: clock.start,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`lianzhao init failed: ${res.stdout}${res.stderr}`);
  project.provide('lzE2eDemoDb', path.join(dataDir, 'lianzhao.sqlite'));
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}
