import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../../test/test-app';

/** Test helpers for the Excel routes: fill a template, upload it, wait for the job, read xlsx replies. */

/** Loads an xlsx reply (or any xlsx bytes) as an exceljs workbook. */
export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The template of `kind` with `rows` filled in from row 4 (values by Chinese header, no `*`). */
export async function filledTemplate(
  t: TestApp,
  who: Session,
  kind: 'firm' | 'lead' | 'project',
  rows: Array<Record<string, ExcelJS.CellValue>>,
): Promise<Buffer> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/import/template.xlsx?kind=${kind}`,
    headers: { cookie: who.cookie },
  });
  if (res.statusCode !== 200) throw new Error(`template: ${res.statusCode} ${res.body}`);
  const wb = await loadXlsx(res.rawPayload);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace('*', ''), n));
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    for (const [header, value] of Object.entries(r)) {
      const n = col.get(header);
      if (!n) throw new Error(`no column ${header}`);
      row.getCell(n).value = value;
    }
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = `----lz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(
  t: TestApp,
  who: Session,
  kind: string,
  bytes: Buffer,
  name = 'import.xlsx',
): Promise<LightMyRequestResponse> {
  const body = multipart({ kind }, { name, bytes });
  return t.app.inject({
    method: 'POST',
    url: '/api/import',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export interface JobView {
  id: string;
  status: 'running' | 'failed' | 'done';
  processed: number;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  message: string | null;
}

/** Polls the job until it is no longer running. */
export async function waitForJob(
  t: TestApp,
  who: Session,
  jobId: string,
  timeoutMs = 60_000,
): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.call(who, 'GET', `/api/import/${jobId}`);
    if (res.statusCode !== 200) throw new Error(`job: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobView;
    if (job.status !== 'running') return job;
    if (Date.now() > until) throw new Error(`job still running: ${res.body}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Uploads and waits: the finished job. */
export async function importFile(
  t: TestApp,
  who: Session,
  kind: string,
  bytes: Buffer,
  timeoutMs = 60_000,
): Promise<JobView> {
  const res = await upload(t, who, kind, bytes);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return waitForJob(t, who, (res.json() as { jobId: string }).jobId, timeoutMs);
}
