import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { filledTemplate, importFile, loadXlsx } from './import.test-helpers';

/**
 * Chain links through the Excel round trip: the export writes a record's link as "链名 › 环节名",
 * and the import reads that (or 链名>环节名, 链名/环节名, the picker's full path, a unique bare link
 * name) back onto `link_id`; any other text stays in the free-text 产业链环节 column.
 */

interface LinkOption {
  id: string;
  chainId: string;
  chainName: string;
  name: string;
  path: string;
}
interface Item {
  id: string;
  name?: string;
  title?: string;
  linkId: string | null;
  chainLink: string | null;
  officerId?: string | null;
  version: number;
}

const CHAIN_COLUMN = '产业链环节';

/** The first sheet of an xlsx reply as header + rows of plain values. */
async function sheetOf(body: Buffer) {
  const ws = (await loadXlsx(body)).worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header = [], ...data] = rows;
  return { header: header as string[], data };
}

describe.skipIf(SKIP_DB)('Excel round trip of chain links', () => {
  let t: TestApp;
  let officer: Session;
  let snacks: LinkOption;

  const projectNamed = async (name: string): Promise<Item> => {
    const res = await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent(name)}&limit=10`);
    const found = (res.json().items as Item[]).filter((p) => p.name === name);
    expect(found, name).toHaveLength(1);
    // The list row has the list's columns; `linkId` is the whole project's.
    return (await t.call(officer, 'GET', `/api/projects/${found[0]?.id}`)).json() as Item;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    const options = (await t.call(officer, 'GET', '/api/chains/link-options')).json().items as LinkOption[];
    const found = options.find((o) => o.path === '宠物产业链 / 宠物食品 / 零食');
    if (!found) throw new Error('the demo chain has 宠物产业链 / 宠物食品 / 零食');
    snacks = found;
  });
  afterAll(async () => t?.close());

  it('exports a project on a link as 链名 › 环节名, and a re-import of that file keeps the link', async () => {
    const created = await t.call(officer, 'POST', '/api/projects', {
      name: '环节往返测试冻干项目',
      linkId: snacks.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json() as Item;
    expect(project.officerId).toBeTruthy();
    const q = `q=${encodeURIComponent('环节往返测试冻干项目')}`;
    const exported = await t.call(officer, 'GET', `/api/projects/export.xlsx?${q}`);
    expect(exported.statusCode).toBe(200);
    const { header, data } = await sheetOf(exported.rawPayload);
    const col = header.indexOf(CHAIN_COLUMN);
    expect(col).toBeGreaterThan(-1);
    expect(data).toHaveLength(1);
    expect(data[0]?.[col]).toBe('宠物产业链 › 零食');

    // The same file again changes nothing …
    const same = await importFile(t, officer, 'project', exported.rawPayload);
    expect(same, JSON.stringify(same)).toMatchObject({
      status: 'done',
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    expect((await projectNamed('环节往返测试冻干项目')).linkId).toBe(snacks.id);

    // … and puts the link back on a project that lost it, by its code.
    const detached = await t.call(officer, 'PATCH', `/api/projects/${project.id}`, {
      version: project.version,
      linkId: null,
    });
    expect(detached.statusCode, detached.body).toBe(200);
    const back = await importFile(t, officer, 'project', exported.rawPayload);
    expect(back, JSON.stringify(back)).toMatchObject({ status: 'done', created: 0, updated: 1 });
    const after = await projectNamed('环节往返测试冻干项目');
    // The export names the 招商专员 by display name; the import finds the same officer by it.
    expect(after).toMatchObject({
      id: project.id,
      linkId: snacks.id,
      chainLink: null,
      officerId: project.officerId,
    });
  });

  it('reads 链名 › 环节名 and its variants onto the link; other text stays free text', async () => {
    const cells: Array<[string, string, boolean]> = [
      ['环节导入测试项目一', '宠物产业链 › 零食', true],
      ['环节导入测试项目二', '宠物产业链>零食', true],
      ['环节导入测试项目三', '宠物产业链/零食', true],
      ['环节导入测试项目四', '宠物产业链 / 宠物食品 / 零食', true],
      ['环节导入测试项目五', '零食', true],
      ['环节导入测试项目六', '某咨询公司自定义：宠物冻干', false],
      ['环节导入测试项目七', '宠物产业链 › 不存在的环节', false],
    ];
    const job = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(
        t,
        officer,
        'project',
        cells.map(([name, cell]) => ({ 项目名称: name, [CHAIN_COLUMN]: cell })),
      ),
    );
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', created: cells.length, errorCount: 0 });
    for (const [name, cell, isLink] of cells) {
      const p = await projectNamed(name);
      if (isLink) expect(p, cell).toMatchObject({ linkId: snacks.id, chainLink: null });
      else expect(p, cell).toMatchObject({ linkId: null, chainLink: cell });
    }
  });

  it('puts firms and leads on the link too, and exports them as 链名 › 环节名', async () => {
    const firms = await importFile(
      t,
      officer,
      'firm',
      await filledTemplate(t, officer, 'firm', [
        { 企业名称: '环节导入测试冻干食品有限公司', [CHAIN_COLUMN]: '宠物产业链 › 零食' },
        { 企业名称: '环节导入测试杂项有限公司', [CHAIN_COLUMN]: '供应商口径：宠物零食' },
      ]),
    );
    expect(firms, JSON.stringify(firms)).toMatchObject({ status: 'done', created: 2 });
    const firmList = (
      await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('环节导入测试')}&limit=10`)
    ).json().items as Item[];
    expect(firmList.find((f) => f.name === '环节导入测试冻干食品有限公司')).toMatchObject({
      linkId: snacks.id,
      chainLink: null,
    });
    expect(firmList.find((f) => f.name === '环节导入测试杂项有限公司')).toMatchObject({
      linkId: null,
      chainLink: '供应商口径：宠物零食',
    });
    const fx = await sheetOf(
      (
        await t.call(
          officer,
          'GET',
          `/api/firms/export.xlsx?q=${encodeURIComponent('环节导入测试')}&sort=name`,
        )
      ).rawPayload,
    );
    const fcol = fx.header.indexOf(CHAIN_COLUMN);
    expect(fx.data.map((r) => [r[0], r[fcol]])).toEqual(
      expect.arrayContaining([
        ['环节导入测试冻干食品有限公司', '宠物产业链 › 零食'],
        ['环节导入测试杂项有限公司', '供应商口径：宠物零食'],
      ]),
    );

    const leads = await importFile(
      t,
      officer,
      'lead',
      await filledTemplate(t, officer, 'lead', [
        {
          线索名称: '环节导入测试线索',
          目标企业: '某冻干零食有限公司',
          来源: '展会',
          [CHAIN_COLUMN]: '宠物产业链>零食',
        },
      ]),
    );
    expect(leads, JSON.stringify(leads)).toMatchObject({ status: 'done', created: 1 });
    const lead = (
      (await t.call(officer, 'GET', `/api/leads?q=${encodeURIComponent('环节导入测试线索')}&limit=10`)).json()
        .items as Item[]
    ).find((l) => l.title === '环节导入测试线索');
    expect(lead).toMatchObject({ linkId: snacks.id, chainLink: null });
  });

  it('leaves a bare link name that two links share as free text', async () => {
    const options = (await t.call(officer, 'GET', '/api/chains/link-options')).json().items as LinkOption[];
    const other = options.find((o) => o.chainId !== snacks.chainId && o.path.split(' / ').length === 2);
    if (!other) throw new Error('the demo has several chains');
    const added = await t.call(officer, 'POST', `/api/chains/${other.chainId}/links`, {
      name: '零食',
      parentId: other.id,
    });
    expect(added.statusCode, added.body).toBe(201);
    const job = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        { 项目名称: '环节导入测试歧义项目', [CHAIN_COLUMN]: '零食' },
        { 项目名称: '环节导入测试指明链项目', [CHAIN_COLUMN]: '宠物产业链 › 零食' },
      ]),
    );
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', created: 2 });
    expect(await projectNamed('环节导入测试歧义项目')).toMatchObject({ linkId: null, chainLink: '零食' });
    expect(await projectNamed('环节导入测试指明链项目')).toMatchObject({ linkId: snacks.id });
  });

  it('says so in the template hint row', async () => {
    const ws = (
      await loadXlsx((await t.call(officer, 'GET', '/api/import/template.xlsx?kind=lead')).rawPayload)
    ).worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const hint = String((ws.getRow(3).values as unknown[]).slice(1)[header.indexOf(CHAIN_COLUMN)]);
    expect(hint).toContain('链名 › 环节名');
    expect(hint).toContain('其他文字按原文保存');
  });
});
