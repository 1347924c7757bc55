import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import excel from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstWorksheetRows } from './xlsx-first-sheet';

/** exceljs's temp copies of this process (`tmp-<pid>-…`), and the files this process holds open among them. */
function copiesLeft(): { files: string[]; open: string[] } {
  const prefix = `tmp-${process.pid}-`;
  const files = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(prefix));
  const open = fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => path.basename(target).startsWith(prefix));
  return { files, open };
}

/** exceljs removes a copy with tmp's asynchronous unlink (after closing tmp's own handle on it): wait for it. */
async function noCopiesLeft(): Promise<void> {
  await vi.waitFor(() => expect(copiesLeft()).toEqual({ files: [], open: [] }), {
    timeout: 5_000,
    interval: 20,
  });
}

describe('the first worksheet of a workbook Excel-style (sheets stored before the shared strings)', () => {
  let file: string;

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-first-sheet-')), 'two-sheets.xlsx');
    // The streaming writer stores the shared strings last, as Excel does: the reader copies each sheet.
    const wb = new excel.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    for (const name of ['企业', '说明']) {
      const ws = wb.addWorksheet(name);
      for (let i = 1; i <= 2000; i++) ws.addRow([`${name}${i}`, i]).commit();
      ws.commit();
    }
    await wb.commit();
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  const reader = () =>
    new excel.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
      worksheets: 'emit',
      sharedStrings: 'cache',
    });

  it('reads the first sheet whole and leaves no copy', async () => {
    const names: unknown[] = [];
    for await (const row of firstWorksheetRows(reader())) names.push((row.values as unknown[])[1]);
    expect(names).toHaveLength(2000);
    expect(names[0]).toBe('企业1');
    await noCopiesLeft();
  });

  it('leaves no copy and no open file when the caller stops after three rows', async () => {
    let n = 0;
    for await (const _row of firstWorksheetRows(reader())) if (++n === 3) break;
    expect(n).toBe(3);
    await noCopiesLeft();
  });

  it('leaves no copy when the caller throws on a row', async () => {
    const refused = (async () => {
      for await (const row of firstWorksheetRows(reader())) if (row.number === 10) throw new Error('refused');
    })();
    await expect(refused).rejects.toThrow('refused');
    await noCopiesLeft();
  });

  it('a workbook with no sheet gives no row', async () => {
    const empty = new PassThrough();
    const wb = new excel.stream.xlsx.WorkbookWriter({ stream: empty });
    const bytes: Buffer[] = [];
    empty.on('data', (b: Buffer) => bytes.push(b));
    await wb.commit();
    const rows: unknown[] = [];
    const noSheets = new excel.stream.xlsx.WorkbookReader(PassThrough.from(Buffer.concat(bytes)), {
      worksheets: 'emit',
    });
    for await (const row of firstWorksheetRows(noSheets)) rows.push(row);
    expect(rows).toEqual([]);
  });
});
