import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { filledTemplate, importFile, loadXlsx } from './import.test-helpers';

/**
 * Issue 16: the Excel error loop. Every problem of a file is reported in one pass (an unknown
 * investor beside a bad amount), and the error file imports again as it is: one 错误 column, the
 * messages of this round only.
 */
describe.skipIf(SKIP_DB)('import error loop: one pass, error file re-import', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  const errorFile = async (jobId: string): Promise<ExcelJS.Worksheet> => {
    const res = await t.call(officer, 'GET', `/api/import/${jobId}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const ws = (await loadXlsx(res.rawPayload)).worksheets[0];
    if (!ws) throw new Error('no sheet in the error file');
    return ws;
  };
  const headers = (ws: ExcelJS.Worksheet) => {
    const out: string[] = [];
    ws.getRow(1).eachCell((cell, n) => {
      out[n] = String(cell.value ?? '');
    });
    return out;
  };
  const columnOf = (ws: ExcelJS.Worksheet, header: string) => {
    const n = headers(ws).findIndex((h) => h?.replace('*', '') === header);
    if (n < 1) throw new Error(`no column ${header}`);
    return n;
  };
  const projectCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('project')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reports an unknown investor and an unknown officer together with the field errors of the same row', async () => {
    const job = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        {
          项目编号: 'EL2026-001',
          项目名称: '一次报全项目',
          投资方: '不存在的甲企业有限公司',
          总投资: '很多钱',
          招商专员: 'nobody-here',
        },
      ]),
    );
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(job.message).toContain('1 row is wrong');
    const message = String((await errorFile(job.id)).getCell('A4').value);
    expect(message).toContain('总投资');
    expect(message).toContain('不存在的甲企业有限公司');
    expect(message).toContain('nobody-here');
  });

  it('an error file imports again with one 错误 column and only this round’s messages, then cleanly when fixed', async () => {
    const before = await projectCount();
    const first = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        { 项目编号: 'EL2026-002', 项目名称: '错误循环项目甲', 总投资: '很多钱' },
        { 项目编号: 'EL2026-003', 项目名称: '错误循环项目乙', 投资方: '不存在的乙企业有限公司' },
      ]),
    );
    expect(first).toMatchObject({ status: 'failed', errorCount: 2 });
    const ws1 = await errorFile(first.id);
    expect(headers(ws1).filter((h) => h?.startsWith('错误'))).toHaveLength(1);
    // Fix the first row in the error file itself and import that file.
    ws1.getCell(4, columnOf(ws1, '总投资')).value = '1亿';
    const second = await importFile(
      t,
      officer,
      'project',
      Buffer.from(await ws1.workbook.xlsx.writeBuffer()),
    );
    expect(second).toMatchObject({ status: 'failed', errorCount: 1 });
    const ws2 = await errorFile(second.id);
    expect(headers(ws2).filter((h) => h?.startsWith('错误'))).toHaveLength(1);
    expect(headers(ws2)).toEqual(headers(ws1));
    const err = columnOf(ws2, '错误 / Error');
    expect(ws2.getCell(4, err).value ?? null).toBeNull(); // the fixed row's stale message is gone
    expect(String(ws2.getCell(5, err).value)).toContain('不存在的乙企业有限公司');

    ws2.getCell(5, columnOf(ws2, '投资方')).value = null;
    const third = await importFile(t, officer, 'project', Buffer.from(await ws2.workbook.xlsx.writeBuffer()));
    expect(third).toMatchObject({ status: 'done', created: 2 });
    expect(await projectCount()).toBe(before + 2);
  });
});
