import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface ProjectDto {
  id: string;
  park: string | null;
  fundsInPlace: number | null;
  figures: { fundsInPlaceCumulative: number | null; completedInvestmentCumulative: number | null };
}
interface Group {
  key: string;
  fundsPeriod: number;
  fundsCumulative: number;
  investmentCumulative: number;
}

/**
 * One definition per figure (issue 15, shared/src/figures.ts): on a small zone this test builds
 * itself (its own park, firm, projects and round — the demo's records are filtered out by park),
 * the project page, the project list, the round roll-up, the cockpit and the dispatch report agree
 * on 到位资金.
 */
describe.skipIf(SKIP_DB)('figures agree across views', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let leader: Session;
  const PARK = '口径一致性测试园区';
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    admin = await t.login('admin');
    leader = await t.login('leader');
    const firmId = (await t.call(officer, 'POST', '/api/firms', { name: '口径测试投资有限公司' })).json().id;
    // Factories: three projects in the park; the third never reports, so its ledger figure stands.
    for (const [name, ledger] of [
      ['口径测试项目甲', 10_000_000],
      ['口径测试项目乙', null],
      ['口径测试项目丙', 7_000_000],
    ] as const) {
      const res = await t.call(officer, 'POST', '/api/projects', {
        name,
        park: PARK,
        investors: [{ firmId, sharePct: 100 }],
        totalInvestment: 300_000_000,
        fundsInPlace: ledger,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('shows the same 累计到位资金 on the project page, the list and the round roll-up, and the same 本年到位 on the cockpit', async () => {
    const round = await t.call(admin, 'POST', '/api/rounds', { kind: 'month', stages: ['signed'] });
    expect(round.statusCode, round.body).toBe(201);
    const roundId = round.json().id as string;
    const reports: Array<[string, Record<string, unknown>]> = [
      // States its cumulative (funds before the zone's rounds included).
      [
        ids[0] as string,
        { investmentPeriod: 2_000_000, fundsPeriod: 3_000_000, fundsCumulative: 13_000_000 },
      ],
      // Leaves the cumulative to the records: the running figure.
      [ids[1] as string, { investmentPeriod: 1_000_000, fundsPeriod: 4_000_000 }],
    ];
    for (const [projectId, figures] of reports) {
      const res = await t.call(officer, 'POST', `/api/rounds/${roundId}/reports`, {
        projectId,
        narrative: '按计划推进',
        ...figures,
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    const pages = await Promise.all(
      ids.map(async (id) => (await t.call(leader, 'GET', `/api/projects/${id}`)).json() as ProjectDto),
    );
    expect(pages.map((p) => p.figures.fundsInPlaceCumulative)).toEqual([13_000_000, 4_000_000, 7_000_000]);
    // The ledger stays what was entered; only the cumulative follows the rounds.
    expect(pages.map((p) => p.fundsInPlace)).toEqual([10_000_000, null, 7_000_000]);

    const list = (
      await t.call(leader, 'GET', `/api/projects?park=${encodeURIComponent(PARK)}&limit=50`)
    ).json() as { items: ProjectDto[] };
    const fromList = new Map(list.items.map((p) => [p.id, p.figures.fundsInPlaceCumulative]));
    for (const p of pages) expect(fromList.get(p.id)).toBe(p.figures.fundsInPlaceCumulative);

    const detail = (await t.call(leader, 'GET', `/api/rounds/${roundId}`)).json() as {
      rollups: { byPark: Group[] };
    };
    const park = detail.rollups.byPark.find((g) => g.key === PARK) as Group;
    const reported = pages.slice(0, 2);
    expect(park.fundsCumulative).toBe(
      reported.reduce((s, p) => s + (p.figures.fundsInPlaceCumulative ?? 0), 0),
    );
    expect(park.fundsPeriod).toBe(7_000_000);

    const cockpit = (
      await t.call(leader, 'GET', `/api/cockpit?year=2026&park=${encodeURIComponent(PARK)}`)
    ).json() as { monthly: Array<{ cumulativeFunds: number }> };
    expect(cockpit.monthly.at(-1)?.cumulativeFunds).toBe(park.fundsPeriod);

    // The dispatch report of the round (.xlsx, in 万元): the park's roll-up and each reported
    // project's 累计到位 are the figures the roll-up and the project page show.
    const xlsx = await t.call(leader, 'GET', `/api/reports/dispatch.xlsx?roundId=${roundId}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rowOf = (sheet: string, col: number, value: string) => {
      const ws = wb.getWorksheet(sheet);
      const header = (ws?.getRow(1).values as unknown[]) ?? [];
      let found: Record<string, unknown> | null = null;
      ws?.eachRow((row) => {
        if (row.getCell(col).value !== value) return;
        const cells: Record<string, unknown> = {};
        header.forEach((h, i) => {
          if (typeof h === 'string') cells[h] = row.getCell(i).value;
        });
        found = cells;
      });
      return found as Record<string, unknown> | null;
    };
    const wan = (yuan: number) => yuan / 10_000;
    const parkRow = rowOf('按园区', 1, PARK);
    expect(parkRow?.['累计到位（万元）']).toBe(wan(park.fundsCumulative));
    expect(parkRow?.['本期到位（万元）']).toBe(wan(park.fundsPeriod));
    expect(parkRow?.['累计完成投资（万元）']).toBe(wan(park.investmentCumulative));
    for (const [i, name] of ['口径测试项目甲', '口径测试项目乙'].entries()) {
      const projectRow = rowOf('项目明细', 2, name);
      expect(projectRow?.['累计到位（万元）'], name).toBe(
        wan(pages[i]?.figures.fundsInPlaceCumulative as number),
      );
    }
  });

  it('completes the milestones of the stages a project moves past, on the move’s date', async () => {
    const id = ids[2] as string;
    for (const [name, plannedDate] of [
      ['开工', '2026-01-10'],
      ['竣工验收', '2026-02-20'],
      ['投产', '2026-12-31'],
    ]) {
      const res = await t.call(officer, 'POST', `/api/projects/${id}/milestones`, { name, plannedDate });
      expect(res.statusCode, res.body).toBe(201);
    }
    const p = (await t.call(officer, 'GET', `/api/projects/${id}`)).json() as { version: number };
    const facts = await t.call(officer, 'PATCH', `/api/projects/${id}`, {
      version: p.version,
      landMu: 50,
      startDate: '2026-01-10',
      capacityQuantity: 1,
      capacityUnit: '万吨',
      capacityProduct: '宠物食品',
    });
    expect(facts.statusCode, facts.body).toBe(200);
    const moved = await t.call(officer, 'POST', `/api/projects/${id}/stage`, {
      to: 'commissioning',
      date: '2026-03-01',
      version: facts.json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const ms = (await t.call(leader, 'GET', `/api/projects/${id}/milestones`)).json().items as Array<{
      name: string;
      actualDate: string | null;
      late: boolean;
    }>;
    const named = (name: string) => ms.find((m) => m.name === name);
    expect(named('开工')).toMatchObject({ actualDate: '2026-03-01', late: false });
    expect(named('竣工验收')).toMatchObject({ actualDate: '2026-03-01', late: false });
    expect(named('投产')).toMatchObject({ actualDate: null });
  });
});
