import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function cli(dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['bin/lianzhao.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, LIANZHAO_DATA_DIR: dataDir, DATABASE_URL: '', LIANZHAO_ADMIN_PASSWORD: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

describe('lianzhao CLI (SQLite)', { timeout: 120_000 }, () => {
  it('init --no-demo needs an admin password and refuses a weak one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect(cli(dir, 'init', '--no-demo').code).toBe(2);
    const weak = cli(dir, 'init', '--no-demo', '--admin-password', 'password');
    expect(weak.code).not.toBe(0);
    expect(weak.out).toContain('three');
    const ok = cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('instance created');
    expect(cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1').out).toContain(
      'nothing changed',
    );
  });

  it('adds and disables a user, backs up, and restores only with --force over data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect(cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1').code).toBe(0);
    const add = cli(
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
    expect(cli(dir, 'user', 'add', 'li', '--role', 'officer', '--password', 'short').code).toBe(2);
    expect(cli(dir, 'user', 'disable', 'zhang').code).toBe(0);
    const file = path.join(dir, 'backup.sqlite');
    const backup = cli(dir, 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const refused = cli(dir, 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--force');
    expect(cli(dir, 'restore', file, '--force').code).toBe(0);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect(cli(empty, 'restore', file).code).toBe(0);
    expect(cli(empty, 'user', 'reset-password', 'zhang', '--password', 'Other#2026b').code).toBe(0);
  });

  it('prints help for each command', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect(cli(dir, '--help').out).toContain('backup');
    expect(cli(dir, 'restore', '--help').out).toContain('--force');
  });
});
