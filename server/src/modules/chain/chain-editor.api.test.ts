import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface MapLink {
  id: string;
  name: string;
  parentId: string | null;
  state: string;
  total: { firms: number; projects: number };
}

describe.skipIf(SKIP_DB)('industrial chains API: the editor, chain edits, import and export', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let petId: string;
  let links: MapLink[];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
    const list = (await t.call(officer, 'GET', '/api/chains')).json() as {
      items: Array<{ id: string; name: string }>;
    };
    petId = list.items.find((c) => c.name === '宠物产业链')?.id ?? '';
    links = ((await t.call(officer, 'GET', `/api/chains/${petId}/map`)).json() as { links: MapLink[] }).links;
  });
  afterAll(async () => t?.close());

  it('edits the link tree: add, rename, reorder, move, refuse a cycle, delete only with confirm', async () => {
    const chain = (
      await t.call(officer, 'POST', '/api/chains', { name: '测试产业链', scope: 'zone' })
    ).json() as {
      id: string;
      version: number;
    };
    const add = async (body: Record<string, unknown>) => {
      const res = await t.call(officer, 'POST', `/api/chains/${chain.id}/links`, body);
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; position: string; sortOrder: number };
    };
    const a = await add({ name: 'A', position: 'up' });
    const b = await add({ name: 'B', position: 'up' });
    const c = await add({ name: 'C', parentId: a.id, industryCodes: ['1321'], keywords: ['猫粮'] });
    expect(c.position).toBe('up');
    expect((await t.call(officer, 'POST', `/api/chains/${chain.id}/links`, { name: 'X' })).statusCode).toBe(
      400,
    );
    expect(
      (await t.call(leader, 'POST', `/api/chains/${chain.id}/links`, { name: 'L', position: 'up' }))
        .statusCode,
    ).toBe(403);
    const renamed = await t.call(officer, 'PATCH', `/api/chains/${chain.id}/links/${c.id}`, { name: 'C2' });
    expect(renamed.json()).toMatchObject({ name: 'C2', industryCodes: ['1321'] });
    // B before A, then A (with C) under B, downstream: C follows.
    await t.call(officer, 'POST', `/api/chains/${chain.id}/links/${b.id}/move`, { parentId: null, index: 0 });
    const moved = await t.call(officer, 'POST', `/api/chains/${chain.id}/links/${a.id}/move`, {
      parentId: b.id,
    });
    expect(moved.statusCode).toBe(200);
    await t.call(officer, 'PATCH', `/api/chains/${chain.id}/links/${b.id}`, { position: 'down' });
    const detail = (await t.call(officer, 'GET', `/api/chains/${chain.id}`)).json() as {
      version: number;
      links: Array<{ id: string; parentId: string | null; position: string }>;
    };
    expect(detail.links.find((l) => l.id === a.id)).toMatchObject({ parentId: b.id, position: 'down' });
    expect(detail.links.find((l) => l.id === c.id)?.position).toBe('down');
    expect(detail.version).toBeGreaterThan(chain.version);
    const cycle = await t.call(officer, 'POST', `/api/chains/${chain.id}/links/${b.id}/move`, {
      parentId: c.id,
    });
    expect(cycle.json().error.code).toBe('CHAIN_MOVE_CYCLE');

    // Attach a firm to C2; deleting B (with A and C2) first answers what is attached.
    const firm = await t.db.kysely
      .selectFrom('firm')
      .select(['id', 'link_id'])
      .where('is_local', '=', 1)
      .where('is_sample', '=', 1)
      .executeTakeFirstOrThrow();
    const attach = await t.call(officer, 'PUT', '/api/chains/attachments', {
      entity: 'firm',
      id: firm.id,
      linkId: c.id,
    });
    expect(attach.statusCode).toBe(200);
    const ask = await t.call(officer, 'DELETE', `/api/chains/${chain.id}/links/${b.id}`);
    expect(ask.statusCode).toBe(409);
    expect(ask.json().error).toMatchObject({ code: 'LINK_DELETE_CONFIRM', attached: { links: 3, firms: 1 } });
    expect((await t.call(officer, 'GET', `/api/chains/${chain.id}`)).json().links).toHaveLength(3);
    const done = await t.call(officer, 'DELETE', `/api/chains/${chain.id}/links/${b.id}?confirm=true`);
    expect(done.statusCode).toBe(200);
    expect((await t.call(officer, 'GET', `/api/chains/${chain.id}`)).json().links).toHaveLength(0);
    const detached = await t.db.kysely
      .selectFrom('firm')
      .select('link_id')
      .where('id', '=', firm.id)
      .executeTakeFirstOrThrow();
    expect(detached.link_id).toBeNull();
    await t.db.kysely.updateTable('firm').set({ link_id: firm.link_id }).where('id', '=', firm.id).execute();
    const audit = (await t.call(admin, 'GET', `/api/audit?entity=chain_link&entityId=${b.id}`)).json() as {
      items: Array<{ action: string }>;
    };
    expect(audit.items.map((x) => x.action).sort()).toEqual(['create', 'delete', 'move', 'update']);
  });

  it('edits a chain with optimistic concurrency and validates leaders and targets', async () => {
    const detail = (await t.call(officer, 'GET', `/api/chains/${petId}`)).json() as { version: number };
    const ok = await t.call(officer, 'PATCH', `/api/chains/${petId}`, {
      version: detail.version,
      officialName: '张三（示例）',
      targets: [{ year: 2030, projectsTarget: 20, investmentTarget: 5_000_000_000 }],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      officialName: '张三（示例）',
      targets: [{ year: 2030, projectsTarget: 20 }],
    });
    const stale = await t.call(officer, 'PATCH', `/api/chains/${petId}`, {
      version: detail.version,
      goal: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const badLeader = await t.call(officer, 'PATCH', `/api/chains/${petId}`, {
      version: detail.version + 1,
      leaders: [{ firmId: 'nope' }],
    });
    expect(badLeader.statusCode).toBe(400);
    expect(badLeader.json().error.fields[0].path).toBe('leaders.0.firmId');
    const dup = await t.call(officer, 'POST', '/api/chains', { name: '宠物产业链' });
    expect(dup.json().error.code).toBe('CHAIN_NAME_TAKEN');
  });

  it('sets 链长 and 链主 on an existing chain, audited with names before and after', async () => {
    // The home-furnishing chain: the pet chain's leaders stay as the export test expects.
    const list = (await t.call(officer, 'GET', '/api/chains')).json() as {
      items: Array<{ id: string; name: string }>;
    };
    const chainId = list.items.find((c) => c.name === '家居产业链')?.id ?? '';
    const chainLinks = (
      (await t.call(officer, 'GET', `/api/chains/${chainId}/map`)).json() as { links: MapLink[] }
    ).links;
    const before = (await t.call(officer, 'GET', `/api/chains/${chainId}`)).json() as {
      version: number;
      officialName: string | null;
      leaders: Array<{ firmId: string; firmName: string }>;
    };
    const other = (await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('瀚洋')}&limit=1`)).json()
      .items[0] as { id: string; name: string };
    const link = chainLinks.find((l) => l.parentId !== null) ?? chainLinks[0];
    const leaders = [
      ...before.leaders.map((l) => ({ firmId: l.firmId })),
      { firmId: other.id, linkId: link?.id ?? null, note: '牵头补链' },
    ];
    const res = await t.call(officer, 'PATCH', `/api/chains/${chainId}`, {
      version: before.version,
      officialName: '李四',
      officialTitle: '管委会副主任',
      leaders,
    });
    expect(res.statusCode).toBe(200);
    const after = res.json() as {
      officialName: string;
      officialTitle: string;
      leaders: Array<{ firmId: string; firmName: string; linkId: string | null; note: string | null }>;
    };
    expect(after.officialName).toBe('李四');
    expect(after.officialTitle).toBe('管委会副主任');
    expect(after.leaders.map((l) => l.firmName)).toEqual([
      ...before.leaders.map((l) => l.firmName),
      other.name,
    ]);
    expect(after.leaders[after.leaders.length - 1]).toMatchObject({ linkId: link?.id, note: '牵头补链' });

    const audit = (await t.call(admin, 'GET', `/api/audit?entity=chain&entityId=${chainId}`)).json() as {
      items: Array<{
        action: string;
        before: { officialName: string | null; leaders: Array<{ firmName: string }> } | null;
        after: { officialName: string | null; leaders: Array<{ firmName: string }> } | null;
      }>;
    };
    const entry = audit.items.find((a) => a.action === 'update' && a.after?.officialName === '李四');
    expect(entry?.before?.officialName).toBe(before.officialName);
    expect(entry?.after?.leaders.map((l) => l.firmName)).toContain(other.name);
    expect(entry?.before?.leaders.map((l) => l.firmName)).not.toContain(other.name);

    // A leader firm on a link of another chain is refused, and nothing changes.
    const foreign = await t.call(officer, 'PATCH', `/api/chains/${chainId}`, {
      version: before.version + 1,
      officialName: '王五',
      leaders: [{ firmId: other.id, linkId: 'not-a-link-here' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('leaders.0.linkId');
    const unchanged = (await t.call(officer, 'GET', `/api/chains/${chainId}`)).json() as {
      officialName: string;
    };
    expect(unchanged.officialName).toBe('李四');
    // A department user may read chains but not edit them.
    const dept = await t.login('dept');
    const refused = await t.call(dept, 'PATCH', `/api/chains/${chainId}`, {
      version: before.version + 1,
      officialName: 'x',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('exports a chain as JSON and xlsx and imports both back as new chains', async () => {
    const json = await t.call(officer, 'GET', `/api/chains/${petId}/export?format=json`);
    expect(json.statusCode).toBe(200);
    const file = json.json() as { format: string; links: Array<{ key: string; parentKey: string | null }> };
    expect(file.format).toBe('lianzhao.chain');
    expect(file.links.length).toBe(links.length);
    const imported = await t.call(officer, 'POST', '/api/chains/import?name=宠物产业链（导入）', file);
    expect(imported.statusCode).toBe(201);
    const copy = imported.json() as {
      chain: { id: string; links: unknown[]; leaders: Array<{ firmName: string }> };
    };
    expect(copy.chain.links).toHaveLength(links.length);
    expect(copy.chain.leaders.map((l) => l.firmName)).toEqual(['乖宝宠物食品集团股份有限公司']);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/chains/${copy.chain.id}/export?format=xlsx`,
      headers: { cookie: officer.cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const info = wb.getWorksheet('产业链');
    info?.getRow(2).getCell(2).value;
    info?.eachRow((row) => {
      if (String(row.getCell(1).value).endsWith(' name')) row.getCell(2).value = '宠物产业链（xlsx）';
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = 'lzboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/chains/import/xlsx',
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().chain).toMatchObject({ name: '宠物产业链（xlsx）' });
    expect(up.json().chain.links).toHaveLength(links.length);

    const bad = await t.call(officer, 'POST', '/api/chains/import', { format: 'x', links: [] });
    expect(bad.statusCode).toBe(400);
    const orphan = await t.call(officer, 'POST', '/api/chains/import', {
      ...file,
      chain: { name: '孤儿' },
      links: [{ key: '1.1', parentKey: '1', name: 'x', position: 'up' }],
    });
    expect(orphan.json().error.fields[0].path).toBe('links.0.parentKey');
  });
});
