import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import {
  type LinkStatRow,
  type LinkYearStatRow,
  nonZeroLinkStats,
  recountLinkStats,
} from './link-stats.repository';

/**
 * The per-link counts the database keeps (migration 0008 triggers) must equal a recount from the
 * records after every kind of write: API creates and edits, status and stage moves, attaching,
 * deleting a link (which detaches its records), and writes that bypass the services (bulk loads,
 * deletes). The chain map reads these counts, so this is also what keeps the map right.
 */
interface MapLink {
  id: string;
  name: string;
  own: { firms: number; projects: number; investment: number; leads: number };
}

const byKey = <T extends { link_id: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.link_id}|${(a as { year?: number }).year ?? ''}`.localeCompare(
      `${b.link_id}|${(b as { year?: number }).year ?? ''}`,
    ),
  );

describe.skipIf(SKIP_DB)('per-link counts (link_stat) kept by the database', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let petId: string;
  let chainId: string;
  let links: MapLink[];

  const expectRecount = async () => {
    const stored = await nonZeroLinkStats(t.db.kysely);
    const counted = await recountLinkStats(t.db.kysely);
    expect(byKey<LinkStatRow>(stored.links)).toEqual(byKey<LinkStatRow>(counted.links));
    expect(byKey<LinkYearStatRow>(stored.years)).toEqual(byKey<LinkYearStatRow>(counted.years));
    return counted;
  };
  const mapLink = async (name: string, chain = petId) => {
    const res = await t.call(officer, 'GET', `/api/chains/${chain}/map?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const l = (res.json() as { links: MapLink[] }).links.find((x) => x.name === name);
    if (!l) throw new Error(`no link ${name}`);
    return l;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    admin = await t.login('admin');
    const list = (await t.call(officer, 'GET', '/api/chains')).json() as {
      items: Array<{ id: string; name: string }>;
    };
    petId = list.items.find((c) => c.name === '宠物产业链')?.id ?? '';
    links = ((await t.call(officer, 'GET', `/api/chains/${petId}/map`)).json() as { links: MapLink[] }).links;
    const created = await t.call(officer, 'POST', '/api/chains', { name: '计数测试产业链' });
    expect(created.statusCode, created.body).toBe(201);
    chainId = created.json().id;
  });
  afterAll(async () => t?.close());

  it('matches a recount of the demo data as seeded', async () => {
    const counted = await expectRecount();
    expect(counted.links.some((l) => l.local_firms > 0)).toBe(true);
    expect(counted.links.some((l) => l.projects > 0 && l.investment > 0)).toBe(true);
    expect(counted.years.length).toBeGreaterThan(0);
  });

  it('follows creates, edits, status and stage moves and attachments made through the API', async () => {
    const a = (
      await t.call(officer, 'POST', `/api/chains/${chainId}/links`, { name: '甲环节', position: 'up' })
    ).json() as { id: string };
    const b = (
      await t.call(officer, 'POST', `/api/chains/${chainId}/links`, { name: '乙环节', position: 'up' })
    ).json() as { id: string };

    const firm = await t.call(officer, 'POST', '/api/firms', {
      name: '计数测试本地企业有限公司',
      isLocal: true,
      linkId: a.id,
    });
    expect(firm.statusCode, firm.body).toBe(201);
    const outside = await t.call(officer, 'POST', '/api/firms', {
      name: '计数测试外地企业有限公司',
      isLocal: false,
      linkId: a.id,
    });
    expect(outside.statusCode, outside.body).toBe(201);
    const project = await t.call(officer, 'POST', '/api/projects', {
      name: '计数测试项目',
      totalInvestment: 300_000_000,
      linkId: a.id,
    });
    expect(project.statusCode, project.body).toBe(201);
    const lead = await t.call(officer, 'POST', '/api/leads', {
      title: '计数测试线索',
      source: 'exhibition',
      targetFirmName: '某计数测试有限公司',
      linkId: a.id,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    await expectRecount();
    expect((await mapLink('甲环节', chainId)).own).toEqual({
      firms: 1,
      projects: 1,
      investment: 300_000_000,
      leads: 1,
    });

    // Edits that move a record's share: investment, local flag, the link itself.
    const p = project.json() as { id: string; version: number };
    const edited = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: p.version,
      totalInvestment: 500_000_000,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const o = outside.json() as { id: string; version: number };
    expect(
      (await t.call(officer, 'PATCH', `/api/firms/${o.id}`, { version: o.version, isLocal: true }))
        .statusCode,
    ).toBe(200);
    const f = firm.json() as { id: string; version: number };
    expect(
      (await t.call(officer, 'PATCH', `/api/firms/${f.id}`, { version: f.version, linkId: b.id })).statusCode,
    ).toBe(200);
    await expectRecount();
    expect((await mapLink('甲环节', chainId)).own).toMatchObject({ firms: 1, investment: 500_000_000 });
    expect((await mapLink('乙环节', chainId)).own.firms).toBe(1);

    // A lost lead and a cancelled project no longer count.
    const l = lead.json() as { id: string; version: number };
    const lost = await t.call(officer, 'POST', `/api/leads/${l.id}/status`, {
      to: 'lost',
      reason: '企业选择了其他园区',
      version: l.version,
    });
    expect(lost.statusCode, lost.body).toBe(200);
    const cancel = await t.call(officer, 'POST', `/api/projects/${p.id}/stage`, {
      to: 'cancelled',
      date: '2026-03-01',
      reason: '企业战略调整',
      version: (edited.json() as { version: number }).version,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await expectRecount();
    expect((await mapLink('甲环节', chainId)).own).toMatchObject({ projects: 0, investment: 0, leads: 0 });

    // Attaching a demo record to a link moves it from the link it was on.
    const food = links.find((x) => x.name === '宠物食品');
    if (!food) throw new Error('demo link 宠物食品');
    const demoFirm = await t.db.kysely
      .selectFrom('firm')
      .select('id')
      .where('is_local', '=', 1)
      .where('link_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const attach = await t.call(officer, 'PUT', '/api/chains/attachments', {
      entity: 'firm',
      id: demoFirm.id,
      linkId: b.id,
    });
    expect(attach.statusCode, attach.body).toBe(200);
    await expectRecount();
    expect((await mapLink('乙环节', chainId)).own.firms).toBe(2);

    // Deleting a link detaches its records: their counts leave with it.
    const del = await t.call(admin, 'DELETE', `/api/chains/${chainId}/links/${b.id}?confirm=true`);
    expect(del.statusCode, del.body).toBe(200);
    await expectRecount();
  });

  it('follows writes that bypass the services: bulk inserts, deletes, a created_at across New Year', async () => {
    const k = t.db.kysely;
    const link = links.find((x) => x.name === '宠物食品');
    if (!link) throw new Error('demo link 宠物食品');
    const now = '2026-06-01T00:00:00.000Z';
    await k
      .insertInto('firm')
      .values(
        [1, 2, 3].map((i) => ({
          id: `01900000-0000-7000-8000-0000000c0f0${i}`,
          name: `批量计数测试企业${i}有限公司`,
          name_norm: `批量计数测试企业${i}`,
          aliases_json: '[]',
          contacts_json: '[]',
          tags_json: '[]',
          is_local: i === 3 ? 0 : 1,
          link_id: link.id,
          search_text: `批量计数测试企业${i}`,
          is_sample: 0,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const project = { id: '01900000-0000-7000-8000-0000000c0f10' };
    await k
      .insertInto('project')
      .values({
        ...project,
        code: 'XM-COUNT-1',
        name: '批量计数测试项目',
        stage: 'signed',
        total_investment: 120_000_000,
        link_id: link.id,
        search_text: '批量计数测试项目',
        is_sample: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await expectRecount();
    // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Shanghai: the project stays in 2026's figures;
    // a millisecond before 16:00 UTC it is still 2025 there.
    await k
      .updateTable('project')
      .set({ created_at: '2025-12-31T17:00:00.000Z' })
      .where('id', '=', project.id)
      .execute();
    const counted = await expectRecount();
    expect(counted.years.find((y) => y.link_id === link.id && y.year === 2026)?.projects).toBeGreaterThan(0);
    await k
      .updateTable('project')
      .set({ created_at: '2025-12-31T15:59:59.999Z' })
      .where('id', '=', project.id)
      .execute();
    expect((await expectRecount()).years.some((y) => y.link_id === link.id && y.year === 2025)).toBe(true);
    await k.deleteFrom('firm').where('name', 'like', '批量计数测试企业%').execute();
    await k.deleteFrom('project').where('id', '=', project.id).execute();
    await expectRecount();
  });
});
