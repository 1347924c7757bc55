/**
 * Import speed: a 50k-row firm xlsx through the real route (upload → background job → done), on a
 * fresh database with the demo zone. Prints rows per second for the first import (all creates, with
 * an audit row each) and for a re-import of the same file (all matched, nothing to change).
 *
 *   node --import tsx bench/import-speed.ts [--rows 50000] [--db sqlite|postgres]
 *
 * `--mode bulk` measures the bulk firm import (CSV, batches) instead: see bench/bulk-import.ts.
 *
 * PostgreSQL uses LZ_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test), like the tests.
 */
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { makeUscc } from '../shared/src/uscc';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    db: { type: 'string', default: 'sqlite' },
    mode: { type: 'string', default: 'workbook' },
    skip: { type: 'string', default: '' },
  },
});
const rows = Number(values.rows);
if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
process.env.LZ_TEST_DB = values.db;
process.env.LIANZHAO_DEMO_SAMPLE_SIZE ??= '40';

if (values.mode === 'bulk') {
  const { SKIP_DB } = await import('../server/src/test/test-db');
  if (SKIP_DB) {
    console.log('PostgreSQL unreachable: skipped');
    process.exit(0);
  }
  const { bulkImportBench } = await import('./bulk-import');
  await bulkImportBench({ rows, db: values.db, skip: values.skip.split(',').filter(Boolean) });
  process.exit(0);
}

const { createTestApp } = await import('../server/src/test/test-app');
const { SKIP_DB } = await import('../server/src/test/test-db');
const { importFile } = await import('../server/src/modules/import/import.test-helpers');
if (SKIP_DB) {
  console.log('PostgreSQL unreachable: skipped');
  process.exit(0);
}

const SIZES = ['大型', '中型', '小型', '微型'];
const REGIONS = ['山东省聊城市', '山东省济南市', '天津市', '江苏省苏州市', '广东省深圳市'];
const INDUSTRIES = ['C13', 'C14', 'C26', 'C34', 'C35', 'C38', 'F51', 'G54'];

/** The firm template's layout (headers row 1, data from row 4), written with the streaming writer. */
async function firmSheet(n: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('企业库');
  ws.addRow([
    '企业名称*',
    '统一社会信用代码',
    '所在地区',
    '行业代码',
    '注册资本',
    '企业规模',
    '区内企业',
    '标签',
    '联系人',
    '联系电话',
  ]).commit();
  ws.addRow(['Firm name', 'USCC']).commit();
  ws.addRow(['企业全称（必填）']).commit();
  for (let i = 0; i < n; i++) {
    ws.addRow([
      `压测样本企业${String(i).padStart(6, '0')}有限公司`,
      makeUscc(5_000_000 + i),
      REGIONS[i % REGIONS.length],
      INDUSTRIES[i % INDUSTRIES.length],
      i % 3 === 0 ? `${(i % 90) + 1}00万` : (i % 977) * 10_000,
      SIZES[i % 4],
      i % 5 === 0 ? '否' : '是',
      i % 2 === 0 ? '样本、压测' : '压测',
      `联系人${i % 100}`,
      `1380000${String(i % 10_000).padStart(4, '0')}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const t = await createTestApp();
try {
  const officer = await t.login('officer');
  let start = performance.now();
  const file = await firmSheet(rows);
  console.log(
    `[${values.db}] generated ${rows} rows (${(file.length / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  for (const label of ['first import (create)', 're-import (match, unchanged)']) {
    start = performance.now();
    const job = await importFile(t, officer, 'firm', file, 15 * 60_000);
    const s = (performance.now() - start) / 1000;
    if (job.status !== 'done') throw new Error(`import ${job.status}: ${job.message}`);
    console.log(
      `[${values.db}] ${label}: ${rows} rows in ${s.toFixed(2)} s = ${Math.round(rows / s)} rows/s ` +
        `(created ${job.created}, updated ${job.updated}, unchanged ${job.unchanged})`,
    );
  }
} finally {
  await t.close();
}
