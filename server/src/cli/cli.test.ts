import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli, runCliInProcess } from '../test/cli-harness';

// The commands run in-process; the last test runs the built `bin/lianzhao.mjs` as a user would.
const cli = (dataDir: string, ...args: string[]) => runCliInProcess(dataDir, args);

describe('lianzhao CLI (SQLite)', { timeout: 120_000 }, () => {
  it('init --no-demo needs an admin password and refuses a weak one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
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
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect((await cli(empty, 'restore', file)).code).toBe(0);
    expect((await cli(empty, 'user', 'reset-password', 'zhang', '--password', 'Other#2026b')).code).toBe(0);
  });

  it('prints help for each command', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect((await cli(dir, '--help')).out).toContain('backup');
    expect((await cli(dir, 'restore', '--help')).out).toContain('--force');
  });

  it('runs as the built bin/lianzhao.mjs: help, and a refusal as exit code 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    const help = runBuiltCli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('backup');
    expect(runBuiltCli(dir, ['restore', '--help']).out).toContain('--force');
    const refused = runBuiltCli(dir, ['init', '--no-demo']);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--admin-password');
  });
});
