import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase } from '../db/connect';
import { newId } from '../lib/ids';
import { sha256 } from '../lib/secrets';

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

describe('lianzhao user reset-password (SQLite)', { timeout: 120_000 }, () => {
  it('revokes the user’s API tokens, like the admin screen does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));
    expect(cli(dir, 'init', '--no-demo', '--admin-password', 'Strong#Pass1').code).toBe(0);
    const db = openDatabase({ dataDir: dir, databaseUrl: null });
    const app = await buildApp({
      db,
      config: {
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        secureCookies: false,
        trustProxy: false,
        webDist: path.join(dir, 'no-web'),
      },
    });
    try {
      const admin = await db.kysely
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const secret = `lz_${'a'.repeat(43)}`;
      const id = newId();
      await db.kysely
        .insertInto('api_token')
        .values({
          id,
          user_id: admin.id,
          name: '备份脚本',
          token_hash: sha256(secret),
          prefix: secret.slice(0, 7),
          created_at: new Date().toISOString(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      const me = () =>
        app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });
      expect((await me()).statusCode).toBe(200);

      const reset = cli(dir, 'user', 'reset-password', 'admin', '--password', 'Other#2026b');
      expect(reset.code, reset.out).toBe(0);
      expect(reset.out).toContain('API tokens revoked: 1');
      expect((await me()).statusCode).toBe(401);
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['actor_name', 'after_json'])
        .where('entity', '=', 'token')
        .where('entity_id', '=', id)
        .where('action', '=', 'revoke')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_name).toBe('cli');
      expect(audit[0]?.after_json).toContain('password.reset');
    } finally {
      await app.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
