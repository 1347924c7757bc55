import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../../shared/src/uscc';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

describe.skipIf(SKIP_DB)('firms: register, duplicates, USCC, relations, scope', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let firmUser: Session;
  const auditCount = async (entity: string, entityId: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', entity)
        .where('entity_id', '=', entityId)
        .execute()
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    firmUser = await t.login('firm');
  });
  afterAll(async () => t?.close());

  it('creates, reads and edits a firm with optimistic versions, audited', async () => {
    const uscc = makeUscc(900_001);
    const res = await t.call(officer, 'POST', '/api/firms', {
      name: '测试星河新材料有限公司',
      uscc,
      industryCode: 'C26',
      registeredCapital: 50_000_000,
      tags: ['新材料'],
      contacts: [{ name: '王经理', phone: '13800000000' }],
      isLocal: false,
    });
    expect(res.statusCode).toBe(201);
    const firm = res.json();
    expect(firm).toMatchObject({
      uscc,
      industryCode: '26',
      industryName: '化学原料和化学制品制造业',
      version: 1,
      isSample: false,
      isLocal: false,
    });
    const got = await t.call(leader, 'GET', `/api/firms/${firm.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ name: '测试星河新材料有限公司', relations: [], projects: [] });
    const edit = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, {
      version: 1,
      shortName: '星河新材',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().version).toBe(2);
    const stale = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, { version: 1, shortName: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(await auditCount('firm', firm.id)).toEqual(expect.arrayContaining(['create', 'update']));
    expect((await t.call(leader, 'PATCH', `/api/firms/${firm.id}`, { version: 2 })).statusCode).toBe(403);
  });

  it('refuses a wrong USCC check character, naming the expected one; nothing is written', async () => {
    const good = makeUscc(900_002);
    const last = good.at(-1);
    const wrong = good.slice(0, 17) + (last === '0' ? '1' : '0');
    const before = await t.db.kysely
      .selectFrom('firm')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const res = await t.call(officer, 'POST', '/api/firms', { name: '校验位测试有限公司', uscc: wrong });
    expect(res.statusCode).toBe(400);
    const field = res.json().error.fields[0];
    expect(field.path).toBe('uscc');
    expect(field.message.zh).toContain('校验位错误');
    expect(field.message.zh).toContain(`应为“${last}”`);
    const after = await t.db.kysely
      .selectFrom('firm')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('refuses bad input at the edge with the field named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', registeredCapital: -1 }, 'registeredCapital'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ name: 'x', colour: 'red' }, 'colour'],
      [{ name: 'x', industryCode: '9999' }, 'industryCode'],
    ];
    for (const [body, path] of cases) {
      const res = await t.call(officer, 'POST', '/api/firms', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .join(' '),
      ).toContain(path);
    }
  });

  it('detects duplicates by USCC (always) and normalised name (unless confirmed)', async () => {
    const uscc = makeUscc(900_003);
    const first = (
      await t.call(officer, 'POST', '/api/firms', { name: '重复检测（聊城）科技有限公司', uscc })
    ).json();
    const sameUscc = await t.call(officer, 'POST', '/api/firms', {
      name: '别的名字有限公司',
      uscc,
      confirmNotDuplicate: true,
    });
    expect(sameUscc.statusCode).toBe(409);
    expect(sameUscc.json().error).toMatchObject({
      code: 'DUPLICATE_FIRM',
      duplicates: [{ id: first.id, uscc }],
    });
    const sameName = await t.call(officer, 'POST', '/api/firms', { name: '重复检测(聊城)科技股份有限公司' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.fields[0].path).toBe('name');
    const confirmed = await t.call(officer, 'POST', '/api/firms', {
      name: '重复检测(聊城)科技股份有限公司',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    const dups = await t.call(
      officer,
      'GET',
      `/api/firms/duplicates?name=${encodeURIComponent('重复检测（聊城）科技')}&uscc=${uscc}`,
    );
    expect(dups.json().items.length).toBeGreaterThanOrEqual(2);
    expect(dups.json().items.find((d: { id: string }) => d.id === first.id).reason).toBe('uscc');
  });

  it('finds 乖宝 and 宠物 by search, filters and sorts', async () => {
    const gb = await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('乖宝')}`);
    expect(gb.json().items.map((f: { name: string }) => f.name)).toContain('乖宝宠物食品集团股份有限公司');
    const pet = await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('宠物')}&limit=200`);
    expect(pet.json().total).toBeGreaterThan(1);
    const long = await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('宠物食品集团')}`);
    expect(long.json().items[0].name).toBe('乖宝宠物食品集团股份有限公司');
    const listed = await t.call(leader, 'GET', '/api/firms?listed=true');
    expect(listed.json().items.map((f: { listedCode: string }) => f.listedCode)).toContain('301498');
    const byCap = (await t.call(leader, 'GET', '/api/firms?sort=-registeredCapital&limit=20')).json().items;
    const caps = byCap.map((f: { registeredCapital: number | null }) => f.registeredCapital ?? -1);
    expect(caps).toEqual([...caps].sort((a: number, b: number) => b - a));
    const external = (await t.call(leader, 'GET', '/api/firms?isLocal=false&limit=200')).json().items;
    expect(external.every((f: { isLocal: boolean }) => !f.isLocal)).toBe(true);
  });

  it('keeps the 以商招商 graph: add, list, refuse duplicates, delete — audited', async () => {
    const list = (await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('宏通')}`)).json();
    const hongtong = list.items[0];
    const rels = (await t.call(leader, 'GET', `/api/firms/${hongtong.id}/relations`)).json().items;
    expect(rels.find((r: { kind: string }) => r.kind === 'partner')).toMatchObject({
      toFirmName: '瀚洋重工装备制造（天津）有限公司',
    });
    const other = (await t.call(officer, 'POST', '/api/firms', { name: '关系测试供应商有限公司' })).json();
    const add = await t.call(officer, 'POST', `/api/firms/${other.id}/relations`, {
      toFirmId: hongtong.id,
      kind: 'supplier',
    });
    expect(add.statusCode).toBe(201);
    const again = await t.call(officer, 'POST', `/api/firms/${other.id}/relations`, {
      toFirmId: hongtong.id,
      kind: 'supplier',
    });
    expect(again.statusCode).toBe(409);
    const del = await t.call(officer, 'DELETE', `/api/firm-relations/${add.json().id}`);
    expect(del.statusCode).toBe(204);
    expect(await auditCount('firm_relation', add.json().id)).toEqual(['create', 'delete']);
  });

  it('shows an enterprise user only its own firm; other ids are 404', async () => {
    const mine = (await t.call(firmUser, 'GET', '/api/firms')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].name).toBe('乖宝宠物食品集团股份有限公司');
    const own = await t.call(firmUser, 'GET', `/api/firms/${mine.items[0].id}`);
    expect(own.statusCode).toBe(200);
    // The zone's own view of the firm is not shown to it (decision 011; firm-audience.api.test.ts).
    expect(own.json().leads).toBeUndefined();
    const other = (await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('宏通')}`)).json().items[0];
    expect((await t.call(firmUser, 'GET', `/api/firms/${other.id}`)).statusCode).toBe(404);
    expect((await t.call(firmUser, 'GET', `/api/firms/${other.id}/relations`)).statusCode).toBe(403);
    expect((await t.call(firmUser, 'POST', '/api/firms', { name: 'x' })).statusCode).toBe(403);
  });
});
