import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Project {
  projectId: string;
  name: string;
  reportId: string | null;
  reportVersion: number | null;
  investmentPeriod: number | null;
  investmentInStats: boolean | null;
  investmentCumulative: number | null;
  priorInvestmentCumulative: number;
  priorFundsCumulative: number;
  cumulativeDisagrees: boolean;
}

interface Group {
  key: string;
  projects: number;
  investmentPeriod: number;
  investmentInStats: number;
  investmentCumulative: number;
  outputPeriod: number;
}

interface Detail {
  id: string;
  projects: Project[];
  rollups: { zone: Group; byPark: Group[]; byChain: Group[]; byOfficer: Group[] };
}

interface Filed {
  id: string;
  cumulative: {
    investment: number | null;
    investmentExpected: number;
    investmentDisagrees: boolean;
    funds: number | null;
    fundsExpected: number;
  };
}

describe.skipIf(SKIP_DB)('round reports: 入统, output and tax, cumulative figures checked, roll-ups', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let earlier: Detail;
  let current: Detail;
  let project: string;
  let firstCumulative: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('officer');
    const make = async (date: string) => {
      const r = await t.call(admin, 'POST', '/api/rounds', { kind: 'week', date });
      expect(r.statusCode, r.body).toBe(201);
      return (await t.call(admin, 'GET', `/api/rounds/${r.json().id}`)).json() as Detail;
    };
    earlier = await make('2026-02-10');
    current = await make('2026-03-02');
    project = current.projects[0]?.projectId as string;
  });
  afterAll(async () => t?.close());

  const detail = async (id: string, who = admin) =>
    (await t.call(who, 'GET', `/api/rounds/${id}`)).json() as Detail;
  const file = async (roundId: string, body: Record<string, unknown>) => {
    // A correction sends the version it read.
    const read = (await detail(roundId)).projects.find((p) => p.projectId === project);
    const res = await t.call(officer, 'POST', `/api/rounds/${roundId}/reports`, {
      projectId: project,
      fundsPeriod: 4_000_000,
      narrative: '按计划推进',
      ...(read?.reportVersion ? { version: read.reportVersion } : {}),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Filed;
  };

  it('without a cumulative figure the server stores the running one (earlier reports + this period)', async () => {
    const prior = earlier.projects.find((p) => p.projectId === project)?.priorInvestmentCumulative ?? 0;
    const filed = await file(earlier.id, { investmentPeriod: 10_000_000 });
    expect(filed.cumulative).toMatchObject({
      investment: prior + 10_000_000,
      investmentExpected: prior + 10_000_000,
      investmentDisagrees: false,
    });
    expect(filed.cumulative.funds).toBe(filed.cumulative.fundsExpected);
    firstCumulative = filed.cumulative.investment as number;
  });

  it('the next round starts from it; a stated figure that disagrees is kept and flagged', async () => {
    const p = (await detail(current.id)).projects.find((x) => x.projectId === project) as Project;
    expect(p.priorInvestmentCumulative).toBe(firstCumulative);
    const wrong = await file(current.id, {
      investmentPeriod: 5_000_000,
      investmentCumulative: firstCumulative + 5_000_001,
    });
    expect(wrong.cumulative).toMatchObject({
      investment: firstCumulative + 5_000_001,
      investmentExpected: firstCumulative + 5_000_000,
      investmentDisagrees: true,
    });
    expect(
      (await detail(current.id)).projects.find((x) => x.projectId === project)?.cumulativeDisagrees,
    ).toBe(true);
    const right = await file(current.id, {
      investmentPeriod: 5_000_000,
      investmentCumulative: firstCumulative + 5_000_000,
    });
    expect(right.cumulative.investmentDisagrees).toBe(false);
    expect(
      (await detail(current.id)).projects.find((x) => x.projectId === project)?.cumulativeDisagrees,
    ).toBe(false);
  });

  it('入统, exports, output and tax are stored, listed and rolled up per zone, park, chain, officer', async () => {
    await file(current.id, {
      investmentPeriod: 5_000_000,
      investmentInStats: false,
      exportsPeriod: 700_000,
      outputPeriod: 80_000_000,
      taxPeriod: 3_000_000,
      investmentCumulative: firstCumulative + 5_000_000,
    });
    const other = current.projects[1]?.projectId as string;
    const res = await t.call(officer, 'POST', `/api/rounds/${current.id}/reports`, {
      projectId: other,
      investmentPeriod: 2_000_000,
      fundsPeriod: 0,
      narrative: '入统',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await t.call(officer, 'GET', `/api/rounds/reports?roundId=${current.id}`)).json()
      .items as Array<Record<string, unknown>>;
    expect(list.find((r) => r.projectId === project)).toMatchObject({
      investmentInStats: false,
      exportsPeriod: 700_000,
      outputPeriod: 80_000_000,
      taxPeriod: 3_000_000,
    });
    expect(list.find((r) => r.projectId === other)?.investmentInStats).toBe(true);

    const d = await detail(current.id);
    const sum = (f: (p: Project) => number) => d.projects.reduce((s, p) => s + f(p), 0);
    expect(d.rollups.zone.projects).toBe(d.projects.length);
    expect(d.rollups.zone.investmentPeriod).toBe(sum((p) => p.investmentPeriod ?? 0));
    expect(d.rollups.zone.investmentInStats).toBe(2_000_000);
    expect(d.rollups.zone.outputPeriod).toBe(80_000_000);
    for (const list of [d.rollups.byPark, d.rollups.byChain, d.rollups.byOfficer]) {
      expect(list.reduce((s, g) => s + g.investmentPeriod, 0)).toBe(d.rollups.zone.investmentPeriod);
      expect(list.reduce((s, g) => s + g.investmentCumulative, 0)).toBe(d.rollups.zone.investmentCumulative);
      expect(list.reduce((s, g) => s + g.projects, 0)).toBe(d.projects.length);
    }
  });

  it('the dispatch .xlsx carries the new figures as extra columns and an officer sheet', async () => {
    const res = await t.call(admin, 'GET', `/api/reports/dispatch.xlsx?roundId=${current.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('项目明细') as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    // The original columns keep their places; the new ones come after.
    expect(header.slice(0, 12)).toContain('存在问题');
    expect(header.indexOf('累计完成投资（万元）')).toBeGreaterThan(header.indexOf('存在问题'));
    const col = (name: string) => header.indexOf(name) + 1;
    const name = current.projects.find((p) => p.projectId === project)?.name;
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(2).value === name) row = r;
    });
    expect(row?.getCell(col('本期入统')).value).toBe('否');
    expect(row?.getCell(col('累计完成投资（万元）')).value).toBe(
      Math.round((firstCumulative + 5_000_000) / 100) / 100,
    );
    expect(row?.getCell(col('本期产值（万元）')).value).toBe(8000);
    expect(wb.getWorksheet('按专员')?.rowCount).toBeGreaterThan(1);

    const docx = await t.call(admin, 'GET', `/api/reports/dispatch.docx?roundId=${current.id}`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain('累计完成投资（万元）');
    expect(doc).toContain('其中入统（万元）');
    expect(doc).toContain('（未入统）');
  });

  it('amounts are checked at the edge; a firm’s roll-ups cover only its own projects', async () => {
    const bad = await t.call(officer, 'POST', `/api/rounds/${current.id}/reports`, {
      projectId: project,
      investmentPeriod: 0,
      fundsPeriod: 0,
      outputPeriod: -1,
      narrative: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('outputPeriod');
    const firm = await detail(current.id, await t.login('firm'));
    expect(firm.rollups.zone.projects).toBe(firm.projects.length);
    expect(firm.projects.length).toBeLessThan(current.projects.length);
  });
});
