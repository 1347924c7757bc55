import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../scripts/build-server.mjs';
import { serverBuildIsCurrent } from '../../../scripts/server-build-state.mjs';
import { systemClock } from '../lib/clock';
import { initInstance } from '../modules/system/init.service';
import { freePort } from '../test/free-port';
import { createTestDb, PG_ADMIN_URL, SKIP_DB, TEST_DB_KIND } from '../test/test-db';
import { type Db, openPostgres, openSqlite } from './connect';
import { initLockPath } from './init-lock';

/**
 * Issue 16: a zone starts several app processes at once behind a proxy. Four real `lianzhao serve`
 * processes start at the same moment on one new database (PostgreSQL: one DATABASE_URL; SQLite: one
 * data folder): all four answer /readyz, none exits, and the demo zone is there exactly once.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PROCESSES = 4;
const DEMO_PASSWORD = 'Init#Lock2026';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Resolves when the process prints its banner (it listens by then); rejects if it exits first. */
function startServe(env: Record<string, string>, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['bin/lianzhao.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIANZHAO_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Lianzhao is running')) {
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Tables every part of the demo load writes to; twice loaded, each would have twice the rows. */
const DEMO_TABLES = ['zone', 'department', 'app_user', 'firm', 'project', 'chain'] as const;

async function demoCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DEMO_TABLES) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The rows one demo load writes, from a load alone on a database of its own. */
async function countsOfOneLoad(): Promise<Record<string, number>> {
  const db = await createTestDb();
  try {
    await initInstance(db, systemClock, { demo: true, demoPassword: DEMO_PASSWORD });
    return await demoCounts(db);
  } finally {
    await db.close();
  }
}

describe.skipIf(SKIP_DB)(`${PROCESSES} servers starting at once on one new ${TEST_DB_KIND} database`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-init-lock-'));
  const pgName = `lz_t_init_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseUrl = '';
  const started: Started[] = [];

  beforeAll(async () => {
    // bin/lianzhao.mjs rebuilds a stale server build: done once here, not by four processes at once.
    if (!serverBuildIsCurrent()) await buildServer({ quiet: true });
    if (TEST_DB_KIND === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${pgName}`);
      await admin.end();
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${pgName}`;
      databaseUrl = url.toString();
    }
  });

  afterAll(async () => {
    await Promise.all(started.map((s) => stop(s.child)));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (TEST_DB_KIND === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${pgName} with (force)`);
      await admin.end();
    }
  });

  it('all become ready, none exits, and the demo zone is loaded once', { timeout: 180_000 }, async () => {
    const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
    const env = { LIANZHAO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const results = await Promise.allSettled(ports.map((port) => startServe(env, port)));
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);

    for (const s of started) {
      const res = await fetch(`${s.url}/readyz`);
      expect(res.status, s.output()).toBe(200);
    }
    // Each process logs in as the demo leader: the one zone serves all four.
    for (const s of started) {
      const res = await fetch(`${s.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
    }
    expect(started.map((s) => s.child.exitCode)).toEqual(started.map(() => null));

    const db =
      TEST_DB_KIND === 'postgres'
        ? openPostgres(databaseUrl, { max: 1 })
        : openSqlite(path.join(dataDir, 'lianzhao.sqlite'));
    try {
      const expected = await countsOfOneLoad();
      expect(expected.zone).toBe(1);
      expect(await demoCounts(db)).toEqual(expected);
      const loads = await db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'init.demo')
        .execute();
      expect(loads).toHaveLength(1);
    } finally {
      await db.close();
    }
    if (TEST_DB_KIND === 'sqlite') {
      expect(fs.existsSync(initLockPath(path.join(dataDir, 'lianzhao.sqlite')))).toBe(true);
    }
  });
});
