import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDocx, makeTextPdf, multipart, PASSAGES } from '../modules/intake/intake.test-fixtures';
import { createTestApp, type Session, type TestApp } from '../test/test-app';
import { SKIP_DB, TEST_DB_KIND } from '../test/test-db';
import { PARSE_TEMP_PREFIX, parseWorkersSettled } from './parse-runner';
import {
  docxOf,
  filler,
  looseFiller,
  manyRows,
  pack,
  pdfBomb,
  row,
  type SheetSpec,
  xlsxOf,
  zipOf,
} from './upload-bombs.test-fixtures';

/**
 * Issue 11 item 2: small files that unpack to hundreds of MB (or a million rows) took the server
 * down. Each hostile file goes through the real route and must be answered 4xx within a generous
 * bound (or, for the Excel imports that answer 202 first, its job must fail), and afterwards the
 * process's memory must settle back near where it started.
 */

const MB = 1024 * 1024;
// The bulk route keeps uploads under the data folder (data/imports): this file's own, not the
// checkout's ./data, which is where `npm start` keeps a person's zone.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bombs-'));
const dataDirBefore = process.env.LIANZHAO_DATA_DIR;
process.env.LIANZHAO_DATA_DIR = dataDir;
/** Generous: a refusal takes well under a second to a few seconds; this is no performance assertion. */
const BOUND_MS = 15_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledMemory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

type Route = 'intake' | 'chain' | 'import' | 'bulk';

interface Answer {
  status: number;
  code: string | null;
  ms: number;
}

const FIRM_HEADER = ['企业名称*', '统一社会信用代码'];
/** Routes that answer 202 and record a refused file on a job row in the database. */
const JOB_ROUTES: ReadonlySet<Route> = new Set<Route>(['import', 'bulk']);

describe.skipIf(SKIP_DB)('hostile uploads: bombs are refused 4xx in bounded time, memory settles', () => {
  let t: TestApp;
  let officer: Session;
  let start: { rss: number; heap: number };
  let afterNamed: { rss: number; heap: number } | null = null;
  const report: string[] = [];

  /** Posts `bytes` to a route; for the Excel import a 202 is followed to its job's end. */
  async function send(route: Route, name: string, bytes: Buffer): Promise<Answer> {
    const began = Date.now();
    const url = {
      intake: '/api/intake',
      chain: '/api/chains/import/xlsx',
      import: '/api/import',
      bulk: '/api/imports/firms/bulk',
    }[route];
    const body = multipart(route === 'import' ? { kind: 'firm' } : {}, { name, bytes });
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, ...body.headers },
      payload: body.payload,
    });
    if ((route !== 'import' && route !== 'bulk') || res.statusCode !== 202) {
      return { status: res.statusCode, code: res.json().error?.code ?? null, ms: Date.now() - began };
    }
    const jobId = res.json().jobId as string;
    let job: { status: string; message: string | null } = { status: 'running', message: null };
    await vi.waitFor(
      async () => {
        job = (await t.call(officer, 'GET', `${url}/${jobId}`)).json();
        expect(job.status).not.toBe('running');
      },
      { timeout: BOUND_MS, interval: 50 },
    );
    // The imports answer 202 at once; a file refused while reading fails its job (nothing written).
    return { status: job.status === 'failed' ? 422 : 200, code: job.message, ms: Date.now() - began };
  }

  async function expectRefused(label: string, route: Route, name: string, bytes: Buffer): Promise<Answer> {
    const rssBefore = process.memoryUsage.rss();
    const answer = await send(route, name, bytes);
    await parseWorkersSettled();
    const rssAfter = process.memoryUsage.rss();
    report.push(
      `${label.padEnd(44)} ${String(bytes.length).padStart(9)} B  ${String(answer.status)}  ${String(answer.ms).padStart(6)} ms  rss ${Math.round(rssBefore / MB)} → ${Math.round(rssAfter / MB)} MB  ${answer.code ?? ''}`,
    );
    expect(answer.status, `${label}: ${answer.code}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${label}: ${answer.code}`).toBeLessThan(500);
    expect(answer.ms, label).toBeLessThan(BOUND_MS);
    return answer;
  }

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    // Warm up the routes once with a real file, then take the level memory must come back to.
    const ok = await send('intake', 'ok.docx', await makeDocx([PASSAGES.newProject]));
    expect(ok.status).toBe(201);
    await parseWorkersSettled();
    start = settledMemory();
  }, 60_000);
  afterAll(async () => {
    if (report.length > 0)
      console.log(`hostile uploads (file size, answer, time, RSS):\n${report.join('\n')}`);
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    // The worker's next file (isolate: false) finds the environment as it was.
    if (dataDirBefore === undefined) delete process.env.LIANZHAO_DATA_DIR;
    else process.env.LIANZHAO_DATA_DIR = dataDirBefore;
  });

  it('refuses the named bombs: docx, pdf, xlsx (sizes honest and lying, many entries, 1M rows, a 200 MB cell, shared strings)', async () => {
    const big = 300 * MB;
    const named: Array<[string, Route, string, () => Promise<Buffer>, number?]> = [
      ['docx inflating to 300 MB', 'intake', 'bomb.docx', () => docxOf([filler(big)]), 413],
      [
        'docx inflating to 300 MB, declaring 1 KB',
        'intake',
        'liar.docx',
        () => docxOf([filler(big)], 1024),
        400,
      ],
      [
        'docx of 30 MB text within the zip caps',
        'intake',
        'loose.docx',
        () => docxOf([looseFiller(30 * MB)]),
      ],
      ['pdf stream inflating to 400 MB', 'intake', 'bomb.pdf', () => pdfBomb(400 * MB), 413],
      ['pdf stream inflating to 40 MB', 'intake', 'stream.pdf', () => pdfBomb(40 * MB), 413],
      [
        'docx with 5,000 entries',
        'intake',
        'entries.docx',
        async () => {
          const tiny = await pack(['x']);
          return zipOf(Array.from({ length: 5000 }, (_, i) => ({ name: `word/p${i}.xml`, packed: tiny })));
        },
        413,
      ],
      [
        'xlsx with 300 MB of shared strings',
        'chain',
        'sst.xlsx',
        () => xlsxOf(chainSheets(), { items: ['<si><t>', filler(big), '</t></si>'] }),
        413,
      ],
      [
        'xlsx shared strings 300 MB, declaring 1 KB',
        'import',
        'sst-liar.xlsx',
        () => xlsxOf([firmSheet([])], { items: ['<si><t>', filler(big), '</t></si>'], declaredSize: 1024 }),
      ],
      [
        'bulk xlsx with 300 MB of shared strings',
        'bulk',
        'sst.xlsx',
        () => xlsxOf([firmSheet([])], { items: ['<si><t>', filler(big), '</t></si>'] }),
        413,
      ],
      [
        'bulk xlsx shared strings 300 MB, declaring 1 KB',
        'bulk',
        'sst-liar.xlsx',
        () => xlsxOf([firmSheet([])], { items: ['<si><t>', filler(big), '</t></si>'], declaredSize: 1024 }),
      ],
      [
        'bulk xlsx with one 40 KB cell',
        'bulk',
        'cell40k.xlsx',
        () => xlsxOf([cellSheet('企业', 'x'.repeat(40_000))]),
      ],
      [
        'xlsx of 1M rows (chain)',
        'chain',
        'rows.xlsx',
        () => xlsxOf([{ name: '环节', rows: [manyRows(0, 1e6, ['1'])] }]),
        413,
      ],
      [
        'xlsx of 1M rows (import)',
        'import',
        'rows.xlsx',
        () => xlsxOf([firmSheet([manyRows(1, 1e6, ['甲公司'])])]),
      ],
      [
        'xlsx with one 200 MB cell (chain)',
        'chain',
        'cell.xlsx',
        () => xlsxOf([cellSheet('环节', filler(200 * MB))]),
        413,
      ],
      [
        'xlsx with one 200 MB cell, 50:1 (import)',
        'import',
        'cell.xlsx',
        () => xlsxOf([cellSheet('企业', looseFiller(200 * MB))]),
      ],
      [
        'xlsx with one 40 KB cell (import)',
        'import',
        'cell40k.xlsx',
        () => xlsxOf([cellSheet('企业', 'x'.repeat(40_000))]),
      ],
      ['truncated docx', 'intake', 'cut.docx', async () => (await makeDocx(['正文'])).subarray(0, 500), 400],
    ];
    // A file is refused while it is read, before any database is touched, except on the two Excel
    // imports, whose job row records the failure. PostgreSQL therefore runs those; SQLite runs all.
    const cases = TEST_DB_KIND === 'postgres' ? named.filter(([, route]) => JOB_ROUTES.has(route)) : named;
    // Made first, so that what the test itself allocates is not counted as the server's.
    const files: Buffer[] = [];
    for (const [, , , make] of cases) files.push(await make());
    await parseWorkersSettled();
    const before = settledMemory();
    for (const [i, [label, route, name, , status]] of cases.entries()) {
      const answer = await expectRefused(label, route, name, files[i] as Buffer);
      if (status) expect(answer.status, label).toBe(status);
    }
    await parseWorkersSettled();
    const after = settledMemory();
    report.push(
      `named cases: rss ${Math.round(before.rss / MB)} → ${Math.round(after.rss / MB)} MB, heap ${Math.round(before.heap / MB)} → ${Math.round(after.heap / MB)} MB`,
    );
    // The main thread's heap comes back to where it was. Resident memory keeps what the C allocator
    // caches for the threads that came and went (measured ~130 MB, reached once, not per request:
    // the last test checks it does not grow further); the bomb itself never lands in it.
    expect(after.heap - before.heap).toBeLessThan(32 * MB);
    expect(after.rss - before.rss).toBeLessThan(250 * MB);
    afterNamed = after;
  }, 300_000);

  // The readers, not the database, meet the generated files: one database is enough (see above).
  it.skipIf(TEST_DB_KIND === 'postgres')(
    'fuzz: generated bombs and damaged files on every route are refused 4xx',
    async () => {
      const attack = fc.oneof(
        fc.record({
          kind: fc.constant('bomb' as const),
          mb: fc.integer({ min: 40, max: 400 }),
          lie: fc.boolean(),
          shared: fc.boolean(),
        }),
        fc.record({ kind: fc.constant('entries' as const), n: fc.integer({ min: 1001, max: 4000 }) }),
        fc.record({
          kind: fc.constant('truncate' as const),
          at: fc.double({ min: 0, max: 0.999, noNaN: true }),
        }),
        fc.record({
          kind: fc.constant('corrupt' as const),
          at: fc.double({ min: 0, max: 0.999, noNaN: true }),
          bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom<Route>('intake', 'chain', 'import'), attack, async (route, a) => {
          const bytes = await hostile(route, a);
          await expectRefused(
            `fuzz ${route} ${JSON.stringify(a).slice(0, 60)}`,
            route,
            fileName(route),
            bytes,
          );
        }),
        { numRuns: 10, endOnFailure: true },
      );
    },
    400_000,
  );

  it('memory settles back near its starting level, and normal uploads still work', async () => {
    await parseWorkersSettled();
    const end = settledMemory();
    report.push(
      `settled: rss ${Math.round(start.rss / MB)} → ${Math.round(end.rss / MB)} MB, heap ${Math.round(start.heap / MB)} → ${Math.round(end.heap / MB)} MB`,
    );
    // Generous bounds (the bombs asked for hundreds of MB each): the heap is back, and the dozen
    // hostile files after the named ones did not add to the resident memory.
    expect(end.heap - start.heap).toBeLessThan(32 * MB);
    expect(end.rss - start.rss).toBeLessThan(300 * MB);
    if (afterNamed) expect(end.rss - afterNamed.rss).toBeLessThan(64 * MB);

    // Nothing the readers spooled stays on disk: a reader thread's temp folder goes with the thread
    // (parse-runner.ts), so only the waiting spare's folder is there, empty; and no temp file of
    // this process (exceljs's `tmp-<pid>-…` copies of a worksheet) is left in the system's folder.
    const tempDir = path.dirname(PARSE_TEMP_PREFIX);
    const readerFolders = fs
      .readdirSync(tempDir)
      .filter((n) => path.join(tempDir, n).startsWith(PARSE_TEMP_PREFIX));
    expect(readerFolders.length).toBeLessThanOrEqual(1);
    // (tsx, which runs this test's sources and not the built product, keeps its compile cache in a
    // thread's temp folder when a source changed since its last run: not a reader's spool.)
    for (const folder of readerFolders) {
      expect(fs.readdirSync(path.join(tempDir, folder)).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    }
    expect(fs.readdirSync(tempDir).filter((n) => n.startsWith(`tmp-${process.pid}-`))).toEqual([]);
    // A refused bulk upload is not kept for a resume that would be refused again (bulk-run.ts).
    const imports = path.join(dataDir, 'imports');
    expect(fs.existsSync(imports) ? fs.readdirSync(imports) : []).toEqual([]);

    const docx = await send('intake', 'ok.docx', await makeDocx([PASSAGES.capacitySignal]));
    expect(docx.status).toBe(201);
    const pdf = await send('intake', 'ok.pdf', makeTextPdf([PASSAGES.guaibaoUpdate]));
    expect(pdf.status).toBe(201);
  }, 60_000);
});

/** The first sheet of a firm import: the template's header row, then `rows`. */
function firmSheet(rows: SheetSpec['rows']): SheetSpec {
  return { name: '企业', rows: [row(1, FIRM_HEADER), ...rows] };
}

/** A sheet whose row 2 holds one cell of `text` (the XML around it written here). */
function cellSheet(name: string, text: string | ReturnType<typeof filler>): SheetSpec {
  return {
    name,
    rows: [row(1, FIRM_HEADER), '<row r="2"><c r="A2" t="inlineStr"><is><t>', text, '</t></is></c></row>'],
  };
}

function chainSheets(): SheetSpec[] {
  return [
    { name: '产业链', rows: [row(1, ['字段 Field', '内容 Value']), row(2, ['名称 name', '测试链'])] },
    { name: '环节', rows: [row(1, ['编号', '上级编号', '环节名称']), row(2, ['1', '', '电池'])] },
  ];
}

function fileName(route: Route): string {
  return route === 'intake' ? 'fuzz.docx' : 'fuzz.xlsx';
}

type Attack =
  | { kind: 'bomb'; mb: number; lie: boolean; shared: boolean }
  | { kind: 'entries'; n: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'corrupt'; at: number; bytes: Uint8Array };

/** A hostile file for `route`: a bomb (honest or lying sizes), too many entries, cut off, or damaged. */
async function hostile(route: Route, a: Attack): Promise<Buffer> {
  const base = (body: Array<string | ReturnType<typeof filler>>, declaredSize?: number) =>
    route === 'intake'
      ? docxOf(body, declaredSize)
      : route === 'chain'
        ? xlsxOf([{ ...chainSheets()[1], rows: body, declaredSize } as SheetSpec, ...chainSheets()])
        : xlsxOf([{ ...firmSheet([]), rows: body, declaredSize } as SheetSpec]);
  switch (a.kind) {
    case 'bomb': {
      const bytes = a.mb * MB;
      if (a.shared && route !== 'intake') {
        return xlsxOf(route === 'chain' ? chainSheets() : [firmSheet([])], {
          items: ['<si><t>', filler(bytes), '</t></si>'],
          declaredSize: a.lie ? 2048 : undefined,
        });
      }
      return base([row(1, FIRM_HEADER), filler(bytes)], a.lie ? 2048 : undefined);
    }
    case 'entries': {
      const tiny = await pack(['<x/>']);
      return zipOf(Array.from({ length: a.n }, (_, i) => ({ name: `xl/e${i}.xml`, packed: tiny })));
    }
    case 'truncate': {
      const whole = await base([row(1, FIRM_HEADER), row(2, ['测试公司', '91370000MA0000000X'])]);
      return whole.subarray(0, Math.floor(a.at * whole.length));
    }
    case 'corrupt': {
      // Overwrite bytes inside the compressed data of one entry, where only the inflater and the
      // checksum can tell.
      const rows = Array.from({ length: 200 }, (_, i) => row(i + 2, [`公司${i}`, String(i * 7919)]));
      const whole = await base([row(1, FIRM_HEADER), ...rows]);
      const { from, length } = lastEntryData(whole);
      const at = from + Math.floor(a.at * Math.max(1, length - a.bytes.length));
      const out = Buffer.from(whole);
      for (const [i, b] of a.bytes.entries()) {
        if (at + i < from + length) out[at + i] = (out[at + i] ?? 0) ^ (b || 1);
      }
      return out;
    }
  }
}

/** Where the compressed data of the last entry of a zip written by zipOf lies. */
function lastEntryData(zip: Buffer): { from: number; length: number } {
  const entries = zip.readUInt16LE(zip.length - 12);
  let p = zip.readUInt32LE(zip.length - 6);
  let last = { offset: 0, compressed: 0, nameLength: 0 };
  for (let i = 0; i < entries; i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    last = { offset: zip.readUInt32LE(p + 42), compressed: zip.readUInt32LE(p + 20), nameLength };
    p += 46 + nameLength;
  }
  return { from: last.offset + 30 + last.nameLength, length: last.compressed };
}
