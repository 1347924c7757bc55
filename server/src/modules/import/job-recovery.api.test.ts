import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUscc } from '../../../../shared/src/uscc';
import type { ImportJobTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { findUserByUsername } from '../user/user.repository';
import { HEARTBEAT_MS, HEARTBEAT_STALE_MS, keepHeartbeat, THIS_PROCESS } from './job-owner';
import { interruptOrphanedJobs } from './job-recovery.service';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const HEADER = '企业名称,统一社会信用代码,所在地区,行业代码,注册资本,企业规模,区内企业,经营范围';
const ROWS = 1000;

/** The pid of a process that has ended (nothing else on this host has it, for the test's length). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  if (!child.pid) throw new Error('no pid');
  return child.pid;
}

async function jobStatus(t: TestApp, id: string): Promise<string | undefined> {
  const row = await t.db.kysely
    .selectFrom('import_job')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}

describe.skipIf(SKIP_DB)('jobs of a process that is gone', () => {
  let t: TestApp;
  let officer: Session;
  let officerId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-crash-job-'));
  const ctx = () => ({ db: t.db, clock: t.clock, ip: null, actor: null });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    officerId = (await findUserByUsername(t.db.kysely, 'officer'))?.id ?? '';
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An Excel import row as a process left it: running, owned as given. */
  async function leftRunning(owner: Partial<ImportJobTable>): Promise<string> {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.db.kysely
      .insertInto('import_job')
      .values({
        id,
        kind: 'firm',
        status: 'running',
        file_name: 'firms.xlsx',
        total: 10,
        processed: 3,
        created: 0,
        updated: 0,
        unchanged: 0,
        error_count: 0,
        message: '正在检查 / Checking rows',
        error_file: null,
        actor_id: officerId,
        actor_name: 'officer',
        created_at: now,
        updated_at: now,
        finished_at: null,
        owner_host: os.hostname(),
        owner_pid: 1,
        owner_instance: newId(),
        heartbeat_at: now,
        ...owner,
      })
      .execute();
    return id;
  }

  it('interrupts a bulk import whose process was killed with -9, and it resumes at once', async () => {
    const lines = [HEADER];
    for (let i = 0; i < ROWS; i++) {
      lines.push(`崩溃续传${i}号有限公司,${makeUscc(7_300_000 + i)},山东省聊城市,C13,100万,小型,是,销售`);
    }
    const file = path.join(dir, 'crash.csv');
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const target = t.db.dialect === 'sqlite' ? (t.db.sqlitePath ?? '') : (t.db.databaseUrl ?? '');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/test/crash/bulk-import-runner.ts', t.db.dialect, target, file],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const jobId = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const id = /^job (\S+)$/m.exec(out)?.[1];
        // Killed in the middle: after two batches, while the next ones are being written.
        if (id && /^batch 2$/m.test(out)) {
          child.kill('SIGKILL');
          resolve(id);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`runner exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.on('exit', r)));
    expect(await jobStatus(t, jobId)).toBe('running');

    // Seen as interrupted at once, not after a timeout.
    const seen = await t.call(officer, 'GET', `/api/imports/firms/bulk/${jobId}`);
    expect(seen.json()).toMatchObject({ status: 'failed', resumable: true });

    // A starting server marks it, and audits the mark.
    expect(await interruptOrphanedJobs(ctx())).toBe(1);
    expect(await jobStatus(t, jobId)).toBe('failed');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'import_job')
      .where('entity_id', '=', jobId)
      .where('action', '=', 'interrupt')
      .execute();
    expect(audit).toHaveLength(1);

    const resumed = await t.call(officer, 'POST', `/api/imports/firms/bulk/${jobId}/resume`);
    expect(resumed.statusCode).toBe(202);
    let job = (await t.call(officer, 'GET', `/api/imports/firms/bulk/${jobId}`)).json();
    for (const until = Date.now() + 60_000; job.status === 'running' && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.call(officer, 'GET', `/api/imports/firms/bulk/${jobId}`)).json();
    }
    expect(job.status).toBe('done');
    const firms = await t.db.kysely
      .selectFrom('firm')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', 'like', '崩溃续传%')
      .executeTakeFirstOrThrow();
    expect(Number(firms.n)).toBe(ROWS);
  });

  it('interrupts an Excel import left running by a dead pid of this host, at once', async () => {
    const id = await leftRunning({ owner_pid: await deadPid() });
    const seen = (await t.call(officer, 'GET', `/api/import/${id}`)).json();
    expect(seen.status).toBe('failed');
    expect(seen.message).toContain('中断');
    expect(await interruptOrphanedJobs(ctx())).toBe(1);
    expect(await jobStatus(t, id)).toBe('failed');
  });

  it('leaves the job of a live process on another host alone until its heartbeat stops', async () => {
    const now = t.clock.now().getTime();
    const live = await leftRunning({ owner_host: 'another-app-host', owner_pid: 4242 });
    const quiet = await leftRunning({
      owner_host: 'another-app-host',
      owner_pid: 4243,
      heartbeat_at: new Date(now - HEARTBEAT_STALE_MS - 1000).toISOString(),
    });
    expect(await interruptOrphanedJobs(ctx())).toBe(1);
    expect(await jobStatus(t, live)).toBe('running');
    expect(await jobStatus(t, quiet)).toBe('failed');
    expect((await t.call(officer, 'GET', `/api/import/${live}`)).json().status).toBe('running');
    await t.db.kysely.deleteFrom('import_job').where('id', '=', live).execute();
  });

  it('keeps the heartbeat of the jobs this process runs', async () => {
    const stale = new Date(t.clock.now().getTime() - HEARTBEAT_STALE_MS * 2).toISOString();
    const id = await leftRunning({
      owner_pid: process.pid,
      owner_instance: THIS_PROCESS.instance,
      heartbeat_at: stale,
    });
    const beatOf = async () =>
      (
        await t.db.kysely
          .selectFrom('import_job')
          .select('heartbeat_at')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.heartbeat_at;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = keepHeartbeat(t.db.kysely, t.clock, id);
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      for (let i = 0; i < 100 && (await beatOf()) === stale; i++) await new Promise((r) => setTimeout(r, 20));
      stop();
    } finally {
      vi.useRealTimers();
    }
    expect(await beatOf()).toBe(t.clock.now().toISOString());
    // Its own process is alive: a recovery run leaves it alone.
    expect(await interruptOrphanedJobs(ctx())).toBe(0);
    expect(await jobStatus(t, id)).toBe('running');
    await t.db.kysely.deleteFrom('import_job').where('id', '=', id).execute();
  });
});
