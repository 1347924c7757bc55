import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { filledTemplate, importFile, loadXlsx } from '../import/import.test-helpers';

/** Issue 16: a firm's short, former and English names catch duplicates and find it in search and imports. */
describe.skipIf(SKIP_DB)('firm aliases: duplicate check, search, import matching', () => {
  let t: TestApp;
  let officer: Session;
  const GUAIBAO = '乖宝宠物食品集团股份有限公司';

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  const firmCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('firm')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('warns that 乖宝宠物 is 乖宝宠物食品集团 (its short name), live and on save; a confirmed different firm saves', async () => {
    const live = await t.call(officer, 'GET', `/api/firms/duplicates?name=${encodeURIComponent('乖宝宠物')}`);
    expect(live.statusCode).toBe(200);
    expect(live.json().items).toEqual([
      expect.objectContaining({ name: GUAIBAO, reason: 'alias', matched: '乖宝宠物' }),
    ]);
    // The English name, written in another case and with a legal form, finds it too.
    const english = await t.call(
      officer,
      'GET',
      `/api/firms/duplicates?name=${encodeURIComponent('GAMBOL PET GROUP CO., LTD.')}`,
    );
    expect(english.json().items).toEqual([expect.objectContaining({ name: GUAIBAO, reason: 'alias' })]);

    const before = await firmCount();
    const refused = await t.call(officer, 'POST', '/api/firms', { name: '乖宝宠物' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'DUPLICATE_FIRM',
      duplicates: [expect.objectContaining({ name: GUAIBAO, reason: 'alias' })],
    });
    expect(refused.json().error.message.zh).toContain('也叫“乖宝宠物”');
    expect(await firmCount()).toBe(before);
    const confirmed = await t.call(officer, 'POST', '/api/firms', {
      name: '乖宝宠物',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('a new firm whose entered short name is an existing firm name is a possible duplicate', async () => {
    const res = await t.call(officer, 'POST', '/api/firms', {
      name: '别名测试控股有限公司',
      shortName: '乖宝宠物食品集团',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.duplicates).toEqual([expect.objectContaining({ name: GUAIBAO, reason: 'name' })]);
  });

  it('edited aliases are indexed: the duplicate check and search find the firm by its new names, not its old', async () => {
    const created = await t.call(officer, 'POST', '/api/firms', { name: '星澜智能装备有限公司' });
    expect(created.statusCode).toBe(201);
    const firm = created.json();
    const edit = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, {
      version: firm.version,
      shortName: '星澜智装',
      aliases: ['聊城星澜机械厂'],
      englishName: 'Xinglan Smart Equipment',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      shortName: '星澜智装',
      aliases: ['聊城星澜机械厂'],
      englishName: 'Xinglan Smart Equipment',
    });
    for (const name of ['星澜智装', '聊城星澜机械厂有限公司', 'xinglan smart equipment']) {
      const dup = await t.call(officer, 'GET', `/api/firms/duplicates?name=${encodeURIComponent(name)}`);
      expect(dup.json().items, name).toEqual([expect.objectContaining({ id: firm.id, reason: 'alias' })]);
    }
    for (const q of ['星澜智装', '机械厂', 'xinglan']) {
      const list = await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent(q)}`);
      expect(
        list.json().items.map((f: { id: string }) => f.id),
        q,
      ).toContain(firm.id);
    }
    // A former name removed is no longer one of its names.
    const again = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, { version: 2, aliases: [] });
    expect(again.statusCode).toBe(200);
    const gone = await t.call(
      officer,
      'GET',
      `/api/firms/duplicates?name=${encodeURIComponent('聊城星澜机械厂')}`,
    );
    expect(gone.json().items).toEqual([]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'firm')
      .where('entity_id', '=', firm.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('an imported project names its investor by English name; a firm row named by an alias is reported', async () => {
    const job = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        {
          项目编号: 'AL2026-001',
          项目名称: '别名导入项目',
          投资方: 'Gambol Pet Group Co., Ltd.',
          总投资: '1亿',
        },
      ]),
    );
    expect(job).toMatchObject({ status: 'done', created: 1 });
    const list = await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent('别名导入项目')}`);
    expect(list.json().items[0].investors).toEqual([expect.objectContaining({ firmName: GUAIBAO })]);

    const before = await firmCount();
    const firms = await importFile(
      t,
      officer,
      'firm',
      await filledTemplate(t, officer, 'firm', [{ 企业名称: '星澜智装' }]),
    );
    expect(firms).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(await firmCount()).toBe(before);
    const ws = (
      await loadXlsx((await t.call(officer, 'GET', `/api/import/${firms.id}/errors.xlsx`)).rawPayload)
    ).worksheets[0];
    expect(String(ws?.getCell('A4').value)).toContain(
      '“星澜智装”是企业库中“星澜智能装备有限公司”的简称或别名',
    );
  });
});
