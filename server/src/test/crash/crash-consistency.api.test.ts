import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, SKIP_DB } from '../test-db';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

describe.skipIf(SKIP_DB)('a process killed in the middle of a bulk write', () => {
  it('leaves the database consistent: every batch is whole or absent', async () => {
    const db = await createTestDb();
    try {
      await migrateToLatest(db);
      const target = db.dialect === 'sqlite' ? (db.sqlitePath ?? '') : (db.databaseUrl ?? '');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/src/test/crash/bulk-writer.ts', db.dialect, target],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      await new Promise<void>((resolve, reject) => {
        let commits = 0;
        child.stdout.on('data', (d: Buffer) => {
          commits += d
            .toString()
            .split('\n')
            .filter((l) => l.startsWith('committed')).length;
          // Kill mid-write: after a few commits, while the next batch is being written.
          if (commits >= 3) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code, signal) => {
          if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
        });
      });
      await new Promise((r) => setTimeout(r, 200));
      if (db.dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
      const batches = await db.kysely
        .selectFrom('audit_log')
        .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('entity', '=', 'crash-test')
        .groupBy('entity_id')
        .execute();
      expect(batches.length).toBeGreaterThanOrEqual(3);
      for (const b of batches) expect(Number(b.n)).toBe(200);
    } finally {
      await db.close();
    }
  });
});
