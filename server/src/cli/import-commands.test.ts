import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../test/cli-harness';

// In-process: the demo loader reads its sample size from the process environment.
beforeAll(() => {
  vi.stubEnv('LIANZHAO_DEMO_SAMPLE_SIZE', '40');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
const cli = (dataDir: string, ...args: string[]) => runCliInProcess(dataDir, args);

describe('lianzhao import firms (SQLite)', { timeout: 180_000 }, () => {
  it('imports in batches, stops resumably, resumes after the last batch and writes the report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-bulk-'));
    expect((await cli(dir, 'init')).code).toBe(0);
    const file = path.join(dir, 'firms.csv');
    const rows = Array.from({ length: 12 }, (_, i) =>
      // Row 9 (the 8th data row, in batch 2) has a size that is not an option.
      i === 7 ? `命令行企业${i}号有限公司,巨型` : `命令行企业${i}号有限公司,小型`,
    );
    fs.writeFileSync(file, `企业名称,企业规模\n${rows.join('\n')}\n`);

    const first = await cli(
      dir,
      'import',
      'firms',
      file,
      '--batch',
      '5',
      '--max-batches',
      '1',
      '--as',
      'officer',
    );
    expect(first.code).toBe(3);
    expect(first.out).toContain('batch 1 rows 2–6 committed: 5 created');
    const jobId = /--resume (\S+)/.exec(first.out)?.[1];
    expect(jobId).toBeTruthy();

    const rest = await cli(dir, 'import', 'firms', file, '--resume', String(jobId), '--as', 'officer');
    expect(rest.code).toBe(0);
    expect(rest.out).toContain('after row 6');
    expect(rest.out).toContain('batch 2 rows 7–11 refused (1 bad rows, nothing written)');
    expect(rest.out).toContain('batch 3 rows 12–13 committed: 2 created');
    expect(rest.out).not.toContain('batch 1 ');

    const report = await cli(dir, 'import', 'report', String(jobId), '--as', 'officer');
    expect(report.code).toBe(0);
    expect(report.out).toContain('2,9,企业规模,Size class,');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
