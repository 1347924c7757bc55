import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runCliInProcess } from '../test/cli-harness';
import { EXIT_SERVER_RUNNING } from './backup';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// The commands run in-process; the last test runs the built `bin/lianzhao.mjs` as a user would.
const cli = (dataDir: string, ...args: string[]) => runCliInProcess(dataDir, args);

/** A fresh data folder, removed when the file's tests are done. */
const dataDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** `lianzhao serve` on the data folder, resolved once it listens. */
async function startServer(dataDir: string): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/lianzhao.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LIANZHAO_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill(signal);
  });
}

function integrity(file: string): string {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    db.close();
  }
}

describe('lianzhao CLI (SQLite)', { timeout: 120_000 }, () => {
  it('init --no-demo needs an admin password and refuses a weak one', async () => {
    const dir = tempDataDir();
    expect((await cli(dir, 'init', '--no-demo')).code).toBe(2);
    const weak = await cli(dir, 'init', '--no-demo', '--admin-password', 'password');
    expect(weak.code).not.toBe(0);
    expect(weak.out).toContain('three');
    const ok = await cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('instance created');
    expect((await cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1')).out).toContain(
      'nothing changed',
    );
  });

  it('adds and disables a user, backs up, and restores only with --force over data', async () => {
    const dir = tempDataDir();
    expect((await cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1')).code).toBe(0);
    const add = await cli(
      dir,
      'user',
      'add',
      'zhang',
      '--role',
      'officer',
      '--password',
      'Start#2026a',
      '--name',
      '张三',
    );
    expect(add.code).toBe(0);
    expect(add.out).toContain('must change the password');
    expect((await cli(dir, 'user', 'add', 'li', '--role', 'officer', '--password', 'short')).code).toBe(2);
    expect((await cli(dir, 'user', 'disable', 'zhang')).code).toBe(0);
    const file = path.join(dir, 'backup.sqlite');
    const backup = await cli(dir, 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const refused = await cli(dir, 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--force');
    expect((await cli(dir, 'restore', file, '--force')).code).toBe(0);
    const empty = tempDataDir();
    expect((await cli(empty, 'restore', file)).code).toBe(0);
    expect((await cli(empty, 'user', 'reset-password', 'zhang', '--password', 'Other#2026b')).code).toBe(0);
  });

  it('refuses to restore under a running server, and a server killed with -9 does not block it', async () => {
    const dir = tempDataDir();
    expect((await cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1')).code).toBe(0);
    const file = path.join(dir, 'backup.sqlite');
    expect((await cli(dir, 'backup', file)).code).toBe(0);

    const server = await startServer(dir);
    const refused = await cli(dir, 'restore', file, '--force');
    expect(refused.code).toBe(EXIT_SERVER_RUNNING);
    expect(refused.out).toContain('server is running');
    await stop(server, 'SIGTERM');
    expect((await cli(dir, 'restore', file, '--force')).code).toBe(0);
    expect(integrity(path.join(dir, 'lianzhao.sqlite'))).toBe('ok');

    const crashed = await startServer(dir);
    await stop(crashed, 'SIGKILL');
    const afterCrash = await cli(dir, 'restore', file, '--force');
    expect(afterCrash.code).toBe(0);
    expect(integrity(path.join(dir, 'lianzhao.sqlite'))).toBe('ok');
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('prints help for each command', async () => {
    const dir = tempDataDir();
    expect((await cli(dir, '--help')).out).toContain('backup');
    expect((await cli(dir, 'restore', '--help')).out).toContain('--force');
  });

  it('runs as the built bin/lianzhao.mjs: help, and a refusal as exit code 2', () => {
    const dir = tempDataDir();
    const help = runBuiltCli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('backup');
    expect(runBuiltCli(dir, ['restore', '--help']).out).toContain('--force');
    const refused = runBuiltCli(dir, ['init', '--no-demo']);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--admin-password');
  });
});
