import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../../shared/src/excel-limits';
import { makeUscc } from '../../../../shared/src/uscc';
import { staleInvestorCopies } from '../../test/investors-copy';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { filledTemplate, importFile, loadXlsx, multipart, upload, waitForJob } from './import.test-helpers';

/** A template row: values by Chinese header. */
type Row = Record<string, string | number | Date>;

describe.skipIf(SKIP_DB)('Excel import: template, all-or-nothing, error file, re-import', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  const count = async (table: 'firm' | 'lead' | 'project') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('downloads a template with Chinese headers, an English line, hints and dropdown lists', async () => {
    const res = await t.call(officer, 'GET', '/api/import/template.xlsx?kind=project');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await loadXlsx(res.rawPayload);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('项目名称*');
    expect(headers).toContain('阶段');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toContain('Stage');
    const formulae = JSON.stringify(
      (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    );
    expect(formulae).toContain('签约,注册,供地,审批,开工,主体完工,竣工验收,设备调试,投产,达产');
    expect(formulae).toContain('省重点,市重点,区重点');

    const firm = await loadXlsx(
      (await t.call(officer, 'GET', '/api/import/template.xlsx?kind=firm')).rawPayload,
    );
    const firmLists = JSON.stringify(
      (firm.worksheets[0] as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    );
    expect(firmLists).toContain('大型,中型,小型,微型');
    expect(firmLists).toContain('是,否');
    const lead = await loadXlsx(
      (await t.call(officer, 'GET', '/api/import/template.xlsx?kind=lead')).rawPayload,
    );
    expect(
      JSON.stringify(
        (lead.worksheets[0] as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      ),
    ).toContain('以商招商,展会');
    expect((await t.call(officer, 'GET', '/api/import/template.xlsx?kind=nope')).statusCode).toBe(400);
  });

  const firmRows: Row[] = [
    {
      企业名称: '导入测试甲新材料有限公司',
      统一社会信用代码: makeUscc(810_001),
      注册资本: '5.6亿',
      企业规模: '大型',
      区内企业: '否',
      标签: '新材料、导入',
      联系人: '张经理',
      联系电话: '13800000001',
    },
    {
      企业名称: '导入测试乙食品有限公司',
      统一社会信用代码: makeUscc(810_002),
      注册资本: '4000万',
      行业代码: 'C13',
    },
    { 企业名称: '导入测试丙物流有限公司', 注册资本: 3_500_000 },
  ];

  it('imports good firm rows: creates them with an audit row each and one for the import', async () => {
    const before = await count('firm');
    const job = await importFile(t, officer, 'firm', await filledTemplate(t, officer, 'firm', firmRows));
    expect(job).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      created: 3,
      updated: 0,
      errorCount: 0,
    });
    expect(await count('firm')).toBe(before + 3);
    const jia = await t.db.kysely
      .selectFrom('firm')
      .selectAll()
      .where('uscc', '=', makeUscc(810_001))
      .executeTakeFirstOrThrow();
    expect(jia).toMatchObject({ registered_capital: 560_000_000, size_class: 'large', is_local: 0 });
    expect(JSON.parse(jia.tags_json)).toEqual(['新材料', '导入']);
    expect(JSON.parse(jia.contacts_json)).toEqual([{ name: '张经理', title: null, phone: '13800000001' }]);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action', 'actor_name'])
      .where((eb) => eb.or([eb('entity', '=', 'firm'), eb('entity', '=', 'import_job')]))
      .where('at', '>=', '2000-01-01')
      .execute();
    expect(audits.filter((a) => a.entity === 'firm' && a.entity_id === jia.id)).toEqual([
      { entity: 'firm', entity_id: jia.id, action: 'create', actor_name: 'officer' },
    ]);
    expect(audits.filter((a) => a.entity === 'import_job' && a.entity_id === job.id)).toHaveLength(1);
    // The firm is found like any other (search text built as on create).
    const found = await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('导入测试乙')}`);
    expect(found.json().items.map((f: { name: string }) => f.name)).toEqual(['导入测试乙食品有限公司']);
  });

  it('re-importing the same file creates no duplicates; a changed value is an update, audited', async () => {
    const before = await count('firm');
    const again = await importFile(t, officer, 'firm', await filledTemplate(t, officer, 'firm', firmRows));
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 3 });
    expect(await count('firm')).toBe(before);

    const changed = firmRows.map((r) => ({ ...r }));
    changed[2] = { ...changed[2], 注册资本: '400万', 所在地区: '山东省聊城市' };
    const job = await importFile(t, officer, 'firm', await filledTemplate(t, officer, 'firm', changed));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 2 });
    expect(await count('firm')).toBe(before);
    const bing = await t.db.kysely
      .selectFrom('firm')
      .selectAll()
      .where('name', '=', '导入测试丙物流有限公司')
      .executeTakeFirstOrThrow();
    expect(bing).toMatchObject({ registered_capital: 4_000_000, region: '山东省聊城市', version: 2 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', bing.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ registered_capital: 4_000_000 });
  });

  it('a file with one bad row writes nothing; the error file names the row and what is wrong', async () => {
    const good = makeUscc(810_010);
    const wrong = `${good.slice(0, 17)}${good.at(-1) === '0' ? '1' : '0'}`;
    const before = await count('firm');
    const auditsBefore = await count('firm').then(() =>
      t.db.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const bytes = await filledTemplate(t, officer, 'firm', [
      { 企业名称: '全有或全无甲有限公司', 统一社会信用代码: makeUscc(810_011) },
      { 企业名称: '全有或全无乙有限公司', 统一社会信用代码: wrong, 注册资本: '12.5元' },
      { 企业名称: '全有或全无丙有限公司' },
    ]);
    const job = await importFile(t, officer, 'firm', bytes);
    expect(job).toMatchObject({ status: 'failed', errorCount: 1, created: 0, total: 3 });
    expect(job.message).toContain('未写入任何数据');
    expect(await count('firm')).toBe(before);
    const auditsAfter = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditsAfter.n)).toBe(Number(auditsBefore.n));

    const res = await t.call(officer, 'GET', `/api/import/${job.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const ws = (await loadXlsx(res.rawPayload)).worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('错误 / Error');
    expect(ws.getCell('A4').value).toBeNull();
    const error = String(ws.getCell('A5').value);
    expect(error).toContain('第5行');
    expect(error).toContain('统一社会信用代码：统一社会信用代码校验位错误');
    expect(error).toContain('注册资本');
    expect(error).toContain(' / ');
    expect(error).toMatch(/check/i);
    expect(ws.getCell('B5').value).toBe('全有或全无乙有限公司');
    expect(ws.getCell('A6').value).toBeNull();

    // The fixed error file imports as it is (the 错误 column is ignored).
    ws.getCell('C5').value = good;
    ws.getCell(5, 1 + 6).value = '12元';
    const fixed = Buffer.from(await ws.workbook.xlsx.writeBuffer());
    const retry = await importFile(t, officer, 'firm', fixed);
    expect(retry).toMatchObject({ status: 'done', created: 3 });
  });

  it('refuses two rows for the same firm, and a second firm with the same name without a USCC', async () => {
    const job = await importFile(
      t,
      officer,
      'firm',
      await filledTemplate(t, officer, 'firm', [
        { 企业名称: '重复测试有限公司', 统一社会信用代码: makeUscc(810_020) },
        { 企业名称: '重复测试（另一）有限公司', 统一社会信用代码: makeUscc(810_020) },
        { 企业名称: '重复测试有限公司' },
      ]),
    );
    expect(job).toMatchObject({ status: 'failed', errorCount: 2 });
    const ws = (
      await loadXlsx((await t.call(officer, 'GET', `/api/import/${job.id}/errors.xlsx`)).rawPayload)
    ).worksheets[0];
    expect(String(ws?.getCell('A5').value)).toContain('与第4行是同一条企业');
    expect(String(ws?.getCell('A6').value)).toContain('与第4行是同一条企业');
  });

  it('imports leads with a referrer by USCC and an owner by username; a referral without referrer is refused', async () => {
    const referrer = await t.db.kysely
      .selectFrom('firm')
      .select(['id', 'uscc', 'name'])
      .where('uscc', '=', makeUscc(810_001))
      .executeTakeFirstOrThrow();
    const rows: Row[] = [
      {
        线索名称: '导入线索：新材料配套',
        目标企业: '导入测试乙食品有限公司',
        来源: '以商招商',
        推荐企业: makeUscc(810_001),
        预计投资: '2亿',
        负责人: 'officer',
        下一步: '上门拜访',
        下一步日期: new Date(Date.UTC(2026, 3, 1)),
      },
      {
        线索名称: '导入线索：未入库企业',
        目标企业: '某某未入库科技有限公司',
        来源: '展会',
        下一步日期: '2026/4/2',
      },
    ];
    const bad = await importFile(
      t,
      officer,
      'lead',
      await filledTemplate(t, officer, 'lead', [
        ...rows,
        { 线索名称: '坏线索甲', 目标企业: '某公司', 来源: '展会', 负责人: 'nobody' },
        { 线索名称: '坏线索乙', 目标企业: '某公司', 来源: '以商招商', 负责人: 'officer' },
      ]),
    );
    expect(bad).toMatchObject({ status: 'failed', errorCount: 2 });
    const ws = (
      await loadXlsx((await t.call(officer, 'GET', `/api/import/${bad.id}/errors.xlsx`)).rawPayload)
    ).worksheets[0];
    expect(String(ws?.getCell('A6').value)).toContain('负责人：用户名“nobody”不存在');
    expect(String(ws?.getCell('A7').value)).toContain('推荐企业：以商招商线索须填写推荐企业');

    const before = await count('lead');
    const job = await importFile(t, officer, 'lead', await filledTemplate(t, officer, 'lead', rows));
    expect(job).toMatchObject({ status: 'done', created: 2 });
    expect(await count('lead')).toBe(before + 2);
    const list = await t.call(officer, 'GET', `/api/leads?q=${encodeURIComponent('导入线索')}&sort=title`);
    const items = list.json().items;
    expect(items).toHaveLength(2);
    const referral = items.find((l: { source: string }) => l.source === 'referral');
    expect(referral).toMatchObject({
      referrerFirmId: referrer.id,
      estimatedInvestment: 200_000_000,
      ownerName: expect.any(String),
      nextStepDate: '2026-04-01',
      status: 'new',
    });
    expect(items.find((l: { source: string }) => l.source === 'exhibition')).toMatchObject({
      targetFirmId: null,
      targetFirmName: '某某未入库科技有限公司',
      nextStepDate: '2026-04-02',
    });
    // Without codes in the file, the same title and target find the lead again: no duplicates.
    const again = await importFile(t, officer, 'lead', await filledTemplate(t, officer, 'lead', rows));
    expect(again).toMatchObject({ status: 'done', created: 0, unchanged: 2 });
    expect(await count('lead')).toBe(before + 2);
  });

  it('imports projects with investors and shares; a stage the project lacks fields for is refused, nothing written', async () => {
    const before = await count('project');
    const bad = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        {
          项目编号: 'DR2026-001',
          项目名称: '导入项目甲',
          投资方: '导入测试甲新材料有限公司 60%；导入测试乙食品有限公司 40%',
        },
        { 项目编号: 'DR2026-002', 项目名称: '导入项目乙', 阶段: '开工', 阶段日期: '2026-02-01' },
      ]),
    );
    expect(bad).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(await count('project')).toBe(before);
    const ws = (
      await loadXlsx((await t.call(officer, 'GET', `/api/import/${bad.id}/errors.xlsx`)).rawPayload)
    ).worksheets[0];
    expect(String(ws?.getCell('A5').value)).toContain('用地面积');

    const rows: Row[] = [
      {
        项目编号: 'DR2026-001',
        项目名称: '导入项目甲',
        投资方: '导入测试甲新材料有限公司 60%；导入测试乙食品有限公司 40%',
        所在园区: '导入测试园',
        总投资: '5.6亿',
        重点级别: '市重点',
      },
      {
        项目编号: 'DR2026-002',
        项目名称: '导入项目乙',
        阶段: '开工',
        阶段日期: '2026-02-01',
        '用地面积（亩）': 120,
        所在园区: '导入测试园',
        总投资: '8000万',
      },
    ];
    const job = await importFile(t, officer, 'project', await filledTemplate(t, officer, 'project', rows));
    expect(job).toMatchObject({ status: 'done', created: 2 });
    const list = (
      await t.call(officer, 'GET', `/api/projects?park=${encodeURIComponent('导入测试园')}&sort=code`)
    ).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['DR2026-001', 'DR2026-002']);
    expect(list.items[0]).toMatchObject({
      totalInvestment: 560_000_000,
      priority: 'municipal',
      investors: [
        expect.objectContaining({ firmName: '导入测试甲新材料有限公司', sharePct: 60 }),
        expect.objectContaining({ firmName: '导入测试乙食品有限公司', sharePct: 40 }),
      ],
    });
    // The list row has the list's columns; the start date is on the whole project.
    const started = (await t.call(officer, 'GET', `/api/projects/${list.items[1].id}`)).json();
    expect(started).toMatchObject({ stage: 'started', startDate: '2026-02-01', landMu: 120 });
    const again = await importFile(t, officer, 'project', await filledTemplate(t, officer, 'project', rows));
    expect(again).toMatchObject({ status: 'done', created: 0, unchanged: 2 });
    const changed: Row[] = [{ ...rows[0], 总投资: '6亿' }, { ...rows[1] }];
    const upd = await importFile(t, officer, 'project', await filledTemplate(t, officer, 'project', changed));
    expect(upd).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 1 });
    expect(await count('project')).toBe(before + 2);
    // Every import kept the list's copy of the investors and their names (migration 20261206_0030).
    expect(await staleInvestorCopies(t.db)).toEqual([]);
  });

  it('answers 413 for a file over the limit and 400 for junk, without starting a job', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1024, 1);
    big.write('PK\u0003\u0004', 0, 'latin1');
    const tooBig = await upload(t, officer, 'firm', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(tooBig.json().error.message.zh).toContain('20 MB');

    const junk = await upload(t, officer, 'firm', Buffer.from('name,uscc\n甲公司,123\n'), 'firms.csv');
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('IMPORT_NOT_XLSX');
    expect(junk.json().error.message.zh).toContain('不是 Excel');

    const noKind = multipart({}, { name: 'a.xlsx', bytes: Buffer.from('x') });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': noKind.contentType },
      payload: noKind.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('kind');
    expect((await t.call(officer, 'POST', '/api/import', {})).statusCode).toBe(400);

    // A zip that is not a workbook fails as a job with a clear message.
    const wrongKind = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'firm', firmRows),
    );
    expect(wrongKind).toMatchObject({ status: 'failed', errorCount: 0 });
    expect(wrongKind.message).toContain('未找到表头');
  });

  it('shows a job only to whoever started it (and admins)', async () => {
    const res = await upload(
      t,
      officer,
      'firm',
      await filledTemplate(t, officer, 'firm', firmRows.slice(0, 1)),
    );
    const { jobId } = res.json();
    await waitForJob(t, officer, jobId);
    expect((await t.call(admin, 'GET', `/api/import/${jobId}`)).statusCode).toBe(200);
    const other = await t.login('leader');
    expect((await t.call(other, 'GET', `/api/import/${jobId}`)).statusCode).toBe(403);
  });
});
