import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MU_CONFIG } from '../../../../shared/src/agreement';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { loadXlsx, multipart } from '../import/import.test-helpers';

const YEAR = 2031;
const F = [
  '亩均测试甲有限公司',
  '亩均测试乙有限公司',
  '亩均测试丙有限公司',
  '亩均测试丁有限公司',
  '亩均测试戊有限公司',
  '亩均测试己有限公司',
];

/** Sets the zone's 亩均 weights, with the default cap, thresholds and size. */
function putWeights(t: TestApp, who: Session, weights: Record<string, number>) {
  const config = { cap: 1.5, thresholds: { A: 110, B: 80, C: 50 }, minLandMu: 3, minOutput: 20_000_000 };
  return t.call(who, 'PUT', '/api/mu-config', { weights, ...config });
}

/** The actual-figures template with rows filled in (values by Chinese header, no `*`). */
async function filled(t: TestApp, who: Session, rows: Array<Record<string, ExcelJS.CellValue>>) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/actuals/template.xlsx',
    headers: { cookie: who.cookie },
  });
  expect(res.statusCode).toBe(200);
  const wb = await loadXlsx(res.rawPayload);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace('*', ''), n));
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    for (const [h, v] of Object.entries(r)) {
      const n = col.get(h);
      if (!n) throw new Error(`no column ${h}`);
      row.getCell(n).value = v;
    }
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function importActuals(t: TestApp, who: Session, bytes: Buffer) {
  const body = multipart({}, { name: 'stats.xlsx', bytes });
  return t.app.inject({
    method: 'POST',
    url: '/api/actuals/import',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const row = (
  firm: string,
  land: number | null,
  tax: number | null,
  output: number | null,
  energy: number | null,
  rd: number | null,
) => ({
  企业: firm,
  年度: YEAR,
  来源: '统计局',
  确认人: '统计局李科长',
  ...(land === null ? {} : { '用地（亩）': land }),
  ...(tax === null ? {} : { 税收: tax }),
  ...(output === null ? {} : { 产值: output }),
  ...(energy === null ? {} : { '能耗（吨标煤）': energy }),
  ...(rd === null ? {} : { 研发费用: rd }),
});

/**
 * 亩均效益 classes from the default weights (50/30/10/10, cap 1.5, A ≥ 110, B ≥ 80, C ≥ 50), checked
 * against this table computed by hand (benchmarks: tax/mu 212,500; output/mu 2,000,000; output per
 * tce 21,666.67; R&D share 3.5 %):
 *   甲 75 + 45 + 15 + 14.29 = 149.29 A;  乙 47.06 + 30 + 9.23 + 5.71 = 92.00 B;
 *   丙 56.47 + 15 + 2.31 + 0 = 73.78 C;   丁 2.35 + 15 = 17.35 D;  戊 no land: cannot be rated;
 *   己 2 亩 and output below 2000万: not evaluated.
 */
describe.skipIf(SKIP_DB)('亩均效益 evaluation and the statistics import', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('officer');
    leader = await t.login('leader');
    for (const name of F) {
      const res = await t.call(officer, 'POST', '/api/firms', { name });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  const figureCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('actual_figure')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('year', '=', YEAR)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports all or nothing: one bad row refuses the file and hands back the error file', async () => {
    const bytes = await filled(t, officer, [
      row(F[0] as string, 100, 40_000_000, 400_000_000, 10_000, 20_000_000),
      row('不存在的企业', 10, 1, 1, null, null),
    ]);
    const res = await importActuals(t, officer, bytes);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, imported: 0, errorCount: 1 });
    expect(body.errors[0].row).toBe(5);
    expect(body.errors[0].message).toContain('不存在的企业');
    expect(await figureCount()).toBe(0);
    const errFile = await loadXlsx(Buffer.from(body.errorFile, 'base64'));
    const ws = errFile.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('错误');
    expect(String(ws.getRow(5).getCell(1).value)).toContain('不存在的企业');
    expect(ws.getRow(4).getCell(1).value).toBeNull();
    expect((await importActuals(t, leader, bytes)).statusCode).toBe(403);
    // The first upload starts the parse worker, which loads its readers: slow on a busy machine.
  }, 120_000);

  it('rates firms A–D as the hand-computed table says; firms without land cannot be rated', async () => {
    const bytes = await filled(t, officer, [
      row(F[0] as string, 100, 40_000_000, 400_000_000, 10_000, 20_000_000),
      row(F[1] as string, 100, 20_000_000, 200_000_000, 10_000, 4_000_000),
      row(F[2] as string, 50, 12_000_000, 50_000_000, 10_000, null),
      row(F[3] as string, 10, 100_000, 10_000_000, null, null),
      row(F[4] as string, null, 1_000_000, 30_000_000, null, null),
      row(F[5] as string, 2, 10_000, 1_000_000, null, null),
    ]);
    const imported = await importActuals(t, officer, bytes);
    expect(imported.json(), imported.body).toMatchObject({ ok: true, imported: 22 });
    expect((await t.call(officer, 'POST', '/api/mu-evaluations', { year: YEAR })).statusCode).toBe(403);
    const run = await t.call(admin, 'POST', '/api/mu-evaluations', { year: YEAR });
    expect(run.statusCode, run.body).toBe(201);
    const ev = (await t.call(leader, 'GET', `/api/mu-evaluations/${YEAR}`)).json();
    const table = ev.items.map(
      (i: { firmName: string; class: string | null; score: number | null; rank: number | null }) => [
        i.firmName,
        i.class,
        i.score,
        i.rank,
      ],
    );
    expect(table).toEqual([
      [F[0], 'A', 149.29, 1],
      [F[1], 'B', 92, 2],
      [F[2], 'C', 73.78, 3],
      [F[3], 'D', 17.35, 4],
      [F[4], null, null, null],
    ]);
    expect(ev.items[4].reason.zh).toContain('无用地记录');
    expect(ev.items[0].scores).toEqual({
      taxPerMu: 75,
      outputPerMu: 45,
      outputPerEnergy: 15,
      rdShare: 14.29,
    });
    expect(ev.benchmarks.taxPerMu).toBe(212_500);
    expect(ev.counts).toEqual({ A: 1, B: 1, C: 1, D: 1, unrated: 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'mu_evaluation')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['run']);
  });

  it('the demo carries 乖宝’s promises and a sample 2025 evaluation, marked 示例', async () => {
    const gb = (await t.call(officer, 'GET', '/api/projects?q=XM2024-00003')).json().items[0];
    const agreements = (await t.call(leader, 'GET', `/api/projects/${gb.id}/agreements`)).json().items;
    expect(agreements[0].isSample).toBe(true);
    const promised = Object.fromEntries(
      agreements[0].commitments.map((c: { measure: string; value: number | null }) => [c.measure, c.value]),
    );
    expect(promised).toMatchObject({
      totalInvestment: 560_000_000,
      jobs: 1000,
      output: 1_500_000_000,
      tax: 40_000_000,
    });
    const ev = (await t.call(leader, 'GET', '/api/mu-evaluations/2025')).json();
    expect(ev.isSample).toBe(true);
    expect(ev.counts.A + ev.counts.B + ev.counts.C + ev.counts.D).toBeGreaterThan(3);
    const zone = (await t.call(leader, 'GET', '/api/compliance?year=2025')).json();
    expect(zone.summary.behindByMeasure.tax).toBeGreaterThan(0);
    expect(zone.items.some((i: { status: string }) => i.status === 'met')).toBe(true);
  });

  it('uses the weights the zone configures; export lists the ranking', async () => {
    const bad = await putWeights(t, admin, {
      taxPerMu: 60,
      outputPerMu: 30,
      outputPerEnergy: 10,
      rdShare: 10,
    });
    expect(bad.statusCode).toBe(400);
    const set = await putWeights(t, admin, { taxPerMu: 100, outputPerMu: 0, outputPerEnergy: 0, rdShare: 0 });
    expect(set.statusCode, set.body).toBe(200);
    const ev = (await t.call(admin, 'POST', '/api/mu-evaluations', { year: YEAR })).json();
    // Tax per mu alone: 甲 150 (capped) A, 乙 94.12 B, 丙 112.94 A, 丁 4.71 D.
    const cls = Object.fromEntries(
      ev.items.map((i: { firmName: string; class: string | null }) => [i.firmName, i.class]),
    );
    expect(cls).toEqual({
      [F[0] as string]: 'A',
      [F[1] as string]: 'B',
      [F[2] as string]: 'A',
      [F[3] as string]: 'D',
      [F[4] as string]: null,
    });
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/mu-evaluations/${YEAR}/export.xlsx`,
      headers: { cookie: leader.cookie },
    });
    expect(file.statusCode).toBe(200);
    const ws = (await loadXlsx(file.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(3).getCell(2).value).toBe(F[0]);
    expect(ws.getRow(3).getCell(3).value).toBe('A');
  });

  it('a rerun is written aside: readers see the earlier ranking whole until it is current', async () => {
    // Back to the default weights, under which 丙 is C (A on tax per mu alone, the run before this).
    const set = await putWeights(t, admin, DEFAULT_MU_CONFIG.weights);
    expect(set.statusCode, set.body).toBe(200);
    const classOf = (ev: { items: Array<{ firmName: string; class: string | null }> }) =>
      Object.fromEntries(ev.items.map((i) => [i.firmName, i.class]));
    const earlier = (await t.call(leader, 'GET', `/api/mu-evaluations/${YEAR}`)).json();
    expect(classOf(earlier)[F[2] as string]).toBe('A');
    const reads = t.app.reads;
    const run = reads.run.bind(reads);
    const seen: Array<{ staged: number; ev: typeof earlier }> = [];
    let fail = true;
    const spy = vi.spyOn(reads, 'run').mockImplementation(async (name, params) => {
      const out = await run(name, params);
      if (name === 'mu.stage') {
        // Every row of the new run is written now, yet it is not the year's current run.
        const staged = await t.db.kysely
          .selectFrom('mu_evaluation_item as i')
          .innerJoin('mu_evaluation as e', 'e.id', 'i.evaluation_id')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('e.year', '=', YEAR)
          .where('e.state', '=', 'staging')
          .executeTakeFirstOrThrow();
        seen.push({
          staged: Number(staged.n),
          ev: (await t.call(leader, 'GET', `/api/mu-evaluations/${YEAR}`)).json(),
        });
        if (fail) throw new Error('the process ended mid-run');
      }
      return out;
    });
    // A run that fails after writing its rows leaves the earlier ranking, and nothing of its own.
    expect((await t.call(admin, 'POST', '/api/mu-evaluations', { year: YEAR })).statusCode).toBe(500);
    const states = () =>
      t.db.kysely.selectFrom('mu_evaluation').select('state').where('year', '=', YEAR).execute();
    expect(await states()).toEqual([{ state: 'current' }]);
    fail = false;
    const rerun = await t.call(admin, 'POST', '/api/mu-evaluations', { year: YEAR });
    spy.mockRestore();
    expect(rerun.statusCode, rerun.body).toBe(201);
    expect(seen.map((s) => s.staged)).toEqual([earlier.total, earlier.total]);
    for (const s of seen) {
      expect(s.ev.items).toEqual(earlier.items);
      expect(s.ev.counts).toEqual(earlier.counts);
    }
    expect(classOf(rerun.json())[F[2] as string]).toBe('C');
    // The replaced run is gone, rows and all.
    expect(await states()).toEqual([{ state: 'current' }]);
    const leftover = await t.db.kysely
      .selectFrom('mu_evaluation_item')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('evaluation_id', 'not in', (eb) =>
        eb.selectFrom('mu_evaluation').select('id').where('state', '=', 'current'),
      )
      .executeTakeFirstOrThrow();
    expect(Number(leftover.n)).toBe(0);
  });
});
