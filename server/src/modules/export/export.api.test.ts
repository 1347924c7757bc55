import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { loadXlsx } from '../import/import.test-helpers';

/** The first sheet of an xlsx reply as header + rows of plain values. */
async function sheetOf(body: Buffer) {
  const ws = (await loadXlsx(body)).worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header = [], ...data] = rows;
  return { header: header as string[], data };
}

describe.skipIf(SKIP_DB)('Excel export of the lists: same filters, same columns, same scope', () => {
  let t: TestApp;
  let officer: Session;
  let firmUser: Session;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    firmUser = await t.login('firm');
  });
  afterAll(async () => t?.close());

  it('exports the project list with its filters and sort: Chinese headers, 万元, stage labels, dates', async () => {
    const query = 'stage=signed,started,structure_done,completed&sort=-totalInvestment';
    const list = (await t.call(officer, 'GET', `/api/projects?${query}&limit=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await t.call(officer, 'GET', `/api/projects/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.headers['x-export-total']).toBe(String(list.total));
    const { header, data } = await sheetOf(res.rawPayload);
    expect(header.slice(0, 6)).toEqual([
      '项目名称',
      '项目编号',
      '阶段',
      '阶段日期',
      '重点级别',
      '总投资（万元）',
    ]);
    expect(data.map((r) => r[1])).toEqual(list.items.map((p: { code: string }) => p.code));
    const stages: Record<string, string> = {
      signed: '签约',
      started: '开工',
      structure_done: '主体完工',
      completed: '竣工验收',
    };
    list.items.forEach(
      (p: { stage: string; totalInvestment: number | null; stageDate: string | null }, i: number) => {
        const row = data[i] ?? [];
        expect(row[2]).toBe(stages[p.stage]);
        expect(row[5] ?? null).toBe(
          p.totalInvestment === null ? null : Math.round(p.totalInvestment / 100) / 100,
        );
        if (p.stageDate) expect((row[3] as Date).toISOString().slice(0, 10)).toBe(p.stageDate);
      },
    );
  });

  it('states its filter in words on the About sheet, names included (筛选条件)', async () => {
    const firm = (await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('乖宝')}&limit=1`)).json()
      .items[0] as { id: string; name: string };
    const query = `q=${encodeURIComponent('宠物')}&stage=signed,started&firmId=${firm.id}&late=true&sort=-totalInvestment`;
    const res = await t.call(officer, 'GET', `/api/projects/export.xlsx?${query}`);
    const filterLine = async (body: Buffer) => {
      const about = (await loadXlsx(body)).getWorksheet('说明 About');
      if (!about) throw new Error('no About sheet');
      return about.getRow(3).values as unknown[];
    };
    const filterRow = await filterLine(res.rawPayload);
    expect(filterRow[1]).toBe('筛选条件');
    expect(filterRow[2]).toBe(`关键词：宠物；阶段：签约、开工；企业：${firm.name}；仅滞后；按总投资降序`);
    const none = await t.call(
      officer,
      'GET',
      '/api/leads/export.xlsx?minInvestment=50000000&source=referral',
    );
    expect((await filterLine(none.rawPayload))[2]).toBe(
      '来源：以商招商；投资额不低于：5000万元；按下一步日期升序',
    );
  });

  it('exports firms and leads with the list filters (search, source)', async () => {
    const firms = (
      await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('宠物')}&sort=name&limit=200`)
    ).json();
    const fx = await sheetOf(
      (await t.call(officer, 'GET', `/api/firms/export.xlsx?q=${encodeURIComponent('宠物')}&sort=name`))
        .rawPayload,
    );
    expect(fx.header[0]).toBe('企业名称');
    expect(fx.header).toContain('注册资本（万元）');
    expect(fx.data.map((r) => r[0])).toEqual(firms.items.map((f: { name: string }) => f.name));

    const leads = (await t.call(officer, 'GET', '/api/leads?source=referral&sort=code&limit=200')).json();
    const lx = await sheetOf(
      (await t.call(officer, 'GET', '/api/leads/export.xlsx?source=referral&sort=code')).rawPayload,
    );
    expect(lx.data.map((r) => r[1])).toEqual(leads.items.map((l: { code: string }) => l.code));
    expect(new Set(lx.data.map((r) => r[8]))).toEqual(new Set(leads.total > 0 ? ['以商招商'] : []));
    expect((await t.call(officer, 'GET', '/api/leads/export.xlsx?source=nope')).statusCode).toBe(400);
  });

  it('an enterprise user exports only what its list shows, and no leads', async () => {
    const mine = (await t.call(firmUser, 'GET', '/api/projects?limit=200')).json();
    const all = (await t.call(officer, 'GET', '/api/projects?limit=1')).json();
    expect(mine.total).toBeLessThan(all.total);
    const px = await sheetOf((await t.call(firmUser, 'GET', '/api/projects/export.xlsx')).rawPayload);
    expect(px.data.map((r) => r[1]).sort()).toEqual(mine.items.map((p: { code: string }) => p.code).sort());
    const fx = await sheetOf((await t.call(firmUser, 'GET', '/api/firms/export.xlsx')).rawPayload);
    expect(fx.data).toHaveLength(1);
    expect((await t.call(firmUser, 'GET', '/api/leads/export.xlsx')).statusCode).toBe(403);
  });
});
