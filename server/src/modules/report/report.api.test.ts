import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

async function documentXml(body: Buffer): Promise<{ doc: string; footer: string }> {
  const zip = await JSZip.loadAsync(body);
  const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  const footer = footers.length ? ((await zip.file(footers[0] as string)?.async('string')) ?? '') : '';
  return { doc, footer };
}

describe.skipIf(SKIP_DB)(
  'reports: dispatch .docx/.xlsx with the round’s figures, the project dossier',
  () => {
    let t: TestApp;
    let leader: Session;
    let firm: Session;

    beforeAll(async () => {
      t = await createTestApp();
      leader = await t.login('leader');
      firm = await t.login('firm');
    });
    afterAll(async () => t?.close());

    it('the dispatch report .docx: title, fonts, A4, page numbers and the round’s figures', async () => {
      const rounds = (await t.call(leader, 'GET', '/api/rounds')).json().items as Array<{
        id: string;
        periodKey: string;
        expected: number;
        reported: number;
      }>;
      const page = rounds.find((r) => r.periodKey === '2024-W33') as (typeof rounds)[number];
      const res = await t.call(leader, 'GET', `/api/reports/dispatch.docx?roundId=${page.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain('.docx');
      const { doc, footer } = await documentXml(res.rawPayload);
      expect(doc).toContain('重点项目调度报告');
      expect(doc).toContain('仿宋_GB2312');
      expect(doc).toContain('黑体');
      // Table text takes its 仿宋 五号 from a paragraph style, not from each of thousands of runs.
      expect(doc).toContain('<w:pStyle w:val="LzTableCell"/>');
      expect(doc).toContain('w:w="11906"');
      expect(doc).toContain(`共调度重点项目${page.expected}个`);
      expect(doc).toContain(`已报送${page.reported}个`);
      expect(doc).toContain('主体完工');
      expect(footer).toContain('PAGE');

      // The summary's investment equals the sum of the round's reports from the list API.
      const reports = (
        await t.call(leader, 'GET', `/api/rounds/reports?roundId=${page.id}&limit=200`)
      ).json();
      const sum = reports.items.reduce(
        (s: number, r: { investmentPeriod: number }) => s + r.investmentPeriod,
        0,
      );
      const xlsx = await t.call(leader, 'GET', `/api/reports/dispatch.xlsx?roundId=${page.id}`);
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const summary = wb.getWorksheet('汇总');
      const value = (label: string) => {
        let v: unknown;
        summary?.eachRow((row) => {
          if (row.getCell(1).value === label) v = row.getCell(2).value;
        });
        return v;
      };
      expect(value('调度项目数')).toBe(page.expected);
      expect(value('已报送')).toBe(page.reported);
      expect(value('本期完成固定资产投资（万元）')).toBe(Math.round(sum / 100) / 100);
      expect(wb.getWorksheet('项目明细')?.rowCount).toBe(page.expected + 1);
    });

    it('the dispatch .docx is ready to issue: 合计 rows, amounts right-aligned with fixed decimals, one bracket', async () => {
      const res = await t.call(leader, 'GET', '/api/reports/dispatch.docx');
      expect(res.statusCode, res.body).toBe(200);
      const { doc } = await documentXml(res.rawPayload);
      expect(doc).not.toMatch(/（（|））/);
      const tables = doc.split('<w:tbl>').slice(1);
      const rowsOf = (tbl: string) =>
        tbl
          .split('<w:tr>')
          .slice(1)
          .map((tr) => [...tr.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1] as string));
      const amount = (text: string) => Number(text.replaceAll(',', ''));
      // The chain table and the park table: each ends with 合计, the sum of the rows above it.
      for (const tbl of tables.slice(0, 2)) {
        const rows = rowsOf(tbl).slice(1);
        const total = rows.at(-1) as string[];
        const groups = rows.slice(0, -1);
        expect(total[0]).toBe('合计');
        expect(groups.length).toBeGreaterThan(0);
        expect(Number(total[1])).toBe(groups.reduce((n, g) => n + Number(g[1]), 0));
        for (const col of [2, 3, 4, 6, 7]) {
          const sum = groups.reduce((n, g) => n + amount(g[col] as string), 0);
          // Each cell is rounded to 0.01万: the sum of rounded cells is within a cent per row.
          expect(Math.abs(amount(total[col] as string) - sum), `column ${col}`).toBeLessThanOrEqual(
            0.005 * groups.length + 1e-9,
          );
          expect(total[col]).toMatch(/^[\d,]+\.\d{2}$/);
        }
        // Amount cells are right-aligned.
        expect(tbl).toContain('<w:jc w:val="right"/>');
      }
    });

    it('only leaders, admins and officers get the dispatch report', async () => {
      expect((await t.call(firm, 'GET', '/api/reports/dispatch.docx')).statusCode).toBe(403);
      expect((await t.call(await t.login('dept'), 'GET', '/api/reports/dispatch.xlsx')).statusCode).toBe(403);
      expect((await t.call(await t.login('officer'), 'GET', '/api/reports/dispatch.docx')).statusCode).toBe(
        200,
      );
    });

    it('the dossier: a firm gets its own project’s, not another firm’s', async () => {
      const own = (await t.call(firm, 'GET', '/api/projects?limit=5')).json().items as Array<{
        id: string;
        code: string;
      }>;
      const gb = own.find((p) => p.code === 'XM2024-00003') as { id: string };
      const res = await t.call(firm, 'GET', `/api/projects/${gb.id}/dossier.docx`);
      expect(res.statusCode, res.body).toBe(200);
      const { doc } = await documentXml(res.rawPayload);
      expect(doc).toContain('乖宝宠物年产10万吨高端宠物食品项目');
      expect(doc).toContain('车间主体框架');
      // The title does not double 项目 for a name that already ends with it.
      expect(doc).toContain('乖宝宠物年产10万吨高端宠物食品项目档案');
      expect(doc).not.toContain('项目项目档案');
      const all = (await t.call(leader, 'GET', '/api/projects?q=%E7%80%9A%E6%B4%8B')).json().items as Array<{
        id: string;
        code: string;
      }>;
      const hy = all.find((p) => p.code === 'XM2024-00001') as { id: string };
      expect((await t.call(firm, 'GET', `/api/projects/${hy.id}/dossier.docx`)).statusCode).toBe(404);
      expect((await t.call(leader, 'GET', `/api/projects/${hy.id}/dossier.docx`)).statusCode).toBe(200);
    });
  },
);
